import { BASIC_SERVICE_URUSAN } from '../innovation/urusan.ts';
import { getRubric, type RubricFormula } from '../rubrics/index.ts';
import {
  type Explanation,
  type ProjectionState,
  regionalInnovation,
  type ScoreBasis,
  variantScorer,
} from './projection.ts';
import { divisorFor, innovationCountScore, type RegionalIndex, type RegionalInnovation } from './regional.ts';
import { tidy } from './rounding.ts';

/**
 * Portfolio choice (issue 18, ADR 0025): which eligible innovations not sent yet to send so that the
 * projected index is highest.
 *
 * The total depends on a chosen set S only through |S|, Σ kematangan over S and the set of
 * basic-service urusan S covers (formula 4.2). For a fixed size and coverage the best S has the
 * largest sum, and the innovations carrying the same basic-service urusan are interchangeable except
 * for their kematangan, so within such a group only the top t by kematangan are ever taken. A dynamic
 * programme over the groups (at most 64, one per subset of the six urusan) × size × coverage mask is
 * therefore exact, in O(64 · N · (N + groups)) time: about 7 million steps for 300 innovations.
 */

/** Why an innovation is where it is in the choice. */
export type PortfolioRole =
  /** Already sent or rejected: in n whatever the region decides now. */
  | 'locked'
  /** Eligible, not sent yet, and the choice sends it. */
  | 'send'
  /** Eligible, not sent yet, and sending it would lower the index (or leave it unchanged). */
  | 'hold'
  /** Not eligible: outside n until fixed (decision 6), so not part of the choice. */
  | 'ineligible';

export interface PortfolioEntry {
  readonly id: string;
  readonly name?: string | undefined;
  readonly opdId: string;
  readonly role: PortfolioRole;
  /** Kematangan on the chosen basis; 0 where it would not count there. */
  readonly kematangan: number;
  /** Whether it adds to the count score and the basic-service gate on the chosen basis. */
  readonly counts: boolean;
}

export interface PortfolioChoice {
  readonly rubricId: string;
  readonly basis: ScoreBasis;
  /** The projection as it stands: every eligible innovation sent. */
  readonly everything: RegionalIndex;
  /** The index with only the chosen innovations sent (and those already sent). */
  readonly choice: RegionalIndex;
  /** choice.index − everything.index at the published precision; never negative. */
  readonly gain: number;
  /**
   * The kematangan at which one more innovation (covering no new basic-service urusan) leaves the
   * index where the choice puts it: under it, sending lowers the index. 0 while seats stay empty.
   */
  readonly breakEvenMaturity: number;
  /** The break-even in one sentence. */
  readonly breakEven: Explanation;
  /** Sending everything against sending the choice, in one sentence. */
  readonly difference: Explanation;
  readonly entries: readonly PortfolioEntry[];
}

interface Candidate {
  readonly position: number;
  readonly kematangan: number;
  readonly mask: number;
}

const BASIC_BIT = new Map(BASIC_SERVICE_URUSAN.map((code, bit) => [code, 1 << bit]));
const MASKS = 1 << BASIC_SERVICE_URUSAN.length;

function maskOf(urusan: readonly string[]): number {
  let mask = 0;
  for (const code of urusan) mask |= BASIC_BIT.get(code) ?? 0;
  return mask;
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/** What the innovations already sent or rejected bring, whatever is chosen now. */
interface Locked {
  readonly n: number;
  readonly counted: number;
  readonly sum: number;
  readonly mask: number;
}

/** The locked part with one more innovation already sent or rejected; only one that counts adds more than n. */
function withLocked(locked: Locked, seen: RegionalInnovation): Locked {
  const counts = seen.status === 'sent';
  return {
    n: locked.n + 1,
    counted: locked.counted + (counts ? 1 : 0),
    sum: locked.sum + (counts ? seen.kematangan : 0),
    mask: locked.mask | (counts ? maskOf(seen.urusan) : 0),
  };
}

/** The unrounded total of formula 4.2 for a chosen size, sum and coverage beside the locked part. */
function totalFor(
  formula: RubricFormula,
  spd: number,
  locked: Locked,
  chosen: number,
  sum: number,
  mask: number,
): number {
  const n = locked.n + chosen;
  if (n === 0) return 0;
  return (
    spd +
    (locked.sum + sum) / divisorFor(formula, n) +
    innovationCountScore(formula, locked.counted + chosen, popcount(mask))
  );
}

/** Candidates carrying the same basic-service urusan, best kematangan first, with prefix sums. */
interface Group {
  readonly mask: number;
  readonly sorted: readonly Candidate[];
  /** prefix[t]: Σ kematangan of the top t members. */
  readonly prefix: readonly number[];
}

function groupsByMask(candidates: readonly Candidate[]): Group[] {
  const groups = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.mask);
    if (group === undefined) groups.set(candidate.mask, [candidate]);
    else group.push(candidate);
  }
  return [...groups].map(([mask, members]) => {
    const sorted = [...members].sort((a, b) => b.kematangan - a.kematangan || a.position - b.position);
    const prefix = [0];
    for (const member of sorted) prefix.push((prefix.at(-1) ?? 0) + member.kematangan);
    return { mask, sorted, prefix };
  });
}

/** The dynamic programme's table after some groups: best sum per (count, mask), and how it was reached. */
interface Programme {
  /** best[count * MASKS + mask]: the largest Σ kematangan taking `count` candidates covering `mask`. */
  readonly best: Float64Array;
  /** Per group: how many of its members the best state took, and the mask it came from. */
  readonly takenOf: readonly Uint16Array[];
  readonly fromOf: readonly Uint8Array[];
  /** The largest count any state can have. */
  readonly reached: number;
}

function runProgramme(lockedMask: number, candidates: number, groups: readonly Group[]): Programme {
  const width = (candidates + 1) * MASKS;
  let best = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
  best[lockedMask] = 0;
  const takenOf: Uint16Array[] = [];
  const fromOf: Uint8Array[] = [];
  let reached = 0;
  for (const { mask: groupMask, prefix } of groups) {
    const next = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
    const taken = new Uint16Array(width);
    const from = new Uint8Array(width);
    const members = prefix.length - 1;
    forEachReachedState(best, reached, (count, mask, value) => {
      for (let take = 0; take <= members; take += 1) {
        const target = (count + take) * MASKS + (take === 0 ? mask : mask | groupMask);
        const candidate = value + (prefix[take] ?? 0);
        if (candidate > (next[target] ?? Number.NEGATIVE_INFINITY)) {
          next[target] = candidate;
          taken[target] = take;
          from[target] = mask;
        }
      }
    });
    reached += members;
    best = next;
    takenOf.push(taken);
    fromOf.push(from);
  }
  return { best, takenOf, fromOf, reached };
}

/** Visits every reachable (count, mask) state up to `reached`, count-major, with its best sum. */
function forEachReachedState(
  best: Float64Array,
  reached: number,
  visit: (count: number, mask: number, sum: number) => void,
): void {
  for (let count = 0; count <= reached; count += 1) {
    for (let mask = 0; mask < MASKS; mask += 1) {
      const sum = best[count * MASKS + mask] ?? Number.NEGATIVE_INFINITY;
      if (sum !== Number.NEGATIVE_INFINITY) visit(count, mask, sum);
    }
  }
}

/** Walks the table back from the best final state to the members each group gave it. */
function traceBack(
  groups: readonly Group[],
  programme: Programme,
  finalCount: number,
  finalMask: number,
): Candidate[] {
  const chosen: Candidate[] = [];
  let count = finalCount;
  let mask = finalMask;
  for (let group = groups.length - 1; group >= 0; group -= 1) {
    const state = count * MASKS + mask;
    const take = programme.takenOf[group]?.[state] ?? 0;
    const previous = programme.fromOf[group]?.[state] ?? mask;
    chosen.push(...(groups[group]?.sorted.slice(0, take) ?? []));
    count -= take;
    mask = previous;
  }
  return chosen;
}

/**
 * The best subset of counting candidates: positions into `candidates`. Exact (see the module
 * comment); ties go to the smaller set, since sending what does not help is work for nothing.
 */
function bestSubset(
  formula: RubricFormula,
  spd: number,
  locked: Locked,
  candidates: readonly Candidate[],
): { readonly chosen: readonly Candidate[]; readonly total: number } {
  const groups = groupsByMask(candidates);
  const programme = runProgramme(locked.mask, candidates.length, groups);

  let bestTotal = Number.NEGATIVE_INFINITY;
  let bestCount = 0;
  let bestMask = locked.mask;
  forEachReachedState(programme.best, programme.reached, (count, mask, sum) => {
    const total = totalFor(formula, spd, locked, count, sum, mask);
    // Strictly better by more than float noise, so that a tie keeps the smaller set.
    if (total > bestTotal + 1e-9) {
      bestTotal = total;
      bestCount = count;
      bestMask = mask;
    }
  });

  return { chosen: traceBack(groups, programme, bestCount, bestMask), total: bestTotal };
}

const formatNumber = (value: number): string => value.toFixed(2);

/**
 * The portfolio choice of a period on one basis (verified by default, as advice: what BSKDN will
 * see). Innovations already sent or rejected stay in n (one-shot submission); ineligible drafts stay
 * out (decision 6); among the other drafts, the set with the highest projected index is chosen.
 */
export function choosePortfolio(state: ProjectionState, basis: ScoreBasis = 'verified'): PortfolioChoice {
  const rubric = getRubric(state.rubricId);
  const { formula } = rubric;
  const scorer = variantScorer(state.rubricId, basis);
  const everything = scorer(state);

  let locked: Locked = { n: 0, counted: 0, sum: 0, mask: 0 };
  const counting: Candidate[] = [];
  const roles: PortfolioRole[] = [];
  const regional = state.innovations.map((innovation) =>
    regionalInnovation(rubric, innovation, basis, 'withheld'),
  );
  let firstNonCounting: number | undefined;
  state.innovations.forEach((innovation, position) => {
    const seen = regional[position];
    if (seen === undefined) {
      roles.push('ineligible');
      return;
    }
    if (innovation.status !== 'draft') {
      roles.push('locked');
      locked = withLocked(locked, seen);
      return;
    }
    roles.push('hold');
    if (seen.status === 'sent')
      counting.push({ position, kematangan: seen.kematangan, mask: maskOf(seen.urusan) });
    else firstNonCounting ??= position;
  });

  const spd = everything.spd;
  const { chosen, total } = bestSubset(formula, spd, locked, counting);
  for (const candidate of chosen) roles[candidate.position] = 'send';
  // A draft that would not count adds only to n, which never raises the index, except that a region
  // with nothing in n is not assessable at all: one such draft then earns the SPD score.
  if (locked.n + chosen.length === 0 && firstNonCounting !== undefined && spd > total)
    roles[firstNonCounting] = 'send';

  const chosenState: ProjectionState = {
    ...state,
    innovations: state.innovations.filter((_, position) => roles[position] !== 'hold'),
  };
  const choice = scorer(chosenState);
  const breakEvenMaturity = breakEvenOf(formula, choice);
  const entries = state.innovations.map(
    (innovation, position): PortfolioEntry => ({
      id: innovation.id,
      name: innovation.name,
      opdId: innovation.opdId,
      role: roles[position] ?? 'hold',
      kematangan: regional[position]?.kematangan ?? 0,
      counts: regional[position]?.status === 'sent',
    }),
  );
  const gain = tidy(choice.index - everything.index);
  return {
    rubricId: rubric.id,
    basis,
    everything,
    choice,
    gain,
    breakEvenMaturity,
    breakEven: breakEvenSentence(formula, choice, breakEvenMaturity, entries),
    difference: differenceSentence(entries, everything, choice, gain),
    entries,
  };
}

/**
 * One more counting innovation of kematangan k, covering no new urusan, changes the total by
 * (Σ + k) / (n + 1) − Σ / D + c′, with D the current divisor and c′ the count-score step it earns
 * (0 with the gate closed or the cap reached). Solving for 0 gives k = (Σ / D − c′)(n + 1) − Σ; while
 * a seat stays empty (n + 1 ≤ the divisor minimum) the divisor does not move and any k helps.
 */
function breakEvenOf(formula: RubricFormula, choice: RegionalIndex): number {
  const { n, sumKematangan: sum, divisor } = choice;
  if (n + 1 <= formula.divisorMinimum) return 0;
  const step =
    choice.basicServiceGateMet && choice.countedInnovations < formula.countScoreCap
      ? formula.countScoreFactor
      : 0;
  return tidy(Math.max(0, (sum / divisor - step) * (n + 1) - sum));
}

function breakEvenSentence(
  formula: RubricFormula,
  choice: RegionalIndex,
  breakEven: number,
  entries: readonly PortfolioEntry[],
): Explanation {
  if (choice.n + 1 <= formula.divisorMinimum) {
    const seats = formula.divisorMinimum - choice.n;
    return {
      message_id: `Masih ada ${seats} kursi kosong (pembagi minimal ${formula.divisorMinimum}): setiap inovasi yang memenuhi syarat menaikkan indeks Anda tahun ini.`,
      message_en: `${seats} empty seats remain (the divisor is at least ${formula.divisorMinimum}): every eligible innovation raises your index this year.`,
    };
  }
  const rounded = Math.round(breakEven);
  // A weaker innovation may still be sent because it opens the basic-service gate; say so.
  const keptForGate = entries.some(
    (entry) => entry.role === 'send' && entry.counts && entry.kematangan < breakEven,
  );
  return {
    message_id: `Inovasi dengan kematangan di bawah sekitar ${rounded} menurunkan indeks Anda tahun ini${
      keptForGate ? ', kecuali yang diperlukan untuk menutup urusan pelayanan dasar' : ''
    }.`,
    message_en: `An innovation with kematangan under about ${rounded} lowers your index this year${
      keptForGate ? ', unless it is needed to cover a basic-service urusan' : ''
    }.`,
  };
}

function differenceSentence(
  entries: readonly PortfolioEntry[],
  everything: RegionalIndex,
  choice: RegionalIndex,
  gain: number,
): Explanation {
  const drafts = entries.filter((entry) => entry.role === 'send' || entry.role === 'hold').length;
  const sent = entries.filter((entry) => entry.role === 'send').length;
  const held = drafts - sent;
  if (drafts === 0) {
    return {
      message_id: `Tidak ada inovasi memenuhi syarat yang belum dikirim: indeks ${formatNumber(choice.index)} (${choice.predicate}).`,
      message_en: `No eligible innovation is left to send: index ${formatNumber(choice.index)} (${choice.predicate}).`,
    };
  }
  if (held === 0) {
    return {
      message_id: `Mengirim semua ${drafts} inovasi yang memenuhi syarat sudah pilihan terbaik: indeks ${formatNumber(choice.index)} (${choice.predicate}).`,
      message_en: `Sending all ${drafts} eligible innovations is already the best choice: index ${formatNumber(choice.index)} (${choice.predicate}).`,
    };
  }
  return {
    message_id: `Mengirim ${sent} dari ${drafts} inovasi yang memenuhi syarat memberi indeks ${formatNumber(choice.index)} (${choice.predicate}), ${formatNumber(gain)} poin di atas ${formatNumber(everything.index)} (${everything.predicate}) bila semuanya dikirim; ${held} inovasi ditahan.`,
    message_en: `Sending ${sent} of ${drafts} eligible innovations gives an index of ${formatNumber(choice.index)} (${choice.predicate}), ${formatNumber(gain)} points above ${formatNumber(everything.index)} (${everything.predicate}) when all are sent; ${held} held back.`,
  };
}
