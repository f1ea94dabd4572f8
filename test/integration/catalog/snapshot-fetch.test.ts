import {
  CatalogIndexWriter,
  CatalogReader,
  catalogIndexWriterScope,
  catalogReaderScope,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { seededRandom } from '../../support/random.ts';

/**
 * The search snapshot is fetched from S3 (s3rver here) as byte ranges in parallel: every part
 * size, aligned with the object's end or not, must give back exactly the bytes written.
 */
let env: TestEnvironment;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: false });
});

describe('fetching the catalogue search snapshot', () => {
  it('reassembles the object from parallel ranges of any size', async () => {
    const random = seededRandom(23);
    const bytes = Uint8Array.from({ length: 300_001 }, () => Math.floor(random() * 256));
    const writer = new CatalogIndexWriter(env.data.forScope(catalogIndexWriterScope));
    expect(await writer.writeSnapshot(bytes, 1)).toBe(true);
    const reader = new CatalogReader(env.data.forScope(catalogReaderScope));
    const key = (await reader.meta()).snapshot?.key as string;
    expect(key).toBeTruthy();
    for (const partBytes of [65_536, 100_000, 300_000, 300_001, 1 << 20]) {
      const fetched = await reader.snapshot(key, { partBytes });
      expect(fetched.length).toBe(bytes.length);
      expect(Buffer.from(fetched).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});
