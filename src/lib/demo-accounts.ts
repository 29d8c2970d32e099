// The demo sign-ins of the seed (password `demo-password` for all), listed in the README too.
export const DEMO_PASSWORD = 'demo-password'

export const DEMO_ACCOUNTS = [
  { email: 'licadmin@acme.example', role: 'Acme · License Administrator' },
  { email: 'caseadmin@acme.example', role: 'Acme · Case Administrator' },
  { email: 'user@acme.example', role: 'Acme · user without case rights' },
  { email: 'caseadmin@globex.example', role: 'Globex · Case Administrator' },
  { email: 'partner@northwind.example', role: 'Northwind · Support Partner' },
  { email: 'engineer@vendor.example', role: 'Vendor · Support Engineer' },
  { email: 'engineer2@vendor.example', role: 'Vendor · Support Engineer' },
  { email: 'manager@vendor.example', role: 'Vendor · Support Manager' },
  { email: 'sam@vendor.example', role: 'Vendor · Support Account Manager' },
  { email: 'admin@vendor.example', role: 'Vendor · Administrator' },
] as const
