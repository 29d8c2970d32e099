// Signs in over HTTP the way the sign-in form does (next-auth's csrf, then the credentials
// callback), for tests and benchmarks that talk to a running server with fetch.

export type SignInResult = { error: string | null; session: string | undefined; response: Response }

/** The session cookie (`name=value`) when the sign-in succeeded, and next-auth's error otherwise. */
export async function credentialsSignIn(base: string, email: string, password: string): Promise<SignInResult> {
  const csrf = await fetch(`${base}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const cookie = csrf.headers
    .getSetCookie()
    .map((k) => k.split(';')[0])
    .join('; ')
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true', callbackUrl: `${base}/` }).toString(),
  })
  const error = new URL(((await response.clone().json()) as { url: string }).url, base).searchParams.get('error')
  const session = response.headers
    .getSetCookie()
    .map((k) => k.split(';')[0]!)
    .find((k) => k.includes('session-token'))
  return { error, session, response }
}
