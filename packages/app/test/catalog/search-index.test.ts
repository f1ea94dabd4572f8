import { type CatalogEntry, catalogEntrySchema } from '@inovasi/core';
import { describe, expect, it } from 'vitest';
import { CatalogSearchIndex } from '../../src/catalog/search/index.ts';

let counter = 0;
const entry = (overrides: Partial<CatalogEntry> & { name: string }): CatalogEntry => {
  counter++;
  const tenantCode = overrides.region?.code ?? '35.22';
  const innovationId = `INNO${counter}`;
  return catalogEntrySchema.parse({
    catalogId: `${tenantCode}~${innovationId}`,
    tenantCode,
    innovationId,
    region: { code: tenantCode, name: `Kabupaten ${tenantCode}`, kind: 'kabupaten' },
    province: { code: tenantCode.slice(0, 2), name: `Provinsi ${tenantCode.slice(0, 2)}` },
    opd: { name: 'Dinas Kesehatan', kind: 'dinas' },
    urusanMain: 'kesehatan',
    urusanOthers: [],
    basicService: true,
    kind: 'digital',
    form: 'pelayanan_publik',
    stage: 'penerapan',
    themes: [],
    year: 2024,
    summary: 'Ringkasan singkat program.',
    contactRole: 'Kabid',
    publicEvidenceIds: [],
    version: 1,
    firstPublishedAt: new Date(Date.UTC(2026, 0, counter)).toISOString(),
    publishedAt: new Date(Date.UTC(2026, 0, counter)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, counter)).toISOString(),
    replicatedByRegions: 0,
    ...overrides,
  });
};

const query = (text: string | undefined, filters = {}, extra = {}) => ({
  text,
  filters,
  sort: text ? ('relevance' as const) : ('recent' as const),
  limit: 20,
  ...extra,
});

function sampleIndex() {
  const index = new CatalogSearchIndex();
  const entries = [
    entry({ name: 'Pelayanan Kesehatan Ibu Hamil', themes: ['kesehatan_ibu_anak'] }),
    entry({
      name: 'Posyandu Cegah Stunting',
      themes: ['stunting'],
      region: { code: '35.20', name: 'Kabupaten Magetan', kind: 'kabupaten' },
    }),
    entry({
      name: 'Sekolah Sungai',
      urusanMain: 'pendidikan',
      basicService: true,
      kind: 'non_digital',
      themes: ['pendidikan'],
      region: { code: '63.03', name: 'Kabupaten Banjar', kind: 'kabupaten' },
    }),
    entry({
      name: 'Pasar Murah Keliling',
      urusanMain: 'pangan',
      basicService: false,
      themes: ['inflasi'],
      year: 2025,
    }),
  ];
  for (const item of entries) index.upsert(item);
  return { index, entries };
}

describe('catalogue search index', () => {
  it('ranks by words with stemming, and matches a word being typed by prefix', () => {
    const { index } = sampleIndex();
    expect(index.search(query('layanan')).items.map((item) => item.name)).toEqual([
      'Pelayanan Kesehatan Ibu Hamil',
    ]);
    expect(index.search(query('STUNT')).items[0]?.name).toBe('Posyandu Cegah Stunting');
    // A finished word (trailing space) is not a prefix any more.
    expect(index.search(query('stunt ')).total).toBe(0);
    const fallback = index.search(query('sekolah hamil'));
    expect(fallback.matchedAllWords).toBe(false);
    expect(fallback.total).toBe(2);
  });

  it('counts facets disjunctively and filters within and across facets', () => {
    const { index } = sampleIndex();
    const health = index.search(query(undefined, { urusan: ['kesehatan'] }));
    expect(health.total).toBe(2);
    expect(health.facets.urusan.map((facet) => [facet.value, facet.count])).toEqual([
      ['kesehatan', 2],
      ['pangan', 1],
      ['pendidikan', 1],
    ]);
    expect(health.facets.region.find((facet) => facet.value === '35.20')?.label).toBe('Kabupaten Magetan');
    expect(index.search(query(undefined, { urusan: ['kesehatan'], year: ['2025'] })).total).toBe(0);
    expect(index.search(query(undefined, { theme: ['inflasi', 'stunting'] })).total).toBe(2);
    expect(index.search(query(undefined, { basicService: ['false'] })).items[0]?.name).toBe(
      'Pasar Murah Keliling',
    );
  });

  it('applies the newest version only, whatever order the steps arrive in', () => {
    const { index, entries } = sampleIndex();
    const first = entries[0] as CatalogEntry;
    expect(index.remove(first.catalogId, 2)).toBe(true);
    // A late copy of version 1 must not bring the withdrawn entry back.
    expect(index.upsert(first)).toBe(false);
    expect(index.search(query('hamil')).total).toBe(0);
    expect(index.upsert({ ...first, name: 'Ibu Hamil Sehat Kembali', version: 3 })).toBe(true);
    expect(index.search(query('hamil')).items[0]?.name).toBe('Ibu Hamil Sehat Kembali');
    expect(index.size).toBe(4);
  });

  it('survives a snapshot round trip, dropping withdrawn entries, and keeps indexing after it', () => {
    const { index, entries } = sampleIndex();
    index.remove((entries[3] as CatalogEntry).catalogId, 2);
    index.sequence = 42;
    const bytes = index.serialize();
    // A body from the network can start at any offset.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const loaded = CatalogSearchIndex.deserialize(shifted.subarray(1));
    expect(loaded.sequence).toBe(42);
    expect(loaded.size).toBe(3);
    expect(loaded.search(query('posyandu'))).toEqual(index.search(query('posyandu')));
    expect(loaded.search(query('pasar')).total).toBe(0);
    loaded.upsert(
      entry({ name: 'Posyandu Lansia', region: { code: '17.71', name: 'Kota Bengkulu', kind: 'kota' } }),
    );
    expect(loaded.search(query('posyandu')).total).toBe(2);
    expect(loaded.upsert({ ...(entries[1] as CatalogEntry) })).toBe(false);
  });

  it('pages with a cursor that belongs to its own query only', () => {
    const { index } = sampleIndex();
    const first = index.search(query(undefined, {}, { limit: 3 }));
    expect(first.items).toHaveLength(3);
    const second = index.search(query(undefined, {}, { limit: 3, cursor: first.nextCursor }));
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(() => index.search(query('posyandu', {}, { cursor: first.nextCursor }))).toThrow(
      expect.objectContaining({ name: 'DomainError', code: 'invalid_cursor', field: 'cursor' }),
    );
  });

  it('finds similar innovations in other regions by urusan and theme', () => {
    const { index, entries } = sampleIndex();
    const similar = index.similar((entries[0] as CatalogEntry).catalogId);
    expect(similar.map((item) => item.name)).toEqual(['Posyandu Cegah Stunting']);
  });
});
