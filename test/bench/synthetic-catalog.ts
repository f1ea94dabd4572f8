import {
  BASIC_SERVICE_URUSAN,
  CATALOG_THEME_CODES,
  type CatalogEntryContent,
  type CatalogTheme,
  catalogIdOf,
  INNOVATION_FORMS,
  INNOVATION_KINDS,
  INNOVATION_STAGES,
  type OPD_KINDS,
} from '@inovasi/core';

import { seededRandom } from '../support/random.ts';

/**
 * Synthetic but realistic catalogue entries for the benchmark: Indonesian innovation names and
 * narratives composed from the vocabulary of real regional innovations, spread over real regions,
 * seeded so every run indexes the same corpus.
 */

export interface SyntheticRegion {
  readonly code: string;
  readonly name: string;
  readonly kind: 'kabupaten' | 'kota' | 'provinsi';
  readonly provinceCode: string;
  readonly provinceName: string;
}

const TOPICS: Readonly<Record<string, readonly string[]>> = {
  kesehatan: [
    'ibu hamil',
    'balita',
    'stunting',
    'gizi buruk',
    'imunisasi',
    'posyandu',
    'lansia',
    'rujukan',
    'ambulans desa',
    'tuberkulosis',
    'malaria',
    'kesehatan jiwa',
    'sanitasi',
    'persalinan',
    'jaminan kesehatan',
  ],
  pendidikan: [
    'literasi',
    'numerasi',
    'putus sekolah',
    'guru penggerak',
    'beasiswa',
    'sekolah inklusif',
    'pendidikan anak usia dini',
    'perpustakaan keliling',
    'belajar daring',
    'bahasa daerah',
  ],
  pupr: ['jalan desa', 'air bersih', 'drainase', 'irigasi', 'jembatan', 'tata ruang'],
  perkim: ['rumah layak huni', 'kawasan kumuh', 'sanitasi permukiman', 'penerangan jalan'],
  trantibumlinmas: ['kebakaran', 'banjir', 'siaga bencana', 'ketertiban umum', 'linmas'],
  sosial: [
    'penyandang disabilitas',
    'anak terlantar',
    'bantuan sosial',
    'kemiskinan ekstrem',
    'lansia terlantar',
  ],
  tenaga_kerja: ['pencari kerja', 'pelatihan kerja', 'pengangguran', 'bursa kerja', 'pekerja migran'],
  pangan: ['cadangan pangan', 'pasar murah', 'harga beras', 'pekarangan pangan', 'inflasi daerah'],
  lingkungan_hidup: ['bank sampah', 'pengelolaan sampah', 'limbah', 'penghijauan', 'kualitas udara'],
  adminduk_capil: ['akta kelahiran', 'kartu keluarga', 'kartu identitas anak', 'dokumen kependudukan'],
  penanaman_modal: ['perizinan berusaha', 'investasi', 'layanan perizinan', 'pelaku usaha'],
  koperasi_ukm: ['umkm', 'koperasi', 'produk lokal', 'pemasaran digital', 'modal usaha'],
  pertanian: ['petani', 'pupuk', 'benih unggul', 'alat pertanian', 'hasil panen'],
  kelautan_perikanan: ['nelayan', 'budidaya ikan', 'hasil tangkapan', 'pesisir'],
  pariwisata: ['desa wisata', 'ekonomi kreatif', 'pemandu wisata', 'festival budaya'],
  kominfo: ['satu data', 'aduan warga', 'internet desa', 'keterbukaan informasi'],
  perhubungan: ['angkutan umum', 'parkir', 'keselamatan jalan', 'angkutan sekolah'],
  statistik: ['data terpadu', 'dasbor pembangunan', 'survei kepuasan', 'data kemiskinan'],
};

const PREFIXES = [
  'Gerakan',
  'Sistem',
  'Layanan',
  'Aplikasi',
  'Program',
  'Klinik',
  'Rumah',
  'Pojok',
  'Kampung',
  'Gerai',
  'Jemput Bola',
  'Mobil',
  'Posko',
  'Dapur',
  'Bank',
  'Satgas',
  'Forum',
  'Sekolah',
];
const QUALIFIERS = [
  'Terpadu',
  'Digital',
  'Online',
  'Keliling',
  'Sehat',
  'Cerdas',
  'Mandiri',
  'Sejahtera',
  'Tangguh',
  'Bersinar',
  'Satu Pintu',
  'Ramah Anak',
  'Inklusif',
  'Hijau',
  'Gotong Royong',
  'Berdaya',
  'Tanpa Antre',
];
const TARGETS = [
  'warga desa',
  'masyarakat miskin',
  'pelaku usaha mikro',
  'ibu dan anak',
  'siswa sekolah dasar',
  'petani dan nelayan',
  'kelompok rentan',
  'aparatur desa',
  'pemuda',
  'penyandang disabilitas',
];
const ACTIONS = [
  'menyederhanakan alur layanan',
  'mendekatkan petugas kepada warga',
  'menyatukan data lintas perangkat daerah',
  'melibatkan kader dan tokoh masyarakat',
  'memanfaatkan aplikasi di ponsel',
  'membuka kanal pengaduan',
  'melatih petugas di setiap kecamatan',
  'menggandeng dunia usaha dan perguruan tinggi',
  'memantau capaian setiap bulan',
  'memberikan pendampingan dari rumah ke rumah',
];
const PROBLEMS = [
  'antrean panjang',
  'data yang tidak sinkron',
  'jarak layanan yang jauh',
  'biaya yang mahal',
  'rendahnya partisipasi warga',
  'keterbatasan petugas',
  'lambatnya penanganan keluhan',
  'informasi yang tidak merata',
];
const OPDS = [
  { name: 'Dinas Kesehatan', kind: 'dinas' },
  { name: 'Dinas Pendidikan', kind: 'dinas' },
  { name: 'Dinas Sosial', kind: 'dinas' },
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', kind: 'dinas' },
  { name: 'Dinas Penanaman Modal dan PTSP', kind: 'dinas' },
  { name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan' },
  { name: 'UPT Puskesmas Kecamatan', kind: 'puskesmas' },
  { name: 'Kecamatan Kota', kind: 'kecamatan' },
  { name: 'RSUD', kind: 'rsud' },
] as const satisfies readonly { name: string; kind: (typeof OPD_KINDS)[number] }[];

const THEME_OF_TOPIC: Readonly<Record<string, CatalogTheme>> = {
  stunting: 'stunting',
  'gizi buruk': 'stunting',
  posyandu: 'stunting',
  'ibu hamil': 'kesehatan_ibu_anak',
  persalinan: 'kesehatan_ibu_anak',
  'kemiskinan ekstrem': 'kemiskinan',
  'bantuan sosial': 'kemiskinan',
  'data kemiskinan': 'kemiskinan',
  pengangguran: 'pengangguran',
  'pencari kerja': 'pengangguran',
  'bursa kerja': 'pengangguran',
  'pasar murah': 'inflasi',
  'harga beras': 'inflasi',
  'inflasi daerah': 'inflasi',
  investasi: 'investasi',
  'perizinan berusaha': 'investasi',
  umkm: 'umkm',
  'modal usaha': 'umkm',
  'cadangan pangan': 'ketahanan_pangan',
  'bank sampah': 'lingkungan',
  banjir: 'kebencanaan',
  'siaga bencana': 'kebencanaan',
};

export function syntheticEntries(
  count: number,
  regions: readonly SyntheticRegion[],
  seed = 2026,
): CatalogEntryContent[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const urusanCodes = Object.keys(TOPICS);
  const entries: CatalogEntryContent[] = [];
  for (let index = 0; index < count; index++) {
    const region = pick(regions);
    const urusanMain = pick(urusanCodes);
    const topic = pick(TOPICS[urusanMain] ?? ['layanan publik']);
    const name = `${pick(PREFIXES)} ${topic.replace(/\b\w/g, (c) => c.toUpperCase())} ${pick(QUALIFIERS)}`;
    const acronym = name
      .split(' ')
      .map((word) => word.slice(0, 2).toUpperCase())
      .join('');
    const kind = pick(INNOVATION_KINDS);
    const target = pick(TARGETS);
    const themes = new Set<CatalogTheme>();
    if (THEME_OF_TOPIC[topic]) themes.add(THEME_OF_TOPIC[topic]);
    if (kind === 'digital') themes.add('digitalisasi_layanan');
    if (random() < 0.15) themes.add(pick(CATALOG_THEME_CODES));
    const year = 2019 + Math.floor(random() * 7);
    const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;
    const innovationId = `SYN${String(index).padStart(8, '0')}`;
    entries.push({
      catalogId: catalogIdOf(region.code, innovationId),
      tenantCode: region.code,
      innovationId,
      name: `${name} (${acronym})`,
      region: { code: region.code, name: region.name, kind: region.kind },
      province: { code: region.provinceCode, name: region.provinceName },
      opd: pick(OPDS),
      urusanMain,
      urusanOthers: random() < 0.3 ? [pick(urusanCodes)] : [],
      basicService: BASIC_SERVICE_URUSAN.includes(urusanMain),
      kind,
      form: pick(INNOVATION_FORMS),
      stage: pick(INNOVATION_STAGES),
      themes: [...themes],
      trialDate: date,
      implementationDate: date,
      year,
      summary:
        `Inovasi ini menjawab ${pick(PROBLEMS)} dalam layanan ${topic} bagi ${target} di ${region.name}. ` +
        `Pemerintah daerah ${pick(ACTIONS)} dan ${pick(ACTIONS)}, sehingga layanan ${topic} lebih cepat, ` +
        `terjangkau, dan dapat dipantau. Kegiatan dievaluasi bersama ${pick(OPDS).name} setiap triwulan.`,
      tujuan: `Meningkatkan cakupan layanan ${topic} bagi ${target} dan mengurangi ${pick(PROBLEMS)}.`,
      manfaat: `Warga memperoleh layanan ${topic} tanpa ${pick(PROBLEMS)}; petugas bekerja dengan data yang sama.`,
      hasil: `Cakupan layanan ${topic} naik ${10 + Math.floor(random() * 60)} persen dalam ${1 + Math.floor(random() * 3)} tahun.`,
      contactRole: `Kepala Bidang Layanan, ${pick(OPDS).name}`,
      publicEvidenceIds: [],
    });
  }
  return entries;
}

/** A mixed query set: single words, phrases, prefixes being typed, with and without filters. */
export function benchmarkQueries(regions: readonly SyntheticRegion[]): string[] {
  const province = regions[0]?.provinceCode ?? '35';
  const region = regions[3]?.code ?? '35.22';
  return [
    'q=stunting',
    'q=layanan%20kesehatan',
    'q=pelayanan',
    'q=stun',
    'q=posyandu%20balita%20gizi',
    'q=kemiskinan%20desa',
    'q=perizinan%20berusaha%20digital',
    'q=bank%20sampah&sort=recent',
    'q=akta%20kelahiran&kind=digital',
    'q=petani&stage=penerapan',
    'q=pendidikan&urusan=pendidikan&year=2024',
    `q=air%20bersih&province=${province}`,
    'theme=stunting',
    'theme=kemiskinan,pengangguran&sort=recent',
    `region=${region}`,
    'urusan=kesehatan&basicService=true&form=pelayanan_publik',
    'sort=recent',
    'sort=recent&year=2025&kind=non_digital',
    'q=sekolah%20inklusif%20ramah%20anak',
    'q=umkm%20pemasaran',
  ];
}
