import { z } from 'zod';
import { TENANT_CODE_PATTERN } from '../access/tenant-code.ts';
import type { InnovationProfile } from '../innovation/profile.ts';
import type { Level } from '../rubrics/index.ts';
import { AGREEMENT_KINDS, REPLICATION_STATUSES } from '../vocabulary.ts';
import type { CatalogEntryContent } from './entry.ts';

export { AGREEMENT_KINDS, REPLICATION_STATUSES };

export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_KIND_LABELS: Readonly<Record<AgreementKind, string>> = {
  pks: 'Perjanjian Kerja Sama (PKS)',
  mou: 'Nota Kesepahaman (MoU)',
  surat_pernyataan: 'Surat pernyataan replikasi',
};

export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number];

/** Incoming: someone asks to replicate our innovation. Outgoing: we ask to replicate theirs. */
export const REPLICATION_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type ReplicationDirection = (typeof REPLICATION_DIRECTIONS)[number];

const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
const tenantCode = z.string().regex(TENANT_CODE_PATTERN);
const timestamp = z.iso.datetime();

/** The person a region names for this agreement; shared with the other region on purpose. */
export const replicationContactSchema = z.object({
  name: z.string().trim().min(3).max(200),
  role: z.string().trim().min(3).max(200),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ()-]{6,30}$/)
    .optional(),
});
export type ReplicationContact = z.infer<typeof replicationContactSchema>;

export const replicationRequestInputSchema = z.object({
  sourceTenantCode: tenantCode,
  sourceInnovationId: id,
  /** The requesting region's OPD that will own the replica draft. */
  opdId: id,
  message: z.string().trim().min(10).max(2000),
  contact: replicationContactSchema,
});
export type ReplicationRequestInput = z.infer<typeof replicationRequestInputSchema>;

export const agreementInputSchema = z.object({
  kind: z.enum(AGREEMENT_KINDS),
  signedOn: z.iso.date(),
  /** The signed document, once uploaded as evidence (the evidence module owns the bytes). */
  evidenceId: id.optional(),
  note: z.string().trim().max(2000).optional(),
  /** The source region's contact for the agreement (the requester named theirs when asking). */
  contact: replicationContactSchema,
});
export type AgreementInput = z.infer<typeof agreementInputSchema>;

const partySchema = z.object({
  role: z.enum(['source', 'replicator']),
  tenantCode: z.string(),
  regionName: z.string(),
});

export const agreementSchema = z.object({
  kind: z.enum(AGREEMENT_KINDS),
  signedOn: z.string(),
  evidenceId: z.string().optional(),
  note: z.string().optional(),
  parties: z.array(partySchema),
  acceptedAt: timestamp,
});
export type Agreement = z.infer<typeof agreementSchema>;

/**
 * One replication request and, once accepted, its agreement. The same record is kept by both
 * regions (each in its own partition); `direction` says which side this copy belongs to.
 */
export const replicationSchema = z.object({
  id,
  direction: z.enum(REPLICATION_DIRECTIONS),
  status: z.enum(REPLICATION_STATUSES),
  source: z.object({
    tenantCode: z.string(),
    regionName: z.string(),
    innovationId: z.string(),
    innovationName: z.string(),
    catalogId: z.string(),
  }),
  replicator: z.object({
    tenantCode: z.string(),
    regionName: z.string(),
  }),
  message: z.string(),
  contact: replicationContactSchema,
  sourceContact: replicationContactSchema.optional(),
  agreement: agreementSchema.optional(),
  /** The replicator's draft innovation created on acceptance (replicator's copy only). */
  replicaInnovationId: z.string().optional(),
  /** The replicator's OPD that owns the replica (replicator's copy only). */
  replicaOpdId: z.string().optional(),
  declineReason: z.string().optional(),
  requestedAt: timestamp,
  respondedAt: timestamp.optional(),
  updatedAt: timestamp,
  version: z.number().int().min(1),
});
export type Replication = z.infer<typeof replicationSchema>;

/** The replication facts of one source innovation, as sid.31 reads them. */
export const replicationSummarySchema = z.object({
  innovationId: z.string(),
  regions: z.array(
    z.object({
      tenantCode: z.string(),
      regionName: z.string(),
      replicationId: z.string(),
      agreementKind: z.enum(AGREEMENT_KINDS),
      signedOn: z.string(),
      evidenceId: z.string().optional(),
    }),
  ),
  /** Distinct regions with an accepted agreement. */
  distinctRegions: z.number().int().min(0),
  /** Distinct regions whose agreement document is attached: what sid.31 counts. */
  evidencedRegions: z.number().int().min(0),
  /** The level sid.31 earns from `evidencedRegions`. */
  sid31Level: z.number().int().min(0).max(3),
});
export type ReplicationSummary = z.infer<typeof replicationSummarySchema>;

/**
 * sid.31 (Replikasi): level 1 for one replicating region, 2 for two different regions, 3 for three
 * or more. Regions are counted once however many agreements they signed.
 */
export function replicationLevel(distinctRegions: number): Level {
  if (distinctRegions >= 3) return 3;
  if (distinctRegions === 2) return 2;
  if (distinctRegions === 1) return 1;
  return 0;
}

/**
 * The replicating region's draft, prefilled from the source's public fields only. It starts as an
 * initiative: the replicator's own dates, budget and results come later.
 */
export function replicaDraftProfile(source: CatalogEntryContent): InnovationProfile {
  const origin = `Replikasi dari inovasi "${source.name}" (${source.region.name}).`;
  return {
    name: source.name.slice(0, 200),
    stage: 'inisiatif',
    kind: source.kind,
    form: source.form,
    urusanMain: source.urusanMain,
    urusanOthers: source.urusanOthers.length > 0 ? [...source.urusanOthers] : undefined,
    rancangBangun: source.summary ? `${origin}\n\n${source.summary}` : origin,
    tujuan: source.tujuan,
    manfaat: source.manfaat,
  };
}
