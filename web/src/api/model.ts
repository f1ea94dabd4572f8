/**
 * Domain types the screens use. They come from one place (`types.ts` now, the generated
 * `schema.d.ts` once the server publishes its OpenAPI document) so screens never restate the contract.
 */
export type {
  ApiErrorBody,
  Area,
  DemoUser,
  Innovation,
  InnovationProfile,
  InnovationStatus,
  Member,
  Opd,
  OpdKind,
  paths,
  Role,
  SessionUser,
  Tenant,
  TenantKind,
} from './types.ts';

import type { InnovationProfile, InnovationStatus, OpdKind, Role, TenantKind } from './types.ts';

export type InnovationStage = NonNullable<InnovationProfile['stage']>;
export type Initiator = NonNullable<InnovationProfile['initiator']>;
export type Classification = NonNullable<InnovationProfile['classification']>;
export type InnovationKind = NonNullable<InnovationProfile['kind']>;
export type InnovationForm = NonNullable<InnovationProfile['form']>;

/**
 * Lists the UI offers as options. `exhaustive` fails to type-check when the contract gains a value
 * the list does not have, so an option never silently goes missing.
 */
function exhaustive<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L => list;
}

export const ROLES = exhaustive<Role>()([
  'tenant_admin',
  'verifier',
  'opd_operator',
  'province_viewer',
  'platform_admin',
]);
export const TENANT_KINDS = exhaustive<TenantKind>()(['provinsi', 'kabupaten', 'kota']);
export const OPD_KINDS = exhaustive<OpdKind>()([
  'dinas',
  'badan',
  'kecamatan',
  'kelurahan',
  'puskesmas',
  'sekolah',
  'rsud',
  'lainnya',
]);
export const INNOVATION_STAGES = exhaustive<InnovationStage>()(['inisiatif', 'uji_coba', 'penerapan']);
export const INITIATORS = exhaustive<Initiator>()(['kepala_daerah', 'anggota_dprd', 'opd', 'asn', 'masyarakat']);
export const CLASSIFICATIONS = exhaustive<Classification>()(['perangkat_daerah', 'desa', 'masyarakat']);
export const INNOVATION_KINDS = exhaustive<InnovationKind>()(['digital', 'non_digital']);
export const INNOVATION_FORMS = exhaustive<InnovationForm>()(['pelayanan_publik', 'tata_kelola', 'urusan_lainnya']);
export const INNOVATION_STATUSES = exhaustive<InnovationStatus>()([
  'draft',
  'submitted',
  'in_review',
  'returned',
  'verified',
  'ready',
  'sent',
  'accepted',
  'rejected',
]);

/** IID eligibility: a rancang bangun under 300 words makes the innovation ineligible (iid-model.md). */
export const RANCANG_BANGUN_MIN_WORDS = 300;
