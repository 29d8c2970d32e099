// Which case statuses are open: the one list, for the server (queries, rules) and the pages. Pure.
// A case is open until it is resolved or closed (RESOLVED, CLOSED).

export const OPEN_STATUSES = ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'] as const
export type OpenStatus = (typeof OPEN_STATUSES)[number]

export const isOpenStatus = (status: string): status is OpenStatus => (OPEN_STATUSES as readonly string[]).includes(status)

/** A customer's reply or upload on a case waiting on the customer hands it back to the engineer
 * (IN_PROGRESS). Vendor activity never does; a reply to a resolved case reopens it instead. */
export const customerActivityResumes = (status: string): boolean => status === 'WAITING_ON_CUSTOMER'
