import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { env } from '@/env'
import { prisma } from '@/server/db/client'
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure, SignInRateLimited } from './rate-limit'
import { clientAddress } from './client-address'
import { verifyCredentials, ZSignInInput } from './sign-in'
import { sameOriginPath } from '@/lib/safe-redirect'

const SESSION_HOURS = 8

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'E-mail and password',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = ZSignInInput.safeParse(credentials)
        if (!parsed.success) return null
        // The socket address (or TRUST_PROXY_HOPS proxies' word for it), never the client's own header.
        const address = clientAddress((req.headers ?? {}) as Record<string, string | undefined>)
        // next-auth shows a thrown message to the user: the rate limit's, never an internal one.
        try {
          await assertSignInAllowed(parsed.data.email, address)
          const user = await verifyCredentials(parsed.data)
          if (user) await clearSignInFailures(parsed.data.email, address)
          else await recordSignInFailure(parsed.data.email, address)
          return user
        } catch (error) {
          if (error instanceof SignInRateLimited) throw error
          console.error(error)
          throw new Error('Sign-in is unavailable right now. Try again in a minute.')
        }
      },
    }),
  ],
  callbacks: {
    // next-auth's own redirects (sign-in, sign-out callbackUrl): same-origin paths only (decision 0007).
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${sameOriginPath(url, baseUrl)}`
    },
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
