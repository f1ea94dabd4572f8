import { z } from 'zod';
import { TENANT_CODE_PART } from '../access/tenant-code.ts';
import type { StoredIndicatorAnswer } from '../answers.ts';
import {
  INNOVATION_FORMS,
  INNOVATION_KINDS,
  INNOVATION_STAGES,
  type InnovationProfile,
} from '../innovation/profile.ts';
import { BASIC_SERVICE_URUSAN, URUSAN_CODES } from '../innovation/urusan.ts';
import { OPD_KINDS, TENANT_KINDS, type TenantKind } from '../records.ts';
import { KEMATANGAN_BANDS, verifiedKematanganBand } from './kematangan-band.ts';
import type { ReplicationLineage } from './lineage.ts';
import { CATALOG_THEME_CODES, suggestThemes } from './themes.ts';

/**
 * A catalogue entry is addressed by its region and innovation: `35.22~01J…`. The region is part of
 * the id because the entry's storage key is region-prefixed (so a region's publisher can only ever
 * write its own entries).
 */
export const CATALOG_ID_PATTERN = new RegExp(`^(${TENANT_CODE_PART})~([0-9A-Za-z_-]{1,64})$`);

export const catalogIdOf = (tenantCode: string, innovationId: string): string =>
  `${tenantCode}~${innovationId}`;

export function parseCatalogId(catalogId: string): { tenantCode: string; innovationId: string } | undefined {
  const match = CATALOG_ID_PATTERN.exec(catalogId);
  return match?.[1] && match[2] ? { tenantCode: match[1], innovationId: match[2] } : undefined;
}

/** The automatic summary of the design narrative: long enough to judge, short enough to skim. */
export const SUMMARY_MAX_CHARS = 400;

/** Cuts a text at a sentence (or else a word) boundary, never inside a word. */
export function summarise(text: string, maxChars = SUMMARY_MAX_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const head = flat.slice(0, maxChars);
  const sentenceEnd = head.lastIndexOf('. ');
  if (sentenceEnd >= maxChars / 2) return head.slice(0, sentenceEnd + 1);
  const wordEnd = head.lastIndexOf(' ');
  return `${head.slice(0, wordEnd > 0 ? wordEnd : maxChars)}…`;
}

const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
const timestamp = z.iso.datetime();

/** What the owner decides when publishing; everything else comes from the innovation's public fields. */
export const publicationOptionsSchema = z.object({
  themes: z.array(z.enum(CATALOG_THEME_CODES)).max(CATALOG_THEME_CODES.length).optional(),
  summary: z.string().trim().min(20).max(1000).optional(),
  contactRole: z.string().trim().min(3).max(200).optional(),
  publicEvidenceIds: z.array(id).max(20).optional(),
});
export type PublicationOptions = z.infer<typeof publicationOptionsSchema>;

export const publicLineageSchema = z.object({
  tenantCode: z.string(),
  regionName: z.string(),
  innovationName: z.string(),
  catalogId: z.string(),
});

/**
 * The public fields of an innovation, and nothing else: no budget, no coordinates, no initiator
 * name, no people, no full design narrative, no evidence unless the owner marked it public.
 */
export const catalogEntryContentSchema = z.object({
  catalogId: z.string(),
  tenantCode: z.string(),
  innovationId: z.string(),
  name: z.string(),
  region: z.object({ code: z.string(), name: z.string(), kind: z.enum(TENANT_KINDS) }),
  province: z.object({ code: z.string(), name: z.string() }),
  opd: z.object({ name: z.string(), kind: z.enum(OPD_KINDS) }),
  urusanMain: z.enum(URUSAN_CODES).optional(),
  urusanOthers: z.array(z.enum(URUSAN_CODES)),
  /** The main urusan is one of the six basic services (pelayanan dasar). */
  basicService: z.boolean(),
  kind: z.enum(INNOVATION_KINDS).optional(),
  form: z.enum(INNOVATION_FORMS).optional(),
  stage: z.enum(INNOVATION_STAGES).optional(),
  themes: z.array(z.enum(CATALOG_THEME_CODES)),
  trialDate: z.string().optional(),
  implementationDate: z.string().optional(),
  latestDevelopmentDate: z.string().optional(),
  /** The year it was put into practice (or trialled), for the year facet. */
  year: z.number().int().optional(),
  /** The design narrative (rancang bangun) in short; the full text stays private. */
  summary: z.string(),
  tujuan: z.string().optional(),
  manfaat: z.string().optional(),
  hasil: z.string().optional(),
  kematanganBand: z.enum(KEMATANGAN_BANDS).optional(),
  /** Whom to ask, as a role ("Kepala Bidang Pelayanan, Dinas Kesehatan"), never a person. */
  contactRole: z.string(),
  publicEvidenceIds: z.array(z.string()),
  replicatedFrom: publicLineageSchema.optional(),
});
export type CatalogEntryContent = z.infer<typeof catalogEntryContentSchema>;

export const catalogEntrySchema = catalogEntryContentSchema.extend({
  version: z.number().int().min(1),
  /** When it was first made public, ever. */
  firstPublishedAt: timestamp,
  /** When the current publication began (recency sorts by this). */
  publishedAt: timestamp,
  updatedAt: timestamp,
  /** Distinct regions that replicated it under an accepted agreement. */
  replicatedByRegions: z.number().int().min(0),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** What publishing reads: the innovation (its public fields are picked here) and where it lives. */
export interface CatalogSource {
  readonly innovation: {
    readonly id: string;
    readonly tenantCode: string;
    readonly profile: InnovationProfile;
    readonly periodYear?: number | undefined;
    readonly answers?: Readonly<Record<string, StoredIndicatorAnswer>> | undefined;
    readonly replicatedFrom?: ReplicationLineage | undefined;
  };
  readonly tenant: { readonly code: string; readonly name: string; readonly kind: TenantKind };
  readonly province: { readonly code: string; readonly name: string };
  readonly opd: { readonly name: string; readonly kind: (typeof OPD_KINDS)[number] };
  readonly options: PublicationOptions;
}

const yearOf = (date: string | undefined): number | undefined =>
  date && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : undefined;

/** Builds the public read model of one innovation. Pure: the caller decides whether to publish it. */
export function buildCatalogEntryContent(source: CatalogSource): CatalogEntryContent {
  const { innovation, tenant, province, opd, options } = source;
  const profile = innovation.profile;
  const lineage = innovation.replicatedFrom;
  return {
    catalogId: catalogIdOf(tenant.code, innovation.id),
    tenantCode: tenant.code,
    innovationId: innovation.id,
    name: profile.name,
    region: { code: tenant.code, name: tenant.name, kind: tenant.kind },
    province: { code: province.code, name: province.name },
    opd: { name: opd.name, kind: opd.kind },
    urusanMain: profile.urusanMain,
    urusanOthers: profile.urusanOthers ?? [],
    basicService: profile.urusanMain !== undefined && BASIC_SERVICE_URUSAN.includes(profile.urusanMain),
    kind: profile.kind,
    form: profile.form,
    stage: profile.stage,
    themes: options.themes ?? suggestThemes(profile),
    trialDate: profile.trialDate,
    implementationDate: profile.implementationDate,
    latestDevelopmentDate: profile.latestDevelopmentDate,
    year: yearOf(profile.implementationDate) ?? yearOf(profile.trialDate),
    summary: options.summary ?? summarise(profile.rancangBangun ?? profile.tujuan ?? ''),
    tujuan: profile.tujuan,
    manfaat: profile.manfaat,
    hasil: profile.hasil,
    kematanganBand: verifiedKematanganBand(innovation),
    contactRole: options.contactRole ?? `Bappeda ${tenant.name}`,
    publicEvidenceIds: options.publicEvidenceIds ?? [],
    replicatedFrom: lineage && {
      tenantCode: lineage.tenantCode,
      regionName: lineage.regionName,
      innovationName: lineage.innovationName,
      catalogId: lineage.catalogId,
    },
  };
}
