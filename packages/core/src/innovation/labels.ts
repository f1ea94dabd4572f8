import type { InnovationStatus } from '../workflow/state-machine.ts';
import type {
  CLASSIFICATIONS,
  INITIATORS,
  INNOVATION_FORMS,
  INNOVATION_KINDS,
  INNOVATION_STAGES,
  InnovationProfile,
  PKPN_CLUSTERS,
} from './profile.ts';
import { URUSAN } from './urusan.ts';

/**
 * The words the national form and the regions use for the profile's coded values, in Bahasa
 * Indonesia. Files the product writes (recap, national-entry pack, profile PDF, import template)
 * show these, and the importer reads them back.
 */
export const STAGE_LABELS: Readonly<Record<(typeof INNOVATION_STAGES)[number], string>> = {
  inisiatif: 'Inisiatif',
  uji_coba: 'Uji Coba',
  penerapan: 'Penerapan',
};

export const INITIATOR_LABELS: Readonly<Record<(typeof INITIATORS)[number], string>> = {
  kepala_daerah: 'Kepala Daerah',
  anggota_dprd: 'Anggota DPRD',
  opd: 'OPD',
  asn: 'ASN',
  masyarakat: 'Masyarakat',
};

export const CLASSIFICATION_LABELS: Readonly<Record<(typeof CLASSIFICATIONS)[number], string>> = {
  perangkat_daerah: 'Inovasi Perangkat Daerah',
  desa: 'Inovasi Desa',
  masyarakat: 'Inovasi Masyarakat',
};

export const KIND_LABELS: Readonly<Record<(typeof INNOVATION_KINDS)[number], string>> = {
  digital: 'Digital',
  non_digital: 'Non Digital',
};

export const FORM_LABELS: Readonly<Record<(typeof INNOVATION_FORMS)[number], string>> = {
  pelayanan_publik: 'Inovasi Pelayanan Publik',
  tata_kelola: 'Inovasi Tata Kelola Pemerintahan Daerah',
  urusan_lainnya: 'Inovasi Lainnya Sesuai Urusan',
};

export const PKPN_LABELS: Readonly<Record<(typeof PKPN_CLUSTERS)[number], string>> = {
  pangan: 'Pangan',
  energi_air: 'Energi dan Air',
  pendidikan: 'Pendidikan',
  kesehatan: 'Kesehatan',
  hilirisasi: 'Hilirisasi',
  infrastruktur_perumahan_bencana: 'Infrastruktur, Perumahan dan Kebencanaan',
  ekonomi_kerakyatan_desa: 'Ekonomi Kerakyatan dan Desa',
  penurunan_kemiskinan: 'Penurunan Kemiskinan',
  non_pkpn: 'Non PKPN',
};

export const STATUS_LABELS: Readonly<Record<InnovationStatus, string>> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  in_review: 'Sedang Diperiksa',
  returned: 'Dikembalikan',
  verified: 'Terverifikasi',
  ready: 'Siap Dikirim',
  sent: 'Terkirim',
  accepted: 'Diterima',
  rejected: 'Ditolak',
};

const URUSAN_NAMES: ReadonlyMap<string, string> = new Map(URUSAN.map((urusan) => [urusan.code, urusan.name]));

export const urusanLabel = (code: string | undefined): string =>
  code === undefined ? '' : (URUSAN_NAMES.get(code) ?? code);

/** Indonesian long date, e.g. `4 Maret 2024`; the national form and a printed profile read this way. */
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;
export const INDONESIAN_MONTHS: readonly string[] = MONTHS;

export function formatDateId(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Rupiah with Indonesian grouping: `Rp150.000.000`. */
export const formatRupiah = (amount: number | undefined): string =>
  amount === undefined ? '' : `Rp${Math.round(amount).toLocaleString('id-ID')}`;

/** One profile field of the national form: its label and how its value reads. */
export interface NationalFormField {
  readonly field: keyof InnovationProfile;
  readonly label: string;
  readonly display: (profile: InnovationProfile) => string;
}

const text = (field: keyof InnovationProfile) => (profile: InnovationProfile) => {
  const value = profile[field];
  return value === undefined || value === null ? '' : String(value);
};
const coded =
  <K extends string>(field: keyof InnovationProfile, labels: Readonly<Record<K, string>>) =>
  (profile: InnovationProfile) => {
    const value = profile[field] as K | undefined;
    return value === undefined ? '' : (labels[value] ?? String(value));
  };

/**
 * The innovation profile in the order of the 2026 national form (iid-model.md §5): what an
 * operator types into the national application, field by field.
 */
export const NATIONAL_FORM_FIELDS: readonly NationalFormField[] = [
  { field: 'name', label: 'Nama inovasi', display: text('name') },
  { field: 'stage', label: 'Tahapan inovasi', display: coded('stage', STAGE_LABELS) },
  { field: 'initiator', label: 'Inisiator inovasi', display: coded('initiator', INITIATOR_LABELS) },
  { field: 'initiatorName', label: 'Nama inisiator', display: text('initiatorName') },
  {
    field: 'classification',
    label: 'Klasifikasi inovasi',
    display: coded('classification', CLASSIFICATION_LABELS),
  },
  { field: 'kind', label: 'Jenis inovasi', display: coded('kind', KIND_LABELS) },
  { field: 'form', label: 'Bentuk inovasi', display: coded('form', FORM_LABELS) },
  { field: 'urusanMain', label: 'Urusan pemerintahan utama', display: (p) => urusanLabel(p.urusanMain) },
  {
    field: 'urusanOthers',
    label: 'Urusan pemerintahan lain',
    display: (p) => (p.urusanOthers ?? []).map(urusanLabel).join('; '),
  },
  {
    field: 'latitude',
    label: 'Koordinat (lintang, bujur)',
    display: (p) =>
      p.latitude === undefined || p.longitude === undefined ? '' : `${p.latitude}, ${p.longitude}`,
  },
  { field: 'astaCita', label: 'Asta Cita', display: text('astaCita') },
  { field: 'pkpnCluster', label: 'Klaster/program PKPN', display: coded('pkpnCluster', PKPN_LABELS) },
  { field: 'trialDate', label: 'Waktu uji coba', display: (p) => formatDateId(p.trialDate) },
  {
    field: 'implementationDate',
    label: 'Waktu penerapan',
    display: (p) => formatDateId(p.implementationDate),
  },
  {
    field: 'latestDevelopmentDate',
    label: 'Waktu pengembangan terbaru',
    display: (p) => formatDateId(p.latestDevelopmentDate),
  },
  { field: 'rancangBangun', label: 'Rancang bangun dan pokok perubahan', display: text('rancangBangun') },
  { field: 'tujuan', label: 'Tujuan inovasi', display: text('tujuan') },
  { field: 'manfaat', label: 'Manfaat yang diperoleh', display: text('manfaat') },
  { field: 'hasil', label: 'Hasil inovasi', display: text('hasil') },
  { field: 'budget', label: 'Anggaran', display: (p) => formatRupiah(p.budget) },
  { field: 'budgetSource', label: 'Sumber anggaran', display: text('budgetSource') },
];
