// STORAGE_URL → where attachments live in S3-compatible object storage (decision 0021). Pure: no
// SDK, no environment; src/env.ts validates the setting with it at start, the S3 store reads it.
//
//   s3://bucket?region=eu-west-1
//   s3://KEY:SECRET@bucket?endpoint=http://127.0.0.1:4569&forcePathStyle=true&prefix=attachments/
//
// Credentials in the userinfo are percent-decoded (a secret with `/` or `+` is written `%2F`, `%2B`);
// without them the AWS SDK's default chain applies (environment, shared config, instance role).
// No message below repeats the URL or its credentials.

export type S3StorageConfig = {
  bucket: string
  /** An S3-compatible server instead of AWS (MinIO, Ceph…); http(s) origin, optionally a path. */
  endpoint?: string
  /** Unset: the SDK's default chain (AWS_REGION…); with an endpoint, us-east-1. */
  region?: string
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers want. */
  forcePathStyle: boolean
  /** Put before every key, e.g. `attachments/`; '' for none. */
  prefix: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

export class StorageUrlError extends Error {
  constructor(reason: string) {
    super(`STORAGE_URL ${reason}`)
    this.name = 'StorageUrlError'
  }
}

const PARAMETERS = ['endpoint', 'region', 'forcePathStyle', 'prefix'] as const
type Parameter = (typeof PARAMETERS)[number]

// S3's bucket naming rules: 3-63 characters, lowercase letters, digits, dots and hyphens,
// beginning and ending with a letter or digit.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const REGION = /^[a-z0-9][a-z0-9-]*$/

const decode = (part: string, what: string) => {
  try {
    return decodeURIComponent(part)
  } catch {
    throw new StorageUrlError(`has a malformed percent-encoding in its ${what}`)
  }
}

/** The configuration a STORAGE_URL names; throws StorageUrlError saying what is wrong. */
export function parseStorageUrl(value: string): S3StorageConfig {
  if (!/^s3:\/\//i.test(value)) throw new StorageUrlError('must start with s3:// (e.g. s3://bucket?region=eu-west-1)')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new StorageUrlError('is not a valid URL (percent-encode special characters in the key and secret)')
  }
  const bucket = url.hostname
  if (!bucket) throw new StorageUrlError('names no bucket: write s3://<bucket>?…')
  if (!BUCKET.test(bucket)) throw new StorageUrlError(`bucket "${bucket}" is not a valid S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)`)
  if (url.port) throw new StorageUrlError('has a port after the bucket: give the server as ?endpoint=http://host:port')
  if (url.pathname && url.pathname !== '/') throw new StorageUrlError('has a path after the bucket: give a key prefix as ?prefix=…')
  if (url.hash) throw new StorageUrlError('has a #fragment, which means nothing here')

  let credentials: S3StorageConfig['credentials']
  if (url.username || url.password) {
    const accessKeyId = decode(url.username, 'access key')
    const secretAccessKey = decode(url.password, 'secret')
    if (!accessKeyId || !secretAccessKey)
      throw new StorageUrlError('needs both an access key and a secret (s3://KEY:SECRET@bucket), or neither for the SDK default credentials')
    credentials = { accessKeyId, secretAccessKey }
  }

  const given = new Map<Parameter, string>()
  for (const [name, v] of url.searchParams) {
    if (!(PARAMETERS as readonly string[]).includes(name)) throw new StorageUrlError(`has an unknown parameter "${name}" (known: ${PARAMETERS.join(', ')})`)
    if (given.has(name as Parameter)) throw new StorageUrlError(`gives "${name}" more than once`)
    given.set(name as Parameter, v)
  }

  let endpoint: string | undefined
  const rawEndpoint = given.get('endpoint')
  if (rawEndpoint !== undefined) {
    let e: URL
    try {
      e = new URL(rawEndpoint)
    } catch {
      throw new StorageUrlError('endpoint must be an http:// or https:// URL, e.g. endpoint=https://minio.internal:9000')
    }
    if (e.protocol !== 'http:' && e.protocol !== 'https:')
      throw new StorageUrlError('endpoint must be an http:// or https:// URL, e.g. endpoint=https://minio.internal:9000')
    if (e.username || e.password) throw new StorageUrlError('endpoint must not carry credentials: put them before the bucket (s3://KEY:SECRET@bucket)')
    if (e.search || e.hash)
      throw new StorageUrlError('endpoint must not have a query or fragment (percent-encode it if the parameters after it are read as its own)')
    endpoint = e.href.replace(/\/$/, '')
  }

  const region = given.get('region')
  if (region !== undefined && !REGION.test(region)) throw new StorageUrlError(`region "${region}" is not a region name like eu-west-1`)

  const rawPathStyle = given.get('forcePathStyle')
  if (rawPathStyle !== undefined && rawPathStyle !== 'true' && rawPathStyle !== 'false')
    throw new StorageUrlError(`forcePathStyle must be true or false, not "${rawPathStyle}"`)

  const prefix = given.get('prefix') ?? ''
  if (prefix.startsWith('/')) throw new StorageUrlError('prefix must not start with "/" (S3 keys have no leading slash)')
  if (prefix.split('/').some((segment) => segment === '.' || segment === '..')) throw new StorageUrlError('prefix must not contain "." or ".." segments')

  return {
    bucket,
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : endpoint ? { region: 'us-east-1' } : {}),
    forcePathStyle: rawPathStyle === 'true',
    prefix,
    ...(credentials ? { credentials } : {}),
  }
}

/** Why a STORAGE_URL is refused, or null when it is valid (for the environment's schema). */
export function storageUrlProblem(value: string): string | null {
  try {
    parseStorageUrl(value)
    return null
  } catch (error) {
    if (error instanceof StorageUrlError) return error.message
    throw error
  }
}
