import { describe, expect, it } from 'vitest'
import { parseStorageUrl, storageUrlProblem, StorageUrlError } from '@/lib/storage-url'

const refusal = (value: string) => {
  try {
    parseStorageUrl(value)
  } catch (error) {
    expect(error).toBeInstanceOf(StorageUrlError)
    return (error as Error).message
  }
  throw new Error(`accepted ${value}`)
}

describe('STORAGE_URL', () => {
  it('reads a bucket on an S3-compatible server with every parameter', () => {
    expect(parseStorageUrl('s3://portal-files?endpoint=http://127.0.0.1:4569&region=eu-west-1&forcePathStyle=true&prefix=attachments/')).toEqual({
      bucket: 'portal-files',
      endpoint: 'http://127.0.0.1:4569',
      region: 'eu-west-1',
      forcePathStyle: true,
      prefix: 'attachments/',
    })
  })

  it('leaves credentials and region to the AWS SDK default chain when the URL names neither', () => {
    const config = parseStorageUrl('s3://portal-files')
    expect(config).toEqual({ bucket: 'portal-files', forcePathStyle: false, prefix: '' })
    expect(config).not.toHaveProperty('credentials')
    expect(config).not.toHaveProperty('region')
  })

  it('gives an endpoint without a region us-east-1, which S3-compatible servers accept for signing', () => {
    expect(parseStorageUrl('s3://portal-files?endpoint=https://minio.internal:9000/').region).toBe('us-east-1')
    expect(parseStorageUrl('s3://portal-files?endpoint=https://minio.internal:9000/').endpoint).toBe('https://minio.internal:9000')
  })

  it('percent-decodes the access key and secret of the userinfo', () => {
    expect(parseStorageUrl('s3://AKIA%2BTEST:se%2Fcr%3Aet%40x+y@portal-files?region=eu-west-1').credentials).toEqual({
      accessKeyId: 'AKIA+TEST',
      secretAccessKey: 'se/cr:et@x+y',
    })
  })

  it('refuses another scheme, or no URL at all', () => {
    expect(refusal('https://portal-files.s3.amazonaws.com')).toMatch(/^STORAGE_URL must start with s3:\/\//)
    expect(refusal('portal-files')).toMatch(/must start with s3:\/\//)
    expect(refusal('')).toMatch(/must start with s3:\/\//)
  })

  it('refuses a URL without a bucket, or with a name S3 does not allow', () => {
    expect(refusal('s3://')).toMatch(/names no bucket/)
    expect(refusal('s3://?region=eu-west-1')).toMatch(/names no bucket/)
    expect(refusal('s3:///attachments')).toMatch(/names no bucket/)
    expect(refusal('s3://Portal_Files')).toMatch(/bucket "Portal_Files" is not a valid S3 bucket name/)
    expect(refusal('s3://ab')).toMatch(/not a valid S3 bucket name/)
  })

  it('refuses a path or port after the bucket, pointing at the parameter meant', () => {
    expect(refusal('s3://portal-files/attachments')).toMatch(/\?prefix=/)
    expect(refusal('s3://portal-files:9000')).toMatch(/\?endpoint=/)
  })

  it('refuses a bad endpoint URL', () => {
    expect(refusal('s3://portal-files?endpoint=minio.internal:9000')).toMatch(/endpoint must be an http:\/\/ or https:\/\/ URL/)
    expect(refusal('s3://portal-files?endpoint=not a url')).toMatch(/endpoint must be an http:\/\/ or https:\/\/ URL/)
    expect(refusal('s3://portal-files?endpoint=ftp://files.internal')).toBe(
      'STORAGE_URL endpoint must be an http:// or https:// URL, e.g. endpoint=https://minio.internal:9000',
    )
    expect(refusal('s3://portal-files?endpoint=http://u:p@minio.internal')).toMatch(/endpoint must not carry credentials/)
  })

  it('refuses an unknown or repeated parameter, naming it and the known ones', () => {
    expect(refusal('s3://portal-files?bucket=other')).toBe('STORAGE_URL has an unknown parameter "bucket" (known: endpoint, region, forcePathStyle, prefix)')
    expect(refusal('s3://portal-files?forcepathstyle=true')).toMatch(/unknown parameter "forcepathstyle"/)
    expect(refusal('s3://portal-files?region=eu-west-1&region=us-east-1')).toMatch(/gives "region" more than once/)
  })

  it('refuses malformed values of known parameters', () => {
    expect(refusal('s3://portal-files?forcePathStyle=yes')).toMatch(/forcePathStyle must be true or false, not "yes"/)
    expect(refusal('s3://portal-files?region=EU%20West')).toMatch(/region "EU West" is not a region name/)
    expect(refusal('s3://portal-files?prefix=/attachments/')).toMatch(/prefix must not start with "\/"/)
    expect(refusal('s3://portal-files?prefix=a/../b/')).toMatch(/prefix must not contain/)
  })

  it('refuses half of a credential pair and a broken percent-encoding', () => {
    expect(refusal('s3://AKIATEST@portal-files')).toMatch(/needs both an access key and a secret/)
    expect(refusal('s3://:secret@portal-files')).toMatch(/needs both an access key and a secret/)
    expect(refusal('s3://AKIATEST:bad%zz@portal-files')).toMatch(/malformed percent-encoding in its secret|not a valid URL/)
  })

  it('never repeats the credentials in a refusal', () => {
    const messages = [
      's3://AKIASECRETKEY:verysecret@Bad_Bucket',
      's3://AKIASECRETKEY:verysecret@portal-files?nope=1',
      'AKIASECRETKEY:verysecret@portal-files',
    ].map(refusal)
    for (const m of messages) expect(m).not.toMatch(/AKIASECRETKEY|verysecret/)
  })

  it('storageUrlProblem answers null for a valid URL and the reason otherwise', () => {
    expect(storageUrlProblem('s3://portal-files?region=eu-west-1')).toBeNull()
    expect(storageUrlProblem('s3://portal-files?x=1')).toMatch(/unknown parameter "x"/)
  })
})
