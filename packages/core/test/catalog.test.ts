import { describe, expect, it } from 'vitest';
import {
  buildCatalogEntryContent,
  type CatalogSource,
  foldText,
  kematanganBand,
  parseCatalogId,
  replicaDraftProfile,
  replicationLevel,
  searchWords,
  suggestThemes,
  summarise,
  wordForms,
} from '../src/index.ts';

const shareForm = (a: string, b: string) => wordForms(a).some((form) => wordForms(b).includes(form));

describe('catalogue text', () => {
  it('folds case and diacritics and drops function words', () => {
    expect(foldText('KÉSEHATAN  Ibu—Hamil')).toBe('kesehatan ibu hamil');
    expect(searchWords('Layanan untuk warga dan desa yang terpencil')).toEqual([
      'layanan',
      'warga',
      'desa',
      'terpencil',
    ]);
  });

  it.each([
    ['pelayanan', 'layanan'],
    ['melayani', 'layanan'],
    ['kesehatan', 'sehat'],
    ['pendidikan', 'mendidik'],
    ['pemberdayaan', 'berdaya'],
    ['perizinan', 'izin'],
    ['kemiskinan', 'miskin'],
    ['pengangguran', 'menganggur'],
    ['perumahan', 'rumah'],
    ['peningkatan', 'meningkatkan'],
  ])('lets %s and %s meet at a common stem', (a, b) => {
    expect(shareForm(a, b)).toBe(true);
  });

  it('keeps loanwords ending in -si and short words whole', () => {
    expect(wordForms('inovasi')).toEqual(['inovasi']);
    expect(wordForms('desa')).toEqual(['desa']);
    expect(wordForms('2024')).toEqual(['2024']);
    expect(shareForm('sekolah', 'kesehatan')).toBe(false);
  });
});

describe('sid.31 replication level', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [7, 3],
  ])('%i distinct regions earn level %i', (regions, level) => {
    expect(replicationLevel(regions)).toBe(level);
  });
});

describe('catalogue entries', () => {
  const source: CatalogSource = {
    innovation: {
      id: '01JTEST',
      tenantCode: '35.22',
      profile: {
        name: 'Posyandu Balita Terpadu',
        kind: 'digital',
        form: 'pelayanan_publik',
        stage: 'penerapan',
        urusanMain: 'kesehatan',
        implementationDate: '2024-05-01',
        rancangBangun: `Kalimat pembuka yang menjelaskan. ${'Isi rancangan yang panjang sekali. '.repeat(40)}`,
        tujuan: 'Menurunkan stunting pada balita.',
        manfaat: 'Gizi balita terpantau setiap bulan.',
        budget: 123_456_789,
        initiatorName: 'Nama Pribadi Penggagas',
        latitude: -7.1,
        longitude: 111.9,
      },
      answers: {},
    },
    tenant: { code: '35.22', name: 'Kabupaten Bojonegoro', kind: 'kabupaten' },
    province: { code: '35', name: 'Provinsi Jawa Timur' },
    opd: { name: 'Dinas Kesehatan', kind: 'dinas' },
    options: {},
  };

  it('holds public fields only, with a summary instead of the full design', () => {
    const entry = buildCatalogEntryContent(source);
    const text = JSON.stringify(entry);
    for (const secret of ['123456789', 'Nama Pribadi Penggagas', '111.9']) expect(text).not.toContain(secret);
    expect(entry.summary.length).toBeLessThanOrEqual(401);
    expect(source.innovation.profile.rancangBangun?.startsWith(entry.summary.replace(/…$/, ''))).toBe(true);
    expect(entry).toMatchObject({
      catalogId: '35.22~01JTEST',
      basicService: true,
      year: 2024,
      contactRole: 'Bappeda Kabupaten Bojonegoro',
      themes: expect.arrayContaining(['stunting', 'digitalisasi_layanan']),
    });
    expect(entry.kematanganBand).toBeUndefined();
  });

  it('lets the owner choose themes, summary and contact role', () => {
    const entry = buildCatalogEntryContent({
      ...source,
      options: {
        themes: ['kemiskinan'],
        summary: 'Ringkasan publik pilihan pemilik inovasi.',
        contactRole: 'Kabid',
      },
    });
    expect(entry).toMatchObject({
      themes: ['kemiskinan'],
      summary: 'Ringkasan publik pilihan pemilik inovasi.',
    });
  });

  it('suggests themes from the name and the short narrative, not from one passing word', () => {
    expect(
      suggestThemes({
        name: 'Pasar Murah Keliling',
        tujuan: 'Menekan inflasi.',
        manfaat: 'Harga terjangkau.',
      }),
    ).toEqual(['inflasi']);
    expect(suggestThemes({ name: 'Layanan Terpadu', tujuan: 'Mengurangi kemiskinan.' })).toEqual([]);
  });

  it('cuts a summary at a sentence or a word, never inside a word', () => {
    expect(summarise('Satu kalimat. Dua kalimat yang lebih panjang.', 20)).toBe('Satu kalimat.');
    expect(summarise('kata '.repeat(50), 22)).toBe('kata kata kata kata…');
  });

  it('parses catalogue ids and refuses look-alikes', () => {
    expect(parseCatalogId('35.22~01JTEST')).toEqual({ tenantCode: '35.22', innovationId: '01JTEST' });
    expect(parseCatalogId('35~X')).toEqual({ tenantCode: '35', innovationId: 'X' });
    for (const bad of ['35.221~X', '3522~X', '35.22~', '35.22~a b', '35.22'])
      expect(parseCatalogId(bad)).toBeUndefined();
  });

  it('bands kematangan the way regions read it', () => {
    expect([0, 65, 66, 84, 85, 111].map(kematanganBand)).toEqual([
      'rendah',
      'rendah',
      'sedang',
      'sedang',
      'tinggi',
      'tinggi',
    ]);
  });

  it('prefills a replica draft from the public entry only, as an initiative', () => {
    const entry = buildCatalogEntryContent(source);
    const draft = replicaDraftProfile(entry);
    expect(draft).toMatchObject({
      name: 'Posyandu Balita Terpadu',
      stage: 'inisiatif',
      urusanMain: 'kesehatan',
    });
    expect(draft.rancangBangun).toContain(
      'Replikasi dari inovasi "Posyandu Balita Terpadu" (Kabupaten Bojonegoro).',
    );
    expect(draft.budget).toBeUndefined();
    expect(draft.implementationDate).toBeUndefined();
  });
});
