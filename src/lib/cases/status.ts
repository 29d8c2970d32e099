// Which case statuses are open: the one list, for the server (queries, rules) and the pages. Pure.
// A case is open until it is resolved or closed (RESOLVED, CLOSED).

export const OPEN_STATUSES = ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] as const
export type OpenStatus = (typeof OPEN_STATUSES)[number]

export const isOpenStatus = (status: string): status is OpenStatus => (OPEN_STATUSES as readonly string[]).includes(status)
