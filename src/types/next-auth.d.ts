import type { OrgKind, VendorRole } from '@/generated/prisma/enums'

declare module 'next-auth' {
  interface Session {
    user: {
      id: string
      name?: string | null
      email?: string | null
      sessionVersion: number
      orgKind: OrgKind
      vendorRoles: VendorRole[]
    }
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string
    sv: number
    orgKind: OrgKind
    vendorRoles: VendorRole[]
  }
}
