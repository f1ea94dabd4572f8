import { CatalogService } from '@inovasi/app/catalog/service';
import {
  CatalogImporter,
  CatalogIndexWriter,
  CatalogReader,
  catalogImportScope,
  catalogIndexWriterScope,
  catalogReaderScope,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticEntries } from '../../bench/synthetic-catalog.ts';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { seededRandom } from '../../support/random.ts';

/**
 * The search snapshot is fetched from S3 (s3rver here) as byte ranges in parallel: every part
 * size, aligned with the object's end or not, must give back exactly the bytes written. A snapshot
 * of a format this release cannot read is replaced by a rebuild from the entries.
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

  it('rebuilds from the published entries when the stored snapshot is of an older format', async () => {
    const region = { code: '35.22', name: 'Kabupaten Bojonegoro', kind: 'kabupaten' as const };
    const entries = syntheticEntries(6, [{ ...region, provinceCode: '35', provinceName: 'Jawa Timur' }]);
    await new CatalogImporter(env.data.forScope(catalogImportScope)).importEntries(entries);
    // What the previous release wrote: the same magic, format 1.
    const older = new Uint8Array(64);
    new DataView(older.buffer).setUint32(0, 0x58544143, true);
    new DataView(older.buffer).setUint32(4, 1, true);
    const writer = new CatalogIndexWriter(env.data.forScope(catalogIndexWriterScope));
    expect(await writer.writeSnapshot(older, 2)).toBe(true);
    const index = await new CatalogService(env.data).current();
    expect(index.size).toBe(6);
    const name = (entries[0] as (typeof entries)[0]).name;
    const found = index.search({ text: name, filters: {}, sort: 'relevance', limit: 6 });
    expect(found.items.map((item) => item.name)).toContain(name);
  });
});
