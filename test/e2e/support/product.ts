import type { DataConfig } from '@inovasi/data';
import { startLocalProduct } from '@inovasi/local';
import { WEB_DIST } from './paths.ts';

export interface RunningProduct {
  url: string;
  /** The product's table and bucket, for a test that sets up a state no screen can. */
  config: DataConfig;
  stop(): Promise<void>;
}

/** The real local product (DynamoDB Local, s3rver, API, built SPA) with demo data, in a throwaway directory. */
export async function startProduct(options: { scheduledJobs?: boolean } = {}): Promise<RunningProduct> {
  const product = await startLocalProduct({
    port: 0,
    seed: true,
    webDist: WEB_DIST,
    logLevel: 'WARN',
    scheduledJobs: options.scheduledJobs,
  });
  return { url: product.url, config: product.config, stop: () => product.stop() };
}
