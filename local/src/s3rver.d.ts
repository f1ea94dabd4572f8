declare module 's3rver' {
  import type { IncomingMessage } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    configureBuckets?: { name: string; configs: (string | Buffer)[] }[];
  }
  /** The part of Koa's context the local stack's own middleware uses. */
  export interface S3rverContext {
    readonly method: string;
    readonly req: IncomingMessage;
    status: number;
    type: string;
    body: unknown;
  }
  export type S3rverMiddleware = (context: S3rverContext, next: () => Promise<unknown>) => unknown;
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Koa's middleware list (s3rver is a Koa app): composed when the server starts. */
    readonly middleware: S3rverMiddleware[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
