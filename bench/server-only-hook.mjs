// Lets a benchmark import the app's server modules under plain Node
// (`tsx --import ./bench/server-only-hook.mjs …`). Next.js's bundler normally does two things
// Node does not: `server-only` (a guard that throws outside React Server Components) resolves to
// an empty module, and next-auth's CommonJS provider is unwrapped. The benchmark never signs in.
import { register } from 'node:module'

const stubs = {
  'server-only': 'export {}',
  'next-auth/providers/credentials': 'export default (options) => ({ id: "credentials", type: "credentials", options })',
}

register(
  'data:text/javascript,' +
    encodeURIComponent(`const stubs = ${JSON.stringify(stubs)}
    export async function resolve(specifier, context, next) {
      if (specifier in stubs) return { url: 'data:text/javascript,' + encodeURIComponent(stubs[specifier]), shortCircuit: true }
      return next(specifier, context)
    }`),
  import.meta.url,
)
