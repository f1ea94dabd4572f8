import { type AnswerReview, isVerified } from '../answers.ts';
import type {
  EvidenceDateWindow,
  EvidenceRequirement,
  Indicator,
  LevelDefinition,
  Rubric,
  Sid33Basis,
} from '../rubrics/types.ts';
import { supportsScoring } from './links.ts';
import {
  type AttachedEvidence,
  type Completeness,
  type Evidence,
  type EvidenceFinding,
  evidencePassed,
  type IndicatorEvidence,
} from './schemas.ts';

/** The date window the rubric sets for one indicator at one level, if any. */
export function dateWindowFor(rubric: Rubric, code: string, level: number): EvidenceDateWindow | undefined {
  const windows = rubric.evidenceRules?.dateWindows[code];
  if (!windows) return undefined;
  if (Array.isArray(windows)) return (windows as (EvidenceDateWindow | null)[])[level - 1] ?? undefined;
  return windows as EvidenceDateWindow;
}

/** A window as calendar dates of one assessment year: T-2..T-0 of 2026 is 2024-01-01..2026-12-31. */
export function windowDates(
  window: EvidenceDateWindow,
  periodYear: number,
): { from?: string; to?: string; inForce?: boolean } {
  return {
    ...(window.fromYear !== undefined ? { from: `${periodYear + window.fromYear}-01-01` } : {}),
    ...(window.toYear !== undefined ? { to: `${periodYear + window.toYear}-12-31` } : {}),
    ...(window.inForce ? { inForce: true } : {}),
  };
}

/** Two indicators may be supported by one file when they are the same or share a group. */
export function canShare(rubric: Rubric, first: string, second: string): boolean {
  if (first === second) return true;
  return (rubric.evidenceRules?.sharingGroups ?? []).some(
    (group) => group.includes(first) && group.includes(second),
  );
}

/** The level definition an answer's evidence is judged by (sid.33: the chosen basis's ladder). */
export function levelDefinition(
  indicator: Indicator,
  level: number,
  basis?: Sid33Basis | undefined,
): LevelDefinition | undefined {
  if (level < 1 || level > 3) return undefined;
  const ladder =
    indicator.aspect === 'sid' && basis
      ? (indicator.bases?.find((candidate) => candidate.basis === basis)?.levels ?? indicator.levels)
      : indicator.levels;
  return ladder[level - 1];
}

export interface LinkContext {
  readonly rubric: Rubric;
  readonly code: string;
  readonly level: number;
  readonly periodYear: number;
  readonly requirement?: EvidenceRequirement | undefined;
}

/**
 * What an item's use for one indicator deserves a flag for: the intake's own findings, the file kind
 * against the level's requirement, the document's date against the indicator's years, a regulation
 * no longer in force, and a file that also stands for indicators it cannot share with.
 */
export function linkFindings(context: LinkContext, evidence: Evidence): EvidenceFinding[] {
  const findings: EvidenceFinding[] = [...(evidence.intake?.findings ?? [])];
  const { rubric, code, level, periodYear, requirement } = context;
  if (requirement && evidence.fileKind && !requirement.fileKinds.includes(evidence.fileKind)) {
    findings.push({ code: 'file_kind_not_accepted', refs: [...requirement.fileKinds] });
  }
  const window = dateWindowFor(rubric, code, level);
  if (window) findings.push(...dateFindings(window, periodYear, evidence));
  const conflicting = conflictingCodes(rubric, code, evidence);
  if (conflicting.length > 0) findings.push({ code: 'shared_across_indicators', refs: conflicting });
  return findings;
}

/** The document's date against the indicator's years, and a regulation's validity against the period. */
function dateFindings(window: EvidenceDateWindow, periodYear: number, evidence: Evidence): EvidenceFinding[] {
  const findings: EvidenceFinding[] = [];
  const { from, to } = windowDates(window, periodYear);
  const dated = evidence.source === 'upload';
  if (dated && (from || to) && !evidence.documentDate) findings.push({ code: 'document_date_missing' });
  if (
    evidence.documentDate &&
    ((from && evidence.documentDate < from) || (to && evidence.documentDate > to))
  ) {
    findings.push({ code: 'date_outside_window', refs: [from ?? '', to ?? ''] });
  }
  if (window.inForce && !validInPeriod(evidence, periodYear)) findings.push({ code: 'not_valid_in_period' });
  return findings;
}

function validInPeriod(evidence: Evidence, periodYear: number): boolean {
  const yearStart = `${periodYear}-01-01`;
  const yearEnd = `${periodYear}-12-31`;
  return !(
    (evidence.validUntil && evidence.validUntil < yearStart) ||
    (evidence.validFrom && evidence.validFrom > yearEnd)
  );
}

/** The other scoring indicators this file also stands for that it may not share with, sorted. */
function conflictingCodes(rubric: Rubric, code: string, evidence: Evidence): string[] {
  return Object.entries(evidence.linkedCodes ?? {})
    .filter(
      ([other, count]) =>
        supportsScoring(other, count) && other !== 'agreement' && !canShare(rubric, code, other),
    )
    .map(([other]) => other)
    .sort();
}

export interface AnswerFacts {
  readonly level: number;
  readonly basis?: Sid33Basis | undefined;
  readonly review?: AnswerReview | undefined;
}

export interface LinkedEvidence {
  readonly evidence: Evidence;
  readonly linkedAt: string;
}

/**
 * One indicator's evidence checklist: what its chosen level requires, what is attached (with flags),
 * what is missing, and where it stands on the way to the verified score. A level counts as verified
 * only when the answer is accepted and at least one attached item passed intake.
 */
export function indicatorEvidence(
  rubric: Rubric,
  indicator: Indicator,
  answer: AnswerFacts | undefined,
  linked: readonly LinkedEvidence[],
  periodYear: number,
): IndicatorEvidence {
  const level = answer?.level ?? 0;
  const definition = levelDefinition(indicator, level, answer?.basis);
  const window = definition ? dateWindowFor(rubric, indicator.code, level) : undefined;
  const context: LinkContext = {
    rubric,
    code: indicator.code,
    level,
    periodYear,
    requirement: definition?.evidence,
  };
  const attached: AttachedEvidence[] = linked
    .filter(({ evidence }) => evidence.deleted === undefined)
    .map(({ evidence, linkedAt }) => ({
      evidenceId: evidence.id,
      title: evidence.title,
      kind: evidence.kind,
      ...(evidence.fileKind ? { fileKind: evidence.fileKind } : {}),
      status: evidence.status,
      counts: evidencePassed(evidence),
      findings: linkFindings(context, evidence),
      linkedAt,
    }));
  const hasPassed = attached.some((item) => item.counts);
  const accepted = isVerified(answer);
  const missing = missingOf(level, attached, hasPassed, accepted);
  const state = stateOf(level, attached, hasPassed, accepted, answer);
  return {
    code: indicator.code,
    name: indicator.name,
    mandatory: indicator.mandatory,
    level,
    ...(definition ? { requirement: requirementOf(definition, window, periodYear) } : {}),
    attached,
    missing,
    state,
    ...(answer?.review ? { review: answer.review } : {}),
  };
}

function missingOf(
  level: number,
  attached: readonly AttachedEvidence[],
  hasPassed: boolean,
  accepted: boolean,
): IndicatorEvidence['missing'] {
  const missing: IndicatorEvidence['missing'] = [];
  if (level > 0) {
    if (attached.length === 0) missing.push('evidence');
    else if (!hasPassed) missing.push('passed_evidence');
    if (!accepted) missing.push('verification');
  }
  return missing;
}

function stateOf(
  level: number,
  attached: readonly AttachedEvidence[],
  hasPassed: boolean,
  accepted: boolean,
  answer: AnswerFacts | undefined,
): IndicatorEvidence['state'] {
  if (level === 0) return 'not_answered';
  if (hasPassed && accepted) return 'verified';
  if (answer?.review?.status === 'returned') return 'returned';
  if (hasPassed) return 'awaiting_verification';
  if (attached.some((item) => item.status === 'pending')) return 'awaiting_intake';
  return 'missing_evidence';
}

function requirementOf(
  definition: LevelDefinition,
  window: EvidenceDateWindow | undefined,
  periodYear: number,
): NonNullable<IndicatorEvidence['requirement']> {
  return {
    level: definition.level,
    text: definition.text,
    description: definition.evidence.description,
    fileKinds: [...definition.evidence.fileKinds],
    ...(window ? { dates: windowDates(window, periodYear) } : {}),
  };
}

const share = (count: number, total: number): number =>
  total === 0 ? 0 : Math.round((count / total) * 10_000) / 10_000;

/** Shares of answered, evidenced and verified indicators over a set of checklists. */
export function completenessOf(views: readonly IndicatorEvidence[], total = views.length): Completeness {
  const answered = views.filter((view) => view.level > 0).length;
  const evidenced = views.filter(
    (view) => view.level > 0 && view.attached.some((item) => item.counts),
  ).length;
  const verified = views.filter((view) => view.state === 'verified').length;
  return sumCompleteness([{ total, answered, evidenced, verified }]);
}

/** Adds completeness counts (an innovation's into its region's) and recomputes the shares. */
export function sumCompleteness(
  parts: readonly Pick<Completeness, 'total' | 'answered' | 'evidenced' | 'verified'>[],
): Completeness {
  const sum = (field: 'total' | 'answered' | 'evidenced' | 'verified') =>
    parts.reduce((total, part) => total + part[field], 0);
  const total = sum('total');
  const answered = sum('answered');
  const evidenced = sum('evidenced');
  const verified = sum('verified');
  return {
    total,
    answered,
    evidenced,
    verified,
    shares: {
      answered: share(answered, total),
      evidenced: share(evidenced, total),
      verified: share(verified, total),
    },
  };
}
