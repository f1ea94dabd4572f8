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
  /**
   * The message without its evidence text, for a list that states the evidence once per indicator
   * and level rather than once per innovation.
   */
  readonly action_id: string;
  readonly action_en: string;
}

export type Move = MoveChange & MoveOutcome;

/**
 * One region-level document (ADR 0029) that lifts the same indicator of several innovations to the
 * same level: one move with the gain of all of them, instead of a move per innovation.
 */
export interface Lever {
  readonly kind: 'region_wide_document';
  readonly code: string;
  readonly toLevel: Level;
  readonly document_id: string;
  readonly document_en: string;
  /** The counted innovations whose answer to `code` is below `toLevel` today, in input order. */
  readonly innovationIds: readonly string[];
  readonly levelText: string;
  readonly evidence: EvidenceRequirement;
  readonly effort: number;
  readonly indexBefore: number;
  /** The region scored again with every listed innovation lifted at once. */
  readonly indexAfter: number;
  readonly indexGain: number;
  readonly exactGain: number;
  readonly message_id: string;
  readonly message_en: string;
  /** The message without its evidence text. */
  readonly action_id: string;
  readonly action_en: string;
}

export interface Advice {
  /** Region-wide documents, highest gain first. */
  readonly levers: readonly Lever[];
  /** The remaining moves; none repeats a lift a lever already makes. */
  readonly moves: readonly Move[];
}

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
  /** One act drafted, signed and attached once; cheaper than a step per innovation from two on. */
  regionWideDocument: 3,
} as const;

/** A document that lifts a single innovation is an ordinary move, not a lever. */
const LEVER_MINIMUM_INNOVATIONS = 2;

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
  yield* regionCandidates(rubric, before, assumption);
  for (const row of rubric.spdRows) yield* spdRowCandidates(row, state.spd[row.code], basis);
  for (const innovation of state.innovations) yield* innovationCandidates(rubric, innovation, basis);
}

/** New innovations: one for an empty seat, and those that would cover missing basic-service urusan. */
function* regionCandidates(
  rubric: Rubric,
  before: RegionalIndex,
  assumption: NewInnovationAssumption,
): Generator<Candidate> {
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
    const needed = rubric.formula.basicServiceUrusanRequired - before.basicServicesCovered.length;
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
}

function* spdRowCandidates(
  row: Rubric['spdRows'][number],
  answer: ProjectionState['spd'][string],
  basis: ScoreBasis,
): Generator<Candidate> {
  const claimed = spdAnswerLevel(row, answer);
  const current = answer === undefined || (basis === 'verified' && !answer.verified) ? 0 : claimed;
  // Figures decide a quantitative row's level; the only move left is to get them verified.
  const fromFigures = row.derivation !== undefined && answer?.figures !== undefined;
  if (row.derivation !== undefined && !fromFigures) return;
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

function* innovationCandidates(
  rubric: Rubric,
  innovation: ProjectionInnovation,
  basis: ScoreBasis,
): Generator<Candidate> {
  const treatment = treatmentOf(innovation);
  // Withdrawing an ineligible draft gains nothing: it is outside n until fixed (decision 6).
  if (isIneligibleDraft(innovation)) {
    yield {
      change: { kind: 'fix_ineligible_draft', innovationId: innovation.id, opdId: innovation.opdId },
      effort: EFFORT.fixDraft,
    };
  }
  if (treatment !== 'counted') return;

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

  for (const indicator of rubric.sidIndicators) yield* indicatorCandidates(indicator, innovation, basis);
}

function* indicatorCandidates(
  indicator: SidIndicator,
  innovation: ProjectionInnovation,
  basis: ScoreBasis,
): Generator<Candidate> {
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

interface MoveMessages {
  readonly message_id: string;
  readonly message_en: string;
  readonly action_id: string;
  readonly action_en: string;
}

const plain = (message_id: string, message_en: string): MoveMessages => ({
  message_id,
  message_en,
  action_id: message_id,
  action_en: message_en,
});

const withEvidence = (action_id: string, action_en: string, evidence: EvidenceRequirement): MoveMessages => ({
  message_id: `${action_id} Data dukung: ${evidence.description}.`,
  message_en: `${action_en} Evidence (in Bahasa Indonesia): ${evidence.description}.`,
  action_id,
  action_en,
});

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
      return plain(
        `Isi kursi kosong: daftarkan satu inovasi lagi (${change.emptySeats} dari ${formula.divisorMinimum} kursi pembagi masih kosong).`,
        `Fill an empty seat: register one more innovation (${change.emptySeats} of the ${formula.divisorMinimum} divisor seats are empty).`,
      );
    case 'cover_basic_service': {
      const names = change.urusan.map(urusanName).join(', ');
      return plain(
        `Tambahkan inovasi pada urusan pelayanan dasar yang belum tercakup (${names}); tanpa ${formula.basicServiceUrusanRequired} dari 6 urusan, skor jumlah inovasi bernilai 0.`,
        `Add innovations in the uncovered basic-service urusan (${names}); without ${formula.basicServiceUrusanRequired} of 6, the innovation-count score is 0.`,
      );
    }
    case 'lift_spd_row': {
      const name = indicatorName(rubric, change.code);
      return withEvidence(
        `Naikkan indikator daerah "${name}" dari level ${change.fromLevel} ke ${change.toLevel} (${change.levelText}).`,
        `Lift the regional indicator "${name}" from level ${change.fromLevel} to ${change.toLevel}.`,
        change.evidence,
      );
    }
    case 'lift_indicator': {
      const name = indicatorName(rubric, change.code);
      const basis = change.sid33Basis === null ? '' : ` (basis ${change.sid33Basis})`;
      return withEvidence(
        `Naikkan "${name}"${basis} pada inovasi ${label(change.innovationId)} dari level ${change.fromLevel} ke ${change.toLevel} (${change.levelText}).`,
        `Lift "${name}"${basis} of innovation ${label(change.innovationId)} from level ${change.fromLevel} to ${change.toLevel}.`,
        change.evidence,
      );
    }
    case 'fix_ineligible_draft':
      return plain(
        `Lengkapi syarat draf inovasi ${label(change.innovationId)} (profil, rancang bangun, rentang usia) agar ikut dihitung.`,
        `Fix the eligibility of draft ${label(change.innovationId)} (profile, rancang bangun, age window) so it counts.`,
      );
    case 'complete_mandatory': {
      const names = change.mandatory.map(({ code }) => `"${indicatorName(rubric, code)}"`).join(', ');
      return plain(
        `Lengkapi indikator wajib inovasi ${label(change.innovationId)} (${names}) dengan data dukung yang diterima verifikator, agar inovasi ini dihitung pada skor terverifikasi.`,
        `Complete the mandatory indicators of innovation ${label(change.innovationId)} (${names}) with evidence the verifier accepts, so that it counts in the verified score.`,
      );
    }
  }
}

interface Scoring {
  readonly rubric: Rubric;
  readonly basis: ScoreBasis;
  readonly score: (state: ProjectionState) => RegionalIndex;
  readonly before: RegionalIndex;
  readonly toIndexPoints: (total: number) => number;
  readonly label: (innovationId: string) => string;
}

function scoring(state: ProjectionState, options: AdviseOptions): Scoring {
  const rubric = getRubric(state.rubricId);
  const basis = options.basis ?? 'verified';
  const score = variantScorer(state.rubricId, basis);
  const names = new Map(state.innovations.map((innovation) => [innovation.id, innovation.name]));
  return {
    rubric,
    basis,
    score,
    before: score(state),
    toIndexPoints: (total) => (total / rubric.formula.maxTotal) * 100,
    label: (innovationId) => {
      const name = names.get(innovationId);
      return name ? `"${name}"` : innovationId;
    },
  };
}

const byGainThenEffort = <T extends { readonly exactGain: number; readonly effort: number }>(
  left: T & { readonly order: number },
  right: T & { readonly order: number },
): number => {
  const gainDifference = right.exactGain - left.exactGain;
  if (Math.abs(gainDifference) > GAIN_TOLERANCE) return gainDifference;
  return left.effort - right.effort || left.order - right.order;
};

/** Every move that raises the index, ranked; `advise` and `adviseWithLevers` cut the list. */
function rankedMoves(state: ProjectionState, options: AdviseOptions, context: Scoring): Move[] {
  const { rubric, basis, score, before, toIndexPoints, label } = context;
  const assumption = options.newInnovation ?? minimalInnovation(rubric);
  const scored: {
    candidate: Candidate;
    after: RegionalIndex;
    exactGain: number;
    effort: number;
    order: number;
  }[] = [];
  for (const candidate of candidates(rubric, state, basis, before, assumption)) {
    const after = score(applyMove(state, candidate.change));
    const exactGain = toIndexPoints(after.total) - toIndexPoints(before.total);
    if (exactGain > GAIN_TOLERANCE)
      scored.push({ candidate, after, exactGain, effort: candidate.effort, order: scored.length });
  }
  scored.sort(byGainThenEffort);
  return scored.map(
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
  return rankedMoves(state, options, scoring(state, options)).slice(0, options.limit ?? DEFAULT_LIMIT);
}

/** The level an answer counts at on a basis: an answer without accepted evidence is 0 when verified. */
function countedLevel(innovation: ProjectionInnovation, code: string, basis: ScoreBasis): Level {
  const answer = innovation.answers[code];
  if (answer === undefined) return 0;
  return answer.verified || basis === 'claimed' ? answer.level : 0;
}

/**
 * For every level of an indicator the rubric marks as reachable with one region-level document, the
 * counted innovations below that level, lifted together. The gain is the region projected again with
 * all of them lifted at once: not the sum of each innovation's own gain, which would be the same only
 * while nothing but the kematangan average moves (lifting a mandatory indicator can also change which
 * innovations count in the verified view).
 */
function levers(state: ProjectionState, context: Scoring): Lever[] {
  const { rubric, basis, score, before, toIndexPoints } = context;
  const found: (Lever & { order: number })[] = [];
  for (const indicator of rubric.sidIndicators) {
    if (indicator.code === KEMANFAATAN_CODE) continue;
    for (const document of indicator.regionWide ?? []) {
      const lifted = state.innovations.filter(
        (innovation) =>
          treatmentOf(innovation) === 'counted' &&
          countedLevel(innovation, indicator.code, basis) < document.level,
      );
      if (lifted.length < LEVER_MINIMUM_INNOVATIONS) continue;
      const definition = levelDefinition(indicator, document.level, DEFAULT_SID33_BASIS);
      const after = score(
        lifted.reduce(
          (current, innovation) =>
            applyMove(current, {
              kind: 'lift_indicator',
              innovationId: innovation.id,
              opdId: innovation.opdId,
              code: indicator.code,
              fromLevel: countedLevel(innovation, indicator.code, basis),
              toLevel: document.level,
              sid33Basis: null,
              levelText: definition.text,
              evidence: definition.evidence,
            }),
          state,
        ),
      );
      const exactGain = toIndexPoints(after.total) - toIndexPoints(before.total);
      if (exactGain <= GAIN_TOLERANCE) continue;
      const count = lifted.length;
      const action_id = `Terbitkan satu ${document.document_id}: "${indicator.name}" naik ke level ${document.level} (${definition.text}) pada ${count} inovasi sekaligus.`;
      const action_en = `Issue ${document.document_en}: "${indicator.name}" rises to level ${document.level} for ${count} innovations at once.`;
      found.push({
        kind: 'region_wide_document',
        code: indicator.code,
        toLevel: document.level,
        document_id: document.document_id,
        document_en: document.document_en,
        innovationIds: lifted.map((innovation) => innovation.id),
        levelText: definition.text,
        evidence: definition.evidence,
        effort: EFFORT.regionWideDocument,
        indexBefore: before.index,
        indexAfter: after.index,
        indexGain: roundHalfUp(after.index - before.index, 2),
        exactGain,
        ...withEvidence(action_id, action_en, definition.evidence),
        order: found.length,
      });
    }
  }
  return found.sort(byGainThenEffort).map(({ order: _order, ...lever }) => lever);
}

/**
 * The advice with region-wide levers first (ADR 0029). A per-innovation lift that a lever already
 * makes (same indicator, same target level, an innovation the lever names) is left out of `moves`,
 * so no innovation's move is listed twice; `limit` applies to `moves` only.
 */
export function adviseWithLevers(state: ProjectionState, options: AdviseOptions = {}): Advice {
  const context = scoring(state, options);
  const found = levers(state, context);
  const covered = new Set(
    found.flatMap((lever) => lever.innovationIds.map((id) => `${lever.code}|${lever.toLevel}|${id}`)),
  );
  const moves = rankedMoves(state, options, context).filter(
    (move) =>
      move.kind !== 'lift_indicator' || !covered.has(`${move.code}|${move.toLevel}|${move.innovationId}`),
  );
  return { levers: found, moves: moves.slice(0, options.limit ?? DEFAULT_LIMIT) };
}
