/**
 * Domain types the screens use, all derived from the server's OpenAPI document (`schema.d.ts`,
 * regenerated with `pnpm --filter @inovasi/web gen:api`), so the web app never restates the contract.
 */
import type { components, paths as generatedPaths } from './schema.d.ts';

/** The generated paths carry the `/api/v1` prefix; the client adds it as its base URL instead. */
export type paths = {
  [Path in keyof generatedPaths as Path extends `/api/v1${infer Rest}` ? Rest : never]: generatedPaths[Path];
};

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer Responses }
  ? JsonOf<Responses[Extract<keyof Responses, 200 | 201>]>
  : never;
type RequestJson<Operation> = Operation extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type ApiErrorBody = components['schemas']['Error'];
export type SessionUser = components['schemas']['User'];
export type Role = SessionUser['roles'][number];
/** Platform administration is never granted from inside a tenant. */
export type TenantRole = Exclude<Role, 'platform_admin'>;
export type DemoUser = Ok<paths['/dev/users']['get']>['items'][number];
export type Area = Ok<paths['/areas']['get']>['items'][number];
export type Tenant = Ok<paths['/tenants/{code}']['get']>;
export type TenantKind = Tenant['kind'];
export type Opd = Ok<paths['/tenants/{code}/opds']['get']>['items'][number];
export type OpdKind = Opd['kind'];
export type Member = Ok<paths['/tenants/{code}/members']['get']>['items'][number];
export type Innovation = Ok<paths['/tenants/{code}/innovations/{id}']['get']>;
export type InnovationProfile = Innovation['profile'];
export type InnovationProfilePatch = NonNullable<
  RequestJson<paths['/tenants/{code}/innovations/{id}']['patch']>['profile']
>;
export type InnovationStatus = Innovation['status'];
export type InnovationStage = NonNullable<InnovationProfile['stage']>;
export type Initiator = NonNullable<InnovationProfile['initiator']>;
export type Classification = NonNullable<InnovationProfile['classification']>;
export type InnovationKind = NonNullable<InnovationProfile['kind']>;
export type InnovationForm = NonNullable<InnovationProfile['form']>;

/**
 * Lists the UI offers as options. `exhaustive` fails to type-check when the contract gains a value
 * the list does not have, so an option never silently goes missing after `gen:api`.
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
export const INITIATORS = exhaustive<Initiator>()([
  'kepala_daerah',
  'anggota_dprd',
  'opd',
  'asn',
  'masyarakat',
]);
export const CLASSIFICATIONS = exhaustive<Classification>()(['perangkat_daerah', 'desa', 'masyarakat']);
export const INNOVATION_KINDS = exhaustive<InnovationKind>()(['digital', 'non_digital']);
export const INNOVATION_FORMS = exhaustive<InnovationForm>()([
  'pelayanan_publik',
  'tata_kelola',
  'urusan_lainnya',
]);
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
