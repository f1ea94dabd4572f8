import { startLocalProduct } from '@inovasi/local';
import { WEB_DIST } from './paths.ts';

export interface RunningProduct {
  url: string;
  stop(): Promise<void>;
}

/** The real local product (DynamoDB Local, s3rver, API, built SPA) with demo data, in a throwaway directory. */
export async function startProduct(): Promise<RunningProduct> {
  const product = await startLocalProduct({ port: 0, seed: true, webDist: WEB_DIST, logLevel: 'WARN' });
  return { url: product.url, stop: () => product.stop() };
}
