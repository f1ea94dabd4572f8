/**
 * What the web app may take from the domain: value lists and pure rules, without zod or the rubric
 * data, so a page pays only for what it uses (docs/decisions/0039). Everything else reaches the web
 * app over HTTP.
 */
export { ROLES } from './access/roles.ts';
export { EVIDENCE_FINDINGS, EVIDENCE_KINDS, EVIDENCE_MEDIA_TYPES } from './evidence/kinds.ts';
export { checkEligibility, type Eligibility } from './innovation/eligibility.ts';
export { URUSAN, type UrusanGroup } from './innovation/urusan.ts';
export {
  type LevelDefinition,
  PREDICATES,
  type Rubric,
  SID33_BASES,
  type SidIndicator,
  type SpdRow,
} from './rubrics/types.ts';
export { KEMANFAATAN_CODE } from './rubrics/validate.ts';
export { countedSidLevel } from './scoring/kematangan.ts';
export { deriveSpdLevel } from './scoring/spd-derivation.ts';
export * from './vocabulary.ts';
export {
  daysUntil,
  type PeriodDeadlines,
  type PeriodLock,
  periodLock,
  todayInJakarta,
} from './workflow/calendar.ts';
export { isSubmittedOrLater, isVerifiedOrLater } from './workflow/progress.ts';
export { availableActions, isEditable, REVIEWABLE_STATUSES } from './workflow/state-machine.ts';
