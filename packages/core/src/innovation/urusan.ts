/**
 * Government affairs (urusan pemerintahan) of UU 23/2014, as data. The six basic-service codes are
 * the ones the IID basic-service gate counts (iid-model.md, encoding decision 8).
 */
export type UrusanGroup = 'wajib_pelayanan_dasar' | 'wajib_non_pelayanan_dasar' | 'pilihan';

export interface Urusan {
  readonly code: string;
  readonly name: string;
  readonly group: UrusanGroup;
}

export const URUSAN: readonly Urusan[] = [
  { code: 'pendidikan', name: 'Pendidikan', group: 'wajib_pelayanan_dasar' },
  { code: 'kesehatan', name: 'Kesehatan', group: 'wajib_pelayanan_dasar' },
  { code: 'pupr', name: 'Pekerjaan Umum dan Penataan Ruang', group: 'wajib_pelayanan_dasar' },
  { code: 'perkim', name: 'Perumahan Rakyat dan Kawasan Permukiman', group: 'wajib_pelayanan_dasar' },
  {
    code: 'trantibumlinmas',
    name: 'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat',
    group: 'wajib_pelayanan_dasar',
  },
  { code: 'sosial', name: 'Sosial', group: 'wajib_pelayanan_dasar' },
  { code: 'tenaga_kerja', name: 'Tenaga Kerja', group: 'wajib_non_pelayanan_dasar' },
  {
    code: 'pemberdayaan_perempuan',
    name: 'Pemberdayaan Perempuan dan Pelindungan Anak',
    group: 'wajib_non_pelayanan_dasar',
  },
  { code: 'pangan', name: 'Pangan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'pertanahan', name: 'Pertanahan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'lingkungan_hidup', name: 'Lingkungan Hidup', group: 'wajib_non_pelayanan_dasar' },
  {
    code: 'adminduk_capil',
    name: 'Administrasi Kependudukan dan Pencatatan Sipil',
    group: 'wajib_non_pelayanan_dasar',
  },
  {
    code: 'pemberdayaan_masyarakat_desa',
    name: 'Pemberdayaan Masyarakat dan Desa',
    group: 'wajib_non_pelayanan_dasar',
  },
  {
    code: 'pengendalian_penduduk_kb',
    name: 'Pengendalian Penduduk dan Keluarga Berencana',
    group: 'wajib_non_pelayanan_dasar',
  },
  { code: 'perhubungan', name: 'Perhubungan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kominfo', name: 'Komunikasi dan Informatika', group: 'wajib_non_pelayanan_dasar' },
  { code: 'koperasi_ukm', name: 'Koperasi, Usaha Kecil, dan Menengah', group: 'wajib_non_pelayanan_dasar' },
  { code: 'penanaman_modal', name: 'Penanaman Modal', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kepemudaan_olahraga', name: 'Kepemudaan dan Olahraga', group: 'wajib_non_pelayanan_dasar' },
  { code: 'statistik', name: 'Statistik', group: 'wajib_non_pelayanan_dasar' },
  { code: 'persandian', name: 'Persandian', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kebudayaan', name: 'Kebudayaan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'perpustakaan', name: 'Perpustakaan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kearsipan', name: 'Kearsipan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kelautan_perikanan', name: 'Kelautan dan Perikanan', group: 'pilihan' },
  { code: 'pariwisata', name: 'Pariwisata', group: 'pilihan' },
  { code: 'pertanian', name: 'Pertanian', group: 'pilihan' },
  { code: 'kehutanan', name: 'Kehutanan', group: 'pilihan' },
  { code: 'esdm', name: 'Energi dan Sumber Daya Mineral', group: 'pilihan' },
  { code: 'perdagangan', name: 'Perdagangan', group: 'pilihan' },
  { code: 'perindustrian', name: 'Perindustrian', group: 'pilihan' },
  { code: 'transmigrasi', name: 'Transmigrasi', group: 'pilihan' },
];

export const URUSAN_CODES = URUSAN.map((urusan) => urusan.code) as [string, ...string[]];

export const BASIC_SERVICE_URUSAN: readonly string[] = URUSAN.filter(
  (urusan) => urusan.group === 'wajib_pelayanan_dasar',
).map((urusan) => urusan.code);
