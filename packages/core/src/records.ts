import { z } from 'zod';
import { ROLES } from './access/roles.ts';
import { storedIndicatorAnswerSchema } from './answers.ts';
import { replicationLineageSchema } from './catalog/lineage.ts';
import { nationalEntrySchema } from './exports/jobs.ts';
import { innovationProfileSchema } from './innovation/profile.ts';
import { INNOVATION_STATUSES, MEMBER_STATUSES, OPD_KINDS, TENANT_KINDS } from './vocabulary.ts';

export { INNOVATION_STATUSES, MEMBER_STATUSES, OPD_KINDS, TENANT_KINDS };

export type TenantKind = (typeof TENANT_KINDS)[number];

const timestamp = z.iso.datetime();
const version = z.number().int().min(1);
const id = z.string().min(1).max(64);

export const tenantSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  provinceCode: z.string(),
  status: z.enum(['active']),
  createdAt: timestamp,
  version,
});
export type Tenant = z.infer<typeof tenantSchema>;

export const opdSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(OPD_KINDS),
  /** Innovations expected from this OPD per period; absent = the region's default target. */
  target: z.number().int().min(0).max(100).optional(),
  /** The urusan the OPD mainly serves: a target rule's basic-service clause names OPDs by it (ADR 0036). */
  urusan: z.string().optional(),
  /** The head of the OPD (kepala OPD), who gets a copy of target reminders by e-mail (ADR 0036). */
  headName: z.string().optional(),
  headEmail: z.string().optional(),
  archived: z.boolean(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Opd = z.infer<typeof opdSchema>;

export const memberSchema = z.object({
  id,
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  opdId: id.optional(),
  /** The unit below the OPD the member works in (a puskesmas, a school, a kelurahan); ADR 0036. */
  unitId: id.optional(),
  /**
   * `invited` until the person first sets a password (locally) or signs in (Cognito); `disabled`
   * members are refused on their next request. Absent on records written before statuses existed:
   * those are active.
   */
  status: z.enum(MEMBER_STATUSES).optional(),
  /** When an invitation that was never accepted stops being valid; another region may then invite the address. */
  invitationExpiresAt: timestamp.optional(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Member = z.infer<typeof memberSchema>;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** A member who may act: invited members have proved who they are by signing in. */
export const memberMayAct = (member: Pick<Member, 'status'>): boolean => member.status !== 'disabled';

export const innovationSchema = z.object({
  id,
  tenantCode: z.string(),
  opdId: id,
  /** The unit below the OPD that owns it; absent = the OPD itself (ADR 0036). */
  unitId: id.optional(),
  status: z.enum(INNOVATION_STATUSES),
  archived: z.boolean(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
  createdBy: id,
  updatedBy: id,
  /** The assessment year (period) the innovation is reported in. */
  periodYear: z.number().int(),
  profile: innovationProfileSchema,
  /** The innovation of an earlier period this one continues (carried over). */
  previousId: id.optional(),
  /** Answers to the SID indicators, by code (`sid.16` …). */
  answers: z.record(z.string(), storedIndicatorAnswerSchema),
  /** Set on a draft created by an accepted replication agreement: the innovation it replicates. */
  replicatedFrom: replicationLineageSchema.optional(),
  /** Ticked off while copying into the national application: the registration number it got there. */
  nationalEntry: nationalEntrySchema.optional(),
  /** What the last return asked for: the verifier's note and the answers sent back. */
  returnNote: z.string().optional(),
  returnedAnswers: z.array(z.string()).optional(),
  /** Recorded when Bappeda marks it sent: the national registration number and the day. */
  registrationNumber: z.string().optional(),
  sentAt: z.iso.date().optional(),
  /** The final kematangan of the national result, when it arrives. */
  finalKematangan: z.number().optional(),
});
export type Innovation = z.infer<typeof innovationSchema>;
