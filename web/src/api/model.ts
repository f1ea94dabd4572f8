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
export type SignInSettings = components['schemas']['SignInSettings'];
export type Role = SessionUser['roles'][number];
/** Platform administration is never granted from inside a tenant. */
export type TenantRole = Exclude<Role, 'platform_admin'>;
export type DemoUser = Ok<paths['/dev/users']['get']>['items'][number];
export type Area = Ok<paths['/areas']['get']>['items'][number];
export type Tenant = Ok<paths['/tenants/{code}']['get']>;
export type GapAnalysis = Ok<paths['/tenants/{code}/periods/{year}/gaps']['get']>;
export type GapState = GapAnalysis['innovations'][number]['cells'][number];
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
export type IndicatorAnswer = Innovation['answers'][string];
export type AnswerReview = NonNullable<IndicatorAnswer['review']>;
export type ReviewStatus = AnswerReview['status'];
export type Sid33Basis = NonNullable<IndicatorAnswer['basis']>;
export type AnswerInput = RequestJson<paths['/tenants/{code}/innovations/{id}/answers/{indicator}']['put']>;
export type TransitionInput = RequestJson<paths['/tenants/{code}/innovations/{id}/transitions']['post']>;
export type WorkflowAction = TransitionInput['action'];
export type Projection = components['schemas']['Projection'];
export type ProjectionSide = Projection['claimed'];
export type ProjectedInnovation = Projection['innovations'][number];
export type Predicate = ProjectionSide['predicate'];
export type AdviceMove = components['schemas']['Move'];
export type AdviceLever = components['schemas']['Lever'];
export type AdviceBasis = Ok<paths['/tenants/{code}/periods/{year}/projection/advice']['get']>['basis'];
export type PortfolioChoice = components['schemas']['PortfolioChoice'];
export type PortfolioEntry = PortfolioChoice['entries'][number];
export type SimulateInput = RequestJson<paths['/scoring/simulate']['post']>;
export type SimulatedInnovation = SimulateInput['innovations'][number];
export type SimulateResult = Ok<paths['/scoring/simulate']['post']>;
export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditFilters = NonNullable<paths['/tenants/{code}/audit']['get']['parameters']['query']>;
export type Period = Ok<paths['/tenants/{code}/periods/{year}']['get']>;
export type PeriodExtension = Period['extensions'][number];
export type SpdAnswers = Ok<paths['/tenants/{code}/periods/{year}/spd']['get']>;
export type SpdAnswer = SpdAnswers['answers'][string];
export type SpdAnswerInput = RequestJson<paths['/tenants/{code}/periods/{year}/spd/{row}']['put']>;
export type SpdFigures = NonNullable<SpdAnswerInput['figures']>;
export type TenantSettings = Ok<paths['/tenants/{code}/settings']['get']>;

/** The public replication catalogue (no sign-in) and a region's own publications. */
export type CatalogSearch = components['schemas']['CatalogSearchResult'];
export type CatalogItem = components['schemas']['CatalogListItem'];
export type CatalogFacetName = keyof CatalogSearch['facets'];
export type CatalogFacetCount = CatalogSearch['facets'][CatalogFacetName][number];
export type CatalogQuery = NonNullable<paths['/catalog/innovations']['get']['parameters']['query']>;
export type CatalogSort = NonNullable<CatalogQuery['sort']>;
export type CatalogDetail = Ok<paths['/catalog/innovations/{id}']['get']>;
export type Publication = Ok<paths['/tenants/{code}/innovations/{id}/publication']['get']>;
export type PublicationInput = RequestJson<paths['/tenants/{code}/innovations/{id}/publication']['put']>;
export type CatalogTheme = NonNullable<PublicationInput['themes']>[number];

/** Replication requests and agreements between regions. */
export type Replication = Ok<paths['/tenants/{code}/replications/{id}']['get']>;
export type ReplicationStatus = Replication['status'];
export type ReplicationRequestInput = RequestJson<paths['/tenants/{code}/replications']['post']>;
export type ReplicationContact = ReplicationRequestInput['contact'];
export type AgreementInput = RequestJson<paths['/tenants/{code}/replications/{id}/accept']['post']>;
export type AgreementKind = AgreementInput['kind'];
export type ReplicationSummary = Ok<paths['/tenants/{code}/innovations/{id}/replications']['get']>;

/** Evidence (data dukung): the library, uploads and each indicator's checklist. */
export type Evidence = Ok<paths['/tenants/{code}/evidence/{evidenceId}/complete']['post']>;
export type EvidenceKind = Evidence['kind'];
export type EvidenceStatus = Evidence['status'];
export type EvidenceFinding = NonNullable<Evidence['intake']>['findings'][number];
export type EvidenceFindingCode = EvidenceFinding['code'];
export type EvidenceUploadInput = RequestJson<paths['/tenants/{code}/evidence/uploads']['post']>;
export type EvidenceMediaType = EvidenceUploadInput['mediaType'];
export type EvidenceUploadTicket = Ok<paths['/tenants/{code}/evidence/uploads']['post']>;
export type EvidenceUrlInput = RequestJson<paths['/tenants/{code}/evidence/urls']['post']>;
export type EvidenceUsage = Ok<paths['/tenants/{code}/evidence/usage']['get']>;
export type EvidenceLinkWarning = Ok<
  paths['/tenants/{code}/evidence/{evidenceId}/links']['post']
>['warnings'][number];
export type EvidenceChecklist = Ok<paths['/tenants/{code}/innovations/{id}/evidence']['get']>;
export type IndicatorEvidence = EvidenceChecklist['indicators'][number];
export type AttachedEvidence = IndicatorEvidence['attached'][number];
export type MissingEvidence = IndicatorEvidence['missing'][number];
export type IndicatorEvidenceState = IndicatorEvidence['state'];
export type EvidenceListQuery = NonNullable<paths['/tenants/{code}/evidence']['get']['parameters']['query']>;

export type AppNotification = components['schemas']['Notification'];
export type OpdProgressBoard = Ok<paths['/tenants/{code}/periods/{year}/progress']['get']>;
export type OpdProgressRow = OpdProgressBoard['opds'][number];

/**
 * The rubric endpoint documents its body as a free-form object; its shape is the domain's rubric
 * type, imported as a type only (nothing of the core package reaches the bundle from here).
 */
export type {
  LevelDefinition,
  Rubric,
  SidIndicator,
  SpdRow,
} from '../../../packages/core/src/rubrics/types.ts';

/**
 * Fields the workflow records on an innovation that the OpenAPI document does not (yet) declare:
 * the note of the last return and, once sent, the registration number and date. Read defensively.
 */
export interface WorkflowRecord {
  returnNote?: string;
  returnedAnswers?: string[];
  registrationNumber?: string;
  sentAt?: string;
  finalKematangan?: number;
}

export function workflowRecord(innovation: Innovation): WorkflowRecord {
  const extra = innovation as Innovation & Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    returnNote: text(extra.returnNote),
    returnedAnswers: Array.isArray(extra.returnedAnswers)
      ? extra.returnedAnswers.filter((code): code is string => typeof code === 'string')
      : undefined,
    registrationNumber: text(extra.registrationNumber),
    sentAt: text(extra.sentAt),
    finalKematangan: typeof extra.finalKematangan === 'number' ? extra.finalKematangan : undefined,
  };
}

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
  'pimpinan',
  'juri',
  'peserta',
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

export const AGREEMENT_KINDS = exhaustive<AgreementKind>()(['pks', 'mou', 'surat_pernyataan']);
export const REPLICATION_STATUSES = exhaustive<ReplicationStatus>()([
  'requested',
  'accepted',
  'declined',
  'withdrawn',
]);
export const CATALOG_THEMES = exhaustive<CatalogTheme>()([
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
]);
export const EVIDENCE_KINDS = exhaustive<EvidenceKind>()([
  'perda',
  'perkada',
  'sk',
  'surat_tugas',
  'rkpd',
  'anggaran',
  'sop',
  'pedoman',
  'laporan',
  'sertifikat',
  'pks_mou',
  'foto',
  'screenshot',
  'video',
  'tautan',
  'lainnya',
]);
export const EVIDENCE_MEDIA_TYPES = exhaustive<EvidenceMediaType>()([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'video/mp4',
]);
export const EVIDENCE_FINDINGS = exhaustive<EvidenceFindingCode>()([
  'needs_readable_copy',
  'duplicate',
  'video_duration_unknown',
  'date_outside_window',
  'document_date_missing',
  'not_valid_in_period',
  'file_kind_not_accepted',
  'shared_across_indicators',
]);

export const SID33_BASES = exhaustive<Sid33Basis>()(['a', 'b', 'c', 'd', 'e', 'f']);
export const PREDICATES = exhaustive<Predicate>()([
  'Sangat Inovatif',
  'Inovatif',
  'Kurang Inovatif',
  'Tidak Dapat Dinilai',
]);

/** IID eligibility: a rancang bangun under 300 words makes the innovation ineligible (iid-model.md). */
export const RANCANG_BANGUN_MIN_WORDS = 300;
