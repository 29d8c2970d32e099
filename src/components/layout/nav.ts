// The navigation is read from the page-access map, like the pages' gates and the home redirect
// (src/lib/page-access.ts, decision 0014): a link appears exactly where its page lets the person in.
export { navFor, type NavItem } from '@/lib/page-access'
