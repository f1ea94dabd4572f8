import { type CatalogEntry, catalogEntrySchema } from '@inovasi/core';
import { describe, expect, it } from 'vitest';
import { CatalogSearchIndex } from '../../src/catalog/search/index.ts';
import { oneEditAway } from '../../src/catalog/search/terms.ts';

let counter = 0;
const entry = (name: string, overrides: Partial<CatalogEntry> = {}): CatalogEntry => {
  counter++;
  const innovationId = `TYPO${counter}`;
  const at = new Date(Date.UTC(2026, 0, counter)).toISOString();
  return catalogEntrySchema.parse({
    catalogId: `35.22~${innovationId}`,
    tenantCode: '35.22',
    innovationId,
    name,
    region: { code: '35.22', name: 'Kabupaten Bojonegoro', kind: 'kabupaten' },
    province: { code: '35', name: 'Jawa Timur' },
    opd: { name: 'Dinas Sosial', kind: 'dinas' },
    urusanMain: 'sosial',
    urusanOthers: [],
    basicService: true,
    themes: [],
    summary: 'Ringkasan program.',
    contactRole: 'Kabid',
    publicEvidenceIds: [],
    version: 1,
    firstPublishedAt: at,
    publishedAt: at,
    updatedAt: at,
    replicatedByRegions: 0,
    ...overrides,
  });
};

const search = (index: CatalogSearchIndex, text: string, extra = {}) =>
  index.search({ text, filters: {}, sort: 'relevance', limit: 20, ...extra });

function sampleIndex() {
  const index = new CatalogSearchIndex();
  index.upsert(entry('Desa Sehat Mandiri'));
  index.upsert(entry('Layanan Kesehatan Keliling'));
  index.upsert(entry('Pasar Murah Keliling'));
  // An entry whose own text has the misspelt word: an exact match for "sehta".
  index.upsert(entry('Warung Sehta Bersama'));
  return index;
}

describe('one typo in a search word', () => {
  it('lists the strings one deletion, insertion, substitution or swap away', () => {
    const variants = oneEditAway('sehta');
    expect(variants.has('sehat')).toBe(true); // swap
    expect(variants.has('seta')).toBe(true); // deletion
    expect(variants.has('sehtaa')).toBe(true); // insertion
    expect(variants.has('sekta')).toBe(true); // substitution
    expect(variants.has('sehta')).toBe(false);
    expect(variants.has('shate')).toBe(false); // two edits
  });

  it('finds "sehat" for "sehta", below the entry that has "sehta" itself', () => {
    const names = search(sampleIndex(), 'sehta').items.map((item) => item.name);
    expect(names).toEqual(['Warung Sehta Bersama', 'Desa Sehat Mandiri', 'Layanan Kesehatan Keliling']);
  });

  it('finds "kesehatan" for "kesehtan" (a letter left out), also while it is being typed', () => {
    const index = sampleIndex();
    expect(search(index, 'kesehtan ').items[0]?.name).toBe('Layanan Kesehatan Keliling');
    expect(search(index, 'layanan kesehtan').items.map((item) => item.name)).toEqual([
      'Layanan Kesehatan Keliling',
    ]);
  });

  it('does not second-guess a word that several entries have', () => {
    const index = sampleIndex();
    // "sehat" reaches two entries (one through "kesehatan"): still few, so its neighbours count too.
    expect(search(index, 'sehat ').total).toBe(3);
    index.upsert(entry('Kampung Sehat Lestari'));
    // Three: the word is what was meant, and "sehta" (one edit away) stays out.
    const names = search(index, 'sehat ').items.map((item) => item.name);
    expect(names.sort()).toEqual([
      'Desa Sehat Mandiri',
      'Kampung Sehat Lestari',
      'Layanan Kesehatan Keliling',
    ]);
  });

  it('leaves short words and words two edits away alone', () => {
    const index = sampleIndex();
    // "psar" is one edit from "pasar" but four letters long: too short to guess at.
    expect(search(index, 'psar ').total).toBe(0);
    expect(search(index, 'kesihtan ').total).toBe(0);
  });

  it('ranks typo matches below exact ones in "newest first" too, and pages through them exactly', () => {
    const index = sampleIndex();
    const recent = search(index, 'sehta', { sort: 'recent' });
    // The exact match is the newest entry anyway; add a newer typo match to see the order hold.
    index.upsert(entry('Kampung Sehat Terbaru'));
    const after = search(index, 'sehta', { sort: 'recent' });
    expect(recent.items[0]?.name).toBe('Warung Sehta Bersama');
    expect(after.items.map((item) => item.name)).toEqual([
      'Warung Sehta Bersama',
      'Kampung Sehat Terbaru',
      'Layanan Kesehatan Keliling',
      'Desa Sehat Mandiri',
    ]);
    const first = search(index, 'sehta', { sort: 'recent', limit: 2 });
    const second = search(index, 'sehta', { sort: 'recent', limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((item) => item.name)).toEqual(
      after.items.map((item) => item.name),
    );
    expect(second.nextCursor).toBeUndefined();
  });

  it('tolerates the typo after a snapshot round trip', () => {
    const loaded = CatalogSearchIndex.deserialize(sampleIndex().serialize());
    expect(search(loaded, 'sehta').total).toBe(3);
  });
});

describe('snapshot lookups by catalogue id', () => {
  it('finds, replaces and removes entries of a loaded snapshot without a map of every id', () => {
    const index = new CatalogSearchIndex();
    const entries = Array.from({ length: 50 }, (_, at) => entry(`Program Nomor ${at} Sejahtera`));
    for (const item of entries) index.upsert(item);
    const loaded = CatalogSearchIndex.deserialize(index.serialize());
    for (const item of entries) expect(loaded.has(item.catalogId)).toBe(true);
    expect(loaded.has('35.22~NOTHERE')).toBe(false);
    const target = entries[17] as CatalogEntry;
    // A stale version from the log is refused; a newer one replaces the stored document.
    expect(loaded.upsert(target)).toBe(false);
    expect(loaded.upsert({ ...target, name: 'Program Pengganti Terpadu', version: 2 })).toBe(true);
    expect(search(loaded, 'pengganti').items.map((item) => item.catalogId)).toEqual([target.catalogId]);
    expect(loaded.size).toBe(50);
    expect(loaded.remove(target.catalogId, 3)).toBe(true);
    expect(loaded.has(target.catalogId)).toBe(false);
    expect(loaded.upsert({ ...target, version: 2 })).toBe(false);
    expect(loaded.size).toBe(49);
    // And once more through a snapshot: the removed one stays out.
    const again = CatalogSearchIndex.deserialize(loaded.serialize());
    expect(again.size).toBe(49);
    expect(again.has(target.catalogId)).toBe(false);
    expect(search(again, 'sejahtera').total).toBe(49);
  });

  it('refuses a snapshot of another format with an error the service recognises', () => {
    const bytes = new CatalogSearchIndex().serialize();
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(4, 1, true);
    expect(() => CatalogSearchIndex.deserialize(bytes)).toThrow(/known format/);
  });
});
