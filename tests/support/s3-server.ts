// A real S3-protocol server inside the test process (the s3rver package, files in a temporary
// folder): the S3 blob store talks to it over HTTP through the AWS SDK, as it would to a bucket.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

export type TestS3Server = {
  /** A STORAGE_URL for the bucket, with s3rver's fixed credentials. */
  url: string
  bucket: string
  endpoint: string
  /** The folder s3rver keeps its buckets in. */
  directory: string
  stop: () => Promise<void>
}

export async function startS3Server({ bucket = 'portal-test', prefix = 'attachments/' }: { bucket?: string; prefix?: string } = {}): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  let stopped = false
  return {
    url: `s3://S3RVER:S3RVER@${bucket}?endpoint=${endpoint}&region=us-east-1&forcePathStyle=true&prefix=${encodeURIComponent(prefix)}`,
    bucket,
    endpoint,
    directory,
    async stop() {
      if (stopped) return
      stopped = true
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
