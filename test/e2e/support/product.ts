import type { DataConfig } from '@inovasi/data';
import { startLocalProduct } from '@inovasi/local';
import { WEB_DIST } from './paths.ts';

export interface RunningProduct {
  url: string;
  /** Where the product's e-mail goes: one JSON line per message. */
  outboxFile: string;
  /** Without demo data: the link that sets the first platform administrator's password. */
  firstAdminInvitation?: string | undefined;
  /** The product's table and bucket, for a test that sets up a state no screen can. */
  config: DataConfig;
  /** Waits until the summary projector has applied every change made so far (no sleeping). */
  summariesProjected(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The real local product (DynamoDB Local, s3rver, API, built SPA) with demo data, in a throwaway directory. */
export interface ProductOptions {
  readonly scheduledJobs?: boolean;
  readonly memberCacheMs?: number;
  readonly demo?: boolean;
  readonly firstAdminEmail?: string;
  readonly tokenTtlSeconds?: number;
}

export async function startProduct(options: ProductOptions = {}): Promise<RunningProduct> {
  const product = await startLocalProduct({
    port: 0,
    seed: true,
    webDist: WEB_DIST,
    logLevel: 'WARN',
    scheduledJobs: options.scheduledJobs,
    memberCacheMs: options.memberCacheMs,
    demo: options.demo,
    firstAdminEmail: options.firstAdminEmail,
    tokenTtlSeconds: options.tokenTtlSeconds,
  });
  return {
    url: product.url,
    outboxFile: product.outboxFile,
    firstAdminInvitation: product.firstAdminInvitation,
    config: product.config,
    summariesProjected: (timeoutMs) => product.summariesProjected(timeoutMs),
    stop: () => product.stop(),
  };
}
