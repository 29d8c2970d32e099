import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { env } from '@/env'
import { prisma } from '@/server/db/client'
import { verifyCredentials, ZSignInInput } from './sign-in'

const SESSION_HOURS = 8

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'E-mail and password',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const parsed = ZSignInInput.safeParse(credentials)
        if (!parsed.success) return null
        try {
          return await verifyCredentials(parsed.data)
        } catch (error) {
          // next-auth shows a thrown message to the user: never an internal one.
          console.error(error)
          throw new Error('Sign-in is unavailable right now. Try again in a minute.')
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = await prisma.user.findUniqueOrThrow({
          where: { id: user.id },
          select: { sessionVersion: true, vendorRoles: true, organisation: { select: { kind: true } } },
        })
        token.uid = user.id
        token.sv = u.sessionVersion
        token.orgKind = u.organisation.kind
        token.vendorRoles = u.vendorRoles
      }
      return token
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid,
        sessionVersion: token.sv,
        orgKind: token.orgKind,
        vendorRoles: token.vendorRoles,
      }
      return session
    },
  },
  events: {
    // Sign-out invalidates every JWT issued before it, not just this browser's cookie.
    async signOut({ token }) {
      if (token?.uid) await prisma.user.update({ where: { id: token.uid }, data: { sessionVersion: { increment: 1 } } })
    },
  },
}
