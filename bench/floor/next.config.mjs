// A bare Next.js app (bench/web.ts builds it once into bench/floor/.next): the framework's floor.
const config = { poweredByHeader: false }
export default config
