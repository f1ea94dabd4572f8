/**
 * The fixed value lists of the domain, free of zod so the web app can import them (through
 * `@inovasi/core/browser`) without pulling the schema library into its bundle. The schema modules
 * re-export them next to the schemas built from them.
 */

export const TENANT_KINDS = ['provinsi', 'kabupaten', 'kota'] as const;

export const OPD_KINDS = [
  'dinas',
  'badan',
  'kecamatan',
  'kelurahan',
  'puskesmas',
  'sekolah',
  'rsud',
  'lainnya',
] as const;

export const MEMBER_STATUSES = ['invited', 'active', 'disabled'] as const;

/** The regional workflow (see the verification issue); an innovation starts as a draft. */
export const INNOVATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'verified',
  'ready',
  'sent',
  'accepted',
  'rejected',
] as const;

export const INNOVATION_STAGES = ['inisiatif', 'uji_coba', 'penerapan'] as const;

export const INITIATORS = ['kepala_daerah', 'anggota_dprd', 'opd', 'asn', 'masyarakat'] as const;

export const CLASSIFICATIONS = ['perangkat_daerah', 'desa', 'masyarakat'] as const;

export const INNOVATION_KINDS = ['digital', 'non_digital'] as const;

export const INNOVATION_FORMS = ['pelayanan_publik', 'tata_kelola', 'urusan_lainnya'] as const;

/** The documents a replication rests on (iid-model: PKS/MoU/korespondensi/surat pernyataan). */
export const AGREEMENT_KINDS = ['pks', 'mou', 'surat_pernyataan'] as const;

/** requested → accepted | declined (by the source region) | withdrawn (by the requesting region). */
export const REPLICATION_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn'] as const;

/** The catalogue's national development themes; their labels and keywords live in catalog/themes.ts. */
export const CATALOG_THEME_CODES = [
  'kemiskinan',
  'stunting',
  'pengangguran',
  'inflasi',
  'investasi',
  'ketahanan_pangan',
  'umkm',
  'kesehatan_ibu_anak',
  'pendidikan',
  'digitalisasi_layanan',
  'kebencanaan',
  'lingkungan',
] as const;
