// The few parts of s3rver (no types of its own) that tests/support/s3-server.ts uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net'
  type Options = { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string }[]; resetOnClose?: boolean }
  export default class S3rver {
    constructor(options: Options)
    run(): Promise<AddressInfo>
    close(): Promise<void>
  }
}
