// Who may open which page (issue 12), in one map that the pages' gates, the navigation and the
// home redirect all read (decision 0014). Pure: the server fills in the facts that need the
// database or the environment (src/server/access/page-access.ts). The services check again: a
// page rule is about what to show, never the authorization of a read or a write.

export type PageSubject = {
  orgKind: 'CUSTOMER' | 'PARTNER' | 'VENDOR'
  vendorRoles: readonly string[]
  /** Acts for at least one Support ID: a customer role that may open cases (License or Case
   * Administrator), or a partner's approved grant. Never true for vendor staff. */
  actsForSupportId: boolean
  /** No SMTP server: the portal delivers its mail to /inbox. */
  devInbox: boolean
}

export type NavItem = { href: string; label: string }

type PageRule = {
  can: (s: PageSubject) => boolean
  /** Its link in the navigation, for those who can open it (none: reached from elsewhere). */
  nav?: (s: PageSubject) => string
  /** The home page of vendor staff with this role, in this order (customers: /cases). */
  homeRole?: string
}

const vendor = (s: PageSubject) => s.orgKind === 'VENDOR'
const role = (r: string) => (s: PageSubject) => vendor(s) && s.vendorRoles.includes(r)
const signedIn = () => true

/** Every page of src/app that a signed-in person may or may not open, in navigation order.
 * Object pages (a case, an article, a calendar) also need the object to be reachable. */
export const PAGES = {
  '/queue': { can: vendor, nav: () => 'Queue', homeRole: 'ENGINEER' },
  '/cases': { can: signedIn, nav: (s) => (vendor(s) ? 'All cases' : 'My cases') },
  '/cases/new': { can: (s) => !vendor(s) && s.actsForSupportId, nav: () => 'Open a case' },
  '/cases/[number]': { can: signedIn },
  '/escalations': { can: role('MANAGER'), nav: () => 'Escalations', homeRole: 'MANAGER' },
  '/reports': { can: role('MANAGER'), nav: () => 'Reports' },
  '/kb': { can: signedIn, nav: () => 'Knowledge base' },
  '/kb/[slug]': { can: signedIn },
  // Customer administration is for those who administer a Support ID; partners ask for access.
  '/organisation': { can: (s) => s.orgKind === 'CUSTOMER' && s.actsForSupportId, nav: () => 'Organisation' },
  '/partner': { can: (s) => s.orgKind === 'PARTNER', nav: () => 'Access requests' },
  '/admin': { can: role('ADMIN'), nav: () => 'Administration', homeRole: 'ADMIN' },
  '/admin/products': { can: role('ADMIN') },
  '/admin/regions': { can: role('ADMIN') },
  '/admin/calendars': { can: role('ADMIN') },
  '/admin/calendars/[calendarId]': { can: role('ADMIN') },
  // Without SMTP everyone reads their mail here; with SMTP it is the Administrators' outbox.
  '/inbox': { can: (s) => s.devInbox || role('ADMIN')(s), nav: (s) => (s.devInbox ? 'Inbox' : 'Outbox') },
  // Linked from the header (the person's name; the notification bell), not from the navigation.
  '/profile': { can: signedIn },
  '/notifications': { can: signedIn },
} satisfies Record<string, PageRule>

export type PagePath = keyof typeof PAGES

export function canOpenPage(s: PageSubject, path: PagePath): boolean {
  return (PAGES[path] as PageRule).can(s)
}

/** The navigation: exactly the pages with a link that this person can open. */
export function navFor(s: PageSubject): NavItem[] {
  return Object.entries(PAGES as Record<string, PageRule>).flatMap(([href, rule]) => (rule.nav && rule.can(s) ? [{ href, label: rule.nav(s) }] : []))
}

/** Where "/" and a signed-in visit to the sign-in page send this person. */
export function homePathFor(s: PageSubject): string {
  if (!vendor(s)) return '/cases'
  for (const [href, rule] of Object.entries(PAGES as Record<string, PageRule>)) {
    if (rule.homeRole && s.vendorRoles.includes(rule.homeRole) && rule.can(s)) return href
  }
  return '/queue'
}
