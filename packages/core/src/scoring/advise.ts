import { URUSAN } from '../innovation/urusan.ts';
import {
  type EvidenceRequirement,
  getRubric,
  KEMANFAATAN_CODE,
  type Level,
  type LevelDefinition,
  MAX_LEVEL,
  type Rubric,
  type Sid33Basis,
  type SidIndicator,
} from '../rubrics/index.ts';
import {
  type IndicatorAnswer,
  isIneligibleDraft,
  mandatoryGaps,
  type ProjectionInnovation,
  type ProjectionState,
  type ScoreBasis,
  spdAnswerLevel,
  treatmentOf,
  variantScorer,
} from './projection.ts';
import { missingBasicServiceUrusan, type RegionalIndex } from './regional.ts';
import { roundHalfUp } from './rounding.ts';

/** What a move changes in the state; `applyMove` turns it into the changed state. */
export type MoveChange =
  | {
      readonly kind: 'fill_empty_seat';
      readonly emptySeats: number;
      readonly added: ProjectionInnovation;
    }
  | {
      readonly kind: 'cover_basic_service';
      /** One new innovation per urusan listed. */
      readonly urusan: readonly string[];
      readonly added: readonly ProjectionInnovation[];
    }
  | {
      readonly kind: 'lift_indicator';
      readonly innovationId: string;
      readonly opdId: string;
      readonly code: string;
      readonly fromLevel: Level;
      readonly toLevel: Level;
      /** For sid.33: the basis the target level is read against. */
      readonly sid33Basis: Sid33Basis | null;
      readonly levelText: string;
      readonly evidence: EvidenceRequirement;
    }
  | {
      readonly kind: 'lift_spd_row';
      readonly code: string;
      readonly fromLevel: Level;
      readonly toLevel: Level;
      readonly levelText: string;
      readonly evidence: EvidenceRequirement;
    }
  | { readonly kind: 'fix_ineligible_draft'; readonly innovationId: string; readonly opdId: string }
  | {
      /**
       * Verified view: answer or get accepted every mandatory indicator an innovation still lacks,
       * one move because the innovation counts only once all of them are accepted.
       */
      readonly kind: 'complete_mandatory';
      readonly innovationId: string;
      readonly opdId: string;
      readonly mandatory: readonly { readonly code: string; readonly toLevel: Level }[];
    };

export type MoveKind = MoveChange['kind'];

export interface MoveOutcome {
  /** Rough work estimate in effort points (see EFFORT); only breaks ties between equal gains. */
  readonly effort: number;
  readonly indexBefore: number;
  readonly indexAfter: number;
  /** indexAfter − indexBefore at the published two-decimal precision. */
  readonly indexGain: number;
  /** The unrounded index difference; what the ranking uses, so small lifts are still ordered. */
  readonly exactGain: number;
  readonly message_id: string;
  readonly message_en: string;
}

export type Move = MoveChange & MoveOutcome;

export interface NewInnovationAssumption {
  readonly levels: Readonly<Partial<Record<string, Level>>>;
  readonly sid33Basis: Sid33Basis;
}

export interface AdviseOptions {
  /** Which score to raise. Default `verified`: only accepted evidence counts at BSKDN. */
  readonly basis?: ScoreBasis;
  /** How many moves to return. Default 25. */
  readonly limit?: number;
  /**
   * The levels assumed for a new innovation (filling a seat or covering an urusan). Default: every
   * mandatory SID indicator at level 1, the least a new innovation can be sent with.
   */
  readonly newInnovation?: NewInnovationAssumption;
}

/**
 * Effort points. A level step that needs new evidence costs 1; evidence already claimed but not yet
 * accepted costs 1 to get verified; fixing a draft's profile is
 * a little more; a new innovation is a whole dossier.
 */
export const EFFORT = {
  perLevelStep: 1,
  verifyClaim: 1,
  fixDraft: 2,
  newInnovation: 6,
} as const;

const DEFAULT_LIMIT = 25;
const DEFAULT_SID33_BASIS: Sid33Basis = 'a';
// Gains closer than this are ties; real differences are at least 1e-6 index points.
const GAIN_TOLERANCE = 1e-9;

function minimalInnovation(rubric: Rubric): NewInnovationAssumption {
  const levels: Partial<Record<string, Level>> = {};
  for (const indicator of rubric.sidIndicators) if (indicator.mandatory) levels[indicator.code] = 1;
  return { levels, sid33Basis: DEFAULT_SID33_BASIS };
}

function newInnovation(
  assumption: NewInnovationAssumption,
  id: string,
  urusan: readonly string[],
): ProjectionInnovation {
  const answers: Partial<Record<string, IndicatorAnswer>> = {};
  for (const [code, level] of Object.entries(assumption.levels)) {
    if (level !== undefined) answers[code] = { level, verified: true };
  }
  return {
    id,
    opdId: '',
    status: 'draft',
    eligible: true,
    urusan,
    answers,
    sid33Basis: assumption.sid33Basis,
  };
}

function replaceInnovation(
  state: ProjectionState,
  innovationId: string,
  change: (innovation: ProjectionInnovation) => ProjectionInnovation,
): ProjectionState {
  return {
    ...state,
    innovations: state.innovations.map((innovation) =>
      innovation.id === innovationId ? change(innovation) : innovation,
    ),
  };
}

/** The state after a move: what advise scores to compute the move's gain. */
export function applyMove(state: ProjectionState, change: MoveChange): ProjectionState {
  switch (change.kind) {
    case 'fill_empty_seat':
      return { ...state, innovations: [...state.innovations, change.added] };
    case 'cover_basic_service':
      return { ...state, innovations: [...state.innovations, ...change.added] };
    case 'lift_indicator':
      return replaceInnovation(state, change.innovationId, (innovation) => ({
        ...innovation,
        answers: { ...innovation.answers, [change.code]: { level: change.toLevel, verified: true } },
        ...(change.sid33Basis === null ? {} : { sid33Basis: change.sid33Basis }),
      }));
    case 'lift_spd_row':
      return {
        ...state,
        spd: {
          ...state.spd,
          [change.code]: { ...state.spd[change.code], level: change.toLevel, verified: true },
        },
      };
    case 'fix_ineligible_draft':
      return replaceInnovation(state, change.innovationId, (innovation) => ({
        ...innovation,
        eligible: true,
      }));
    case 'complete_mandatory':
      return replaceInnovation(state, change.innovationId, (innovation) => {
        const answers = { ...innovation.answers };
        for (const { code, toLevel } of change.mandatory) answers[code] = { level: toLevel, verified: true };
        const needsBasis = change.mandatory.some(({ code }) => code === KEMANFAATAN_CODE);
        const sid33Basis = innovation.sid33Basis ?? (needsBasis ? DEFAULT_SID33_BASIS : undefined);
        return { ...innovation, answers, sid33Basis };
      });
  }
}

interface Candidate {
  readonly change: MoveChange;
  readonly effort: number;
}

/**
 * Target levels for one answer and their effort. Under the verified basis an answer that is claimed
 * but not accepted starts at 0; the cheapest target is its claimed level, which needs only the
 * evidence accepted.
 */
function liftTargets(current: Level, claimed: Level): { toLevel: Level; effort: number }[] {
  const pending = claimed > current;
  const start = pending ? claimed : current + 1;
  const targets: { toLevel: Level; effort: number }[] = [];
  for (let toLevel = start; toLevel <= MAX_LEVEL; toLevel += 1) {
    const steps = toLevel - (pending ? claimed : current);
    targets.push({
      toLevel: toLevel as Level,
      effort: steps * EFFORT.perLevelStep + (pending ? EFFORT.verifyClaim : 0),
    });
  }
  return targets;
}

function levelDefinition(indicator: SidIndicator, level: Level, basis: Sid33Basis): LevelDefinition {
  const ladder = indicator.bases?.find((candidate) => candidate.basis === basis)?.levels ?? indicator.levels;
  return ladder[level - 1] ?? indicator.levels[2];
}

const urusanName = (code: string): string => URUSAN.find((urusan) => urusan.code === code)?.name ?? code;

function* candidates(
  rubric: Rubric,
  state: ProjectionState,
  basis: ScoreBasis,
  before: RegionalIndex,
  assumption: NewInnovationAssumption,
): Generator<Candidate> {
  const { formula } = rubric;

  if (before.emptySeats > 0) {
    yield {
      change: {
        kind: 'fill_empty_seat',
        emptySeats: before.emptySeats,
        added: newInnovation(assumption, `kursi-kosong-${before.n + 1}`, []),
      },
      effort: EFFORT.newInnovation,
    };
  }

  if (!before.basicServiceGateMet) {
    const needed = formula.basicServiceUrusanRequired - before.basicServicesCovered.length;
    const urusan = missingBasicServiceUrusan(before.basicServicesCovered).slice(0, needed);
    yield {
      change: {
        kind: 'cover_basic_service',
        urusan,
        added: urusan.map((code, position) =>
          newInnovation(assumption, `urusan-${code}-${position + 1}`, [code]),
        ),
      },
      effort: EFFORT.newInnovation * urusan.length,
    };
  }

  for (const row of rubric.spdRows) {
    const answer = state.spd[row.code];
    const claimed = spdAnswerLevel(row, answer);
    const current = answer === undefined || (basis === 'verified' && !answer.verified) ? 0 : claimed;
    // Figures decide a quantitative row's level; the only move left is to get them verified.
    const fromFigures = row.derivation !== undefined && answer?.figures !== undefined;
    if (row.derivation !== undefined && !fromFigures) continue;
    for (const { toLevel, effort } of liftTargets(current, claimed)) {
      if (fromFigures && toLevel !== claimed) continue;
      const definition = row.levels[toLevel - 1] ?? row.levels[2];
      yield {
        change: {
          kind: 'lift_spd_row',
          code: row.code,
          fromLevel: current,
          toLevel,
          levelText: definition.text,
          evidence: definition.evidence,
        },
        effort,
      };
    }
  }

  for (const innovation of state.innovations) {
    const treatment = treatmentOf(innovation);
    // Withdrawing an ineligible draft gains nothing: it is outside n until fixed (decision 6).
    if (isIneligibleDraft(innovation)) {
      yield {
        change: { kind: 'fix_ineligible_draft', innovationId: innovation.id, opdId: innovation.opdId },
        effort: EFFORT.fixDraft,
      };
    }
    if (treatment !== 'counted') continue;

    // Several mandatory gaps: no single lift moves the verified index, completing them all does.
    const gaps = basis === 'verified' ? mandatoryGaps(rubric, innovation) : [];
    if (gaps.length > 1) {
      yield {
        change: {
          kind: 'complete_mandatory',
          innovationId: innovation.id,
          opdId: innovation.opdId,
          mandatory: gaps.map(({ code }) => ({
            code,
            toLevel: Math.max(innovation.answers[code]?.level ?? 0, 1) as Level,
          })),
        },
        effort: gaps.reduce(
          (sum, gap) => sum + (gap.state === 'unanswered' ? EFFORT.perLevelStep : EFFORT.verifyClaim),
          0,
        ),
      };
    }

    for (const indicator of rubric.sidIndicators) {
      const answer = innovation.answers[indicator.code];
      const isKemanfaatan = indicator.code === KEMANFAATAN_CODE;
      const hasBasis = innovation.sid33Basis !== undefined;
      const claimed: Level = answer === undefined || (isKemanfaatan && !hasBasis) ? 0 : answer.level;
      const current: Level = (answer?.verified ?? false) || basis === 'claimed' ? claimed : 0;
      const sid33Basis = isKemanfaatan ? (innovation.sid33Basis ?? DEFAULT_SID33_BASIS) : null;
      for (const { toLevel, effort } of liftTargets(current, claimed)) {
        const definition = levelDefinition(indicator, toLevel, sid33Basis ?? DEFAULT_SID33_BASIS);
        yield {
          change: {
            kind: 'lift_indicator',
            innovationId: innovation.id,
            opdId: innovation.opdId,
            code: indicator.code,
            fromLevel: current,
            toLevel,
            sid33Basis,
            levelText: definition.text,
            evidence: definition.evidence,
          },
          effort,
        };
      }
    }
  }
}

interface MoveMessages {
  readonly message_id: string;
  readonly message_en: string;
}

const indicatorName = (rubric: Rubric, code: string): string =>
  [...rubric.spdRows, ...rubric.sidIndicators].find((indicator) => indicator.code === code)?.name ?? code;

/** The sentence an operator reads for a move, in Bahasa Indonesia and English. */
function describeMove(
  rubric: Rubric,
  change: MoveChange,
  label: (innovationId: string) => string,
): MoveMessages {
  const { formula } = rubric;
  switch (change.kind) {
    case 'fill_empty_seat':
      return {
        message_id: `Isi kursi kosong: daftarkan satu inovasi lagi (${change.emptySeats} dari ${formula.divisorMinimum} kursi pembagi masih kosong).`,
        message_en: `Fill an empty seat: register one more innovation (${change.emptySeats} of the ${formula.divisorMinimum} divisor seats are empty).`,
      };
    case 'cover_basic_service': {
      const names = change.urusan.map(urusanName).join(', ');
      return {
        message_id: `Tambahkan inovasi pada urusan pelayanan dasar yang belum tercakup (${names}); tanpa ${formula.basicServiceUrusanRequired} dari 6 urusan, skor jumlah inovasi bernilai 0.`,
        message_en: `Add innovations in the uncovered basic-service urusan (${names}); without ${formula.basicServiceUrusanRequired} of 6, the innovation-count score is 0.`,
      };
    }
    case 'lift_spd_row': {
      const name = indicatorName(rubric, change.code);
      return {
        message_id: `Naikkan indikator daerah "${name}" dari level ${change.fromLevel} ke ${change.toLevel} (${change.levelText}). Data dukung: ${change.evidence.description}.`,
        message_en: `Lift the regional indicator "${name}" from level ${change.fromLevel} to ${change.toLevel}. Evidence (in Bahasa Indonesia): ${change.evidence.description}.`,
      };
    }
    case 'lift_indicator': {
      const name = indicatorName(rubric, change.code);
      const basis = change.sid33Basis === null ? '' : ` (basis ${change.sid33Basis})`;
      return {
        message_id: `Naikkan "${name}"${basis} pada inovasi ${label(change.innovationId)} dari level ${change.fromLevel} ke ${change.toLevel} (${change.levelText}). Data dukung: ${change.evidence.description}.`,
        message_en: `Lift "${name}"${basis} of innovation ${label(change.innovationId)} from level ${change.fromLevel} to ${change.toLevel}. Evidence (in Bahasa Indonesia): ${change.evidence.description}.`,
      };
    }
    case 'fix_ineligible_draft':
      return {
        message_id: `Lengkapi syarat draf inovasi ${label(change.innovationId)} (profil, rancang bangun, rentang usia) agar ikut dihitung.`,
        message_en: `Fix the eligibility of draft ${label(change.innovationId)} (profile, rancang bangun, age window) so it counts.`,
      };
    case 'complete_mandatory': {
      const names = change.mandatory.map(({ code }) => `"${indicatorName(rubric, code)}"`).join(', ');
      return {
        message_id: `Lengkapi indikator wajib inovasi ${label(change.innovationId)} (${names}) dengan data dukung yang diterima verifikator, agar inovasi ini dihitung pada skor terverifikasi.`,
        message_en: `Complete the mandatory indicators of innovation ${label(change.innovationId)} (${names}) with evidence the verifier accepts, so that it counts in the verified score.`,
      };
    }
  }
}

/**
 * The moves that raise the index most, cheapest first among equals. Every candidate move is applied
 * to a copy of the state and the whole region is scored again with the projection's function; the
 * gain is that difference, never an estimate.
 *
 * Ranking rule: larger unrounded index gain first; equal gains (within 1e-9) by lower effort; then
 * by the order moves were found (seats, urusan, regional rows, then innovations in input order).
 * Moves that do not raise the index are left out.
 */
export function advise(state: ProjectionState, options: AdviseOptions = {}): readonly Move[] {
  const rubric = getRubric(state.rubricId);
  const basis = options.basis ?? 'verified';
  const score = variantScorer(state.rubricId, basis);
  const before = score(state);
  const assumption = options.newInnovation ?? minimalInnovation(rubric);
  const toIndexPoints = (total: number): number => (total / rubric.formula.maxTotal) * 100;

  const scored: { candidate: Candidate; after: RegionalIndex; exactGain: number; order: number }[] = [];
  for (const candidate of candidates(rubric, state, basis, before, assumption)) {
    const after = score(applyMove(state, candidate.change));
    const exactGain = toIndexPoints(after.total) - toIndexPoints(before.total);
    if (exactGain > GAIN_TOLERANCE) scored.push({ candidate, after, exactGain, order: scored.length });
  }

  scored.sort((left, right) => {
    const gainDifference = right.exactGain - left.exactGain;
    if (Math.abs(gainDifference) > GAIN_TOLERANCE) return gainDifference;
    return left.candidate.effort - right.candidate.effort || left.order - right.order;
  });
  const names = new Map(state.innovations.map((innovation) => [innovation.id, innovation.name]));
  const label = (innovationId: string) => {
    const name = names.get(innovationId);
    return name ? `"${name}"` : innovationId;
  };
  return scored.slice(0, options.limit ?? DEFAULT_LIMIT).map(
    ({ candidate, after, exactGain }): Move => ({
      ...candidate.change,
      effort: candidate.effort,
      indexBefore: before.index,
      indexAfter: after.index,
      indexGain: roundHalfUp(after.index - before.index, 2),
      exactGain,
      ...describeMove(rubric, candidate.change, label),
    }),
  );
}
