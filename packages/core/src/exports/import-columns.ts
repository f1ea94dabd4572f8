import { type CellValue, cellText, normalizeText } from './import-cells.ts';

/**
 * The template's columns (docs/decisions/0047): their headers, the common names regions give them,
 * and which cell of a header row stands for which column.
 */

export type ImportColumnKey =
  | 'name'
  | 'opd'
  | 'periodYear'
  | 'stage'
  | 'initiator'
  | 'initiatorName'
  | 'classification'
  | 'kind'
  | 'form'
  | 'urusanMain'
  | 'urusanOthers'
  | 'latitude'
  | 'longitude'
  | 'coordinates'
  | 'astaCita'
  | 'pkpnCluster'
  | 'trialDate'
  | 'implementationDate'
  | 'latestDevelopmentDate'
  | 'rancangBangun'
  | 'tujuan'
  | 'manfaat'
  | 'hasil'
  | 'budget'
  | 'budgetSource';

export interface ImportColumn {
  readonly key: ImportColumnKey;
  /** The template's header. */
  readonly header: string;
  /** Other headers regions use for the same thing (compared after normalising). */
  readonly aliases: readonly string[];
  /** What to write, for the template's instructions sheet. */
  readonly guide: string;
  /** Whether the template lists it (the combined coordinates column is only read, never written). */
  readonly inTemplate: boolean;
}

const column = (
  key: ImportColumnKey,
  header: string,
  aliases: readonly string[],
  guide: string,
  inTemplate = true,
): ImportColumn => ({ key, header, aliases, guide, inTemplate });

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column(
    'name',
    'Nama Inovasi',
    ['nama', 'judul inovasi', 'inovasi', 'nama inovasi daerah', 'innovation name', 'name'],
    'Wajib. 3–200 karakter.',
  ),
  column(
    'opd',
    'OPD',
    [
      'perangkat daerah',
      'skpd',
      'nama opd',
      'opd pengampu',
      'opd penanggung jawab',
      'unit kerja',
      'instansi',
      'department',
    ],
    'Wajib (kecuali dipilih OPD tujuan saat impor). Tulis nama OPD persis seperti di lembar Nilai Valid.',
  ),
  column(
    'periodYear',
    'Tahun Penilaian',
    ['tahun', 'periode', 'tahun periode', 'tahun iid', 'period year'],
    'Tahun penilaian IID, misalnya 2026. Kosong: tahun yang dipilih saat impor.',
  ),
  column('stage', 'Tahapan Inovasi', ['tahapan', 'tahap', 'stage'], 'Inisiatif, Uji Coba, atau Penerapan.'),
  column(
    'initiator',
    'Inisiator Inovasi',
    ['inisiator'],
    'Kepala Daerah, Anggota DPRD, OPD, ASN, atau Masyarakat.',
  ),
  column('initiatorName', 'Nama Inisiator', ['nama penggagas'], 'Nama orang atau lembaga penggagas.'),
  column(
    'classification',
    'Klasifikasi Inovasi',
    ['klasifikasi'],
    'Inovasi Perangkat Daerah, Inovasi Desa, atau Inovasi Masyarakat.',
  ),
  column('kind', 'Jenis Inovasi', ['jenis'], 'Digital atau Non Digital.'),
  column(
    'form',
    'Bentuk Inovasi',
    ['bentuk'],
    'Inovasi Pelayanan Publik, Inovasi Tata Kelola Pemerintahan Daerah, atau Inovasi Lainnya Sesuai Urusan.',
  ),
  column(
    'urusanMain',
    'Urusan Utama',
    ['urusan', 'urusan pemerintahan', 'urusan pemerintahan utama', 'urusan inovasi'],
    'Nama atau kode urusan pemerintahan (lihat lembar Nilai Valid).',
  ),
  column(
    'urusanOthers',
    'Urusan Lain',
    ['urusan lainnya', 'urusan lain yang beririsan', 'urusan terkait', 'urusan pemerintahan lain'],
    'Boleh lebih dari satu, pisahkan dengan titik koma (;).',
  ),
  column('latitude', 'Lintang', ['latitude', 'lat', 'koordinat lintang'], 'Angka desimal, misalnya -7,1502.'),
  column(
    'longitude',
    'Bujur',
    ['longitude', 'long', 'lng', 'koordinat bujur'],
    'Angka desimal, misalnya 111,8817.',
  ),
  column(
    'coordinates',
    'Koordinat',
    ['titik koordinat', 'lokasi koordinat'],
    'Lintang dan bujur dipisahkan titik koma, misalnya -7.1502; 111.8817.',
    false,
  ),
  column('astaCita', 'Asta Cita', ['asta cita ke', 'nomor asta cita'], 'Angka 1 sampai 8.'),
  column(
    'pkpnCluster',
    'Klaster PKPN',
    ['pkpn', 'program pkpn', 'klaster program pkpn', 'kluster pkpn'],
    'Salah satu klaster PKPN (lihat lembar Nilai Valid).',
  ),
  column(
    'trialDate',
    'Waktu Uji Coba',
    ['tanggal uji coba', 'waktu ujicoba', 'mulai uji coba'],
    'Tanggal, misalnya 2024-03-04 atau 04/03/2024.',
  ),
  column(
    'implementationDate',
    'Waktu Penerapan',
    ['tanggal penerapan', 'mulai diterapkan', 'waktu implementasi', 'tanggal implementasi'],
    'Tanggal, misalnya 2024-03-04 atau 04/03/2024.',
  ),
  column(
    'latestDevelopmentDate',
    'Waktu Pengembangan Terbaru',
    ['pengembangan terbaru', 'tanggal pengembangan terbaru', 'waktu pengembangan'],
    'Wajib bila inovasi pertama diterapkan sebelum jendela usia rubrik.',
  ),
  column(
    'rancangBangun',
    'Rancang Bangun',
    ['rancang bangun dan pokok perubahan', 'rancang bangun inovasi', 'deskripsi', 'deskripsi inovasi'],
    'Minimal 300 kata agar memenuhi syarat dikirim.',
  ),
  column('tujuan', 'Tujuan', ['tujuan inovasi'], 'Teks bebas.'),
  column('manfaat', 'Manfaat', ['manfaat inovasi', 'manfaat yang diperoleh'], 'Teks bebas.'),
  column('hasil', 'Hasil', ['hasil inovasi', 'hasil yang dicapai'], 'Teks bebas.'),
  column(
    'budget',
    'Anggaran',
    ['anggaran rp', 'nilai anggaran', 'anggaran inovasi', 'biaya'],
    'Rupiah tanpa desimal, misalnya 150000000 atau 150.000.000.',
  ),
  column('budgetSource', 'Sumber Anggaran', ['sumber dana'], 'Misalnya APBD, APBN, CSR.'),
];

const HEADER_INDEX: ReadonlyMap<string, ImportColumnKey> = new Map(
  IMPORT_COLUMNS.flatMap((entry) =>
    [entry.header, entry.key, ...entry.aliases].map((name) => [normalizeText(name), entry.key] as const),
  ),
);

/** The column a header stands for, or undefined (a column the importer does not use). */
export const columnForHeader = (header: string): ImportColumnKey | undefined =>
  HEADER_INDEX.get(normalizeText(header));

export interface HeaderMapping {
  /** Cell index → column. The first of two headers for the same column wins. */
  readonly columns: ReadonlyMap<number, ImportColumnKey>;
  /** How the file names each column it has. */
  readonly headers: ReadonlyMap<ImportColumnKey, string>;
  readonly ignored: readonly string[];
}

export function mapHeaders(cells: readonly CellValue[]): HeaderMapping {
  const columns = new Map<number, ImportColumnKey>();
  const headers = new Map<ImportColumnKey, string>();
  const ignored: string[] = [];
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (!header) return;
    const key = columnForHeader(header);
    if (key && !headers.has(key)) {
      columns.set(index, key);
      headers.set(key, header);
    } else ignored.push(header);
  });
  return { columns, headers, ignored };
}

/** A header row names the innovation at least, and one more column the template knows. */
export const isHeaderRow = (mapping: HeaderMapping): boolean =>
  mapping.headers.has('name') && mapping.headers.size >= 2;

/** The header of a column as the template writes it. */
export const templateHeader = (key: ImportColumnKey): string =>
  IMPORT_COLUMNS.find((entry) => entry.key === key)?.header ?? key;
