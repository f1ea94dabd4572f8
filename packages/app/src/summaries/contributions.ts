import { isDeepStrictEqual } from 'node:util';
import {
  contributionOf,
  type Innovation,
  type SummaryContribution,
  type SummaryInnovation,
} from '@inovasi/core';
import { checkEligibility, type Eligibility, RUBRIC_IDS, type Rubric } from '@inovasi/core/scoring';
import {
  type InnovationRepository,
  repositoriesFor,
  type ScopedClientFactory,
  type StoredContributions,
  SummaryContributionStore,
  summaryWriterScope,
  tenantScope,
  wholeInnovation,
} from '@inovasi/data';

/**
 * The innovations of one region's period as a summary reads them (docs/decisions/0040): from their
 * contribution rows when those are complete (the projector's path: a few hundred bytes per
 * innovation instead of the whole item), otherwise from the innovation items themselves.
 */
export interface PeriodInnovations {
  readonly innovations: readonly SummaryInnovation[];
  /** Whether each innovation is eligible under the period's rubric. */
  readonly eligibility: (rubric: Rubric) => ReadonlyMap<string, Pick<Eligibility, 'eligible'>>;
  /** Where they came from: `contributions`, or `source` (the rows were then brought up to date). */
  readonly from: 'contributions' | 'source';
  /** The innovation items, when read from source. */
  readonly items?: readonly Innovation[] | undefined;
}

export const contributionStore = (data: ScopedClientFactory, tenantCode: string) =>
  new SummaryContributionStore(data.forScope(summaryWriterScope(tenantCode)));

/** JSON's view of a record, for comparing a stored row with a fresh one. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Rows made under every shipped rubric: a rubric added since makes the year's rows incomplete. */
const usable = (stored: StoredContributions) =>
  stored.complete &&
  stored.contributions.every((row) => RUBRIC_IDS.every((id) => typeof row.eligible[id] === 'boolean'));

export function fromSource(innovations: readonly Innovation[]): PeriodInnovations {
  return {
    innovations,
    eligibility: (rubric) =>
      new Map(innovations.map((item) => [item.id, checkEligibility(item.profile, rubric)])),
    from: 'source',
    items: innovations,
  };
}

function fromContributions(rows: readonly SummaryContribution[]): PeriodInnovations {
  return {
    innovations: rows,
    eligibility: (rubric) =>
      new Map(rows.map((row) => [row.id, { eligible: row.eligible[rubric.id] === true }])),
    from: 'contributions',
  };
}

export interface ContributionSync {
  /** Innovations whose row was missing or differed from the innovation (and was rewritten). */
  readonly drifted: readonly string[];
  /** Whether the rows were written (not in check mode). */
  readonly repaired: boolean;
}

/**
 * A live row whose innovation the period's list did not hold: rewritten from the innovation read
 * strongly consistently, or removed when it is archived, gone or in another year. True when the
 * row differed.
 */
async function settleExtraRow(
  store: SummaryContributionStore,
  innovations: InnovationRepository,
  year: number,
  row: SummaryContribution,
  check: boolean | undefined,
): Promise<boolean> {
  const current = await innovations.get(row.id, { consistent: true });
  if (current && !current.archived && current.periodYear === year) {
    const fresh = contributionOf(current);
    if (isDeepStrictEqual(plain(row), plain(fresh))) return false;
    if (!check) await store.put(fresh, { repair: true });
    return true;
  }
  if (!check) await store.remove(year, row.id, Math.max(row.version, current?.version ?? 0));
  return true;
}

/**
 * Brings a year's contribution rows in line with the innovations read from source (`source`: the
 * period's live innovations, as `listForPeriod` answers) and marks the year complete. A row is
 * written only where it differs, never over a later version. A live row with no innovation in
 * `source` is removed only after a strongly consistent read of the innovation confirms it (the
 * list is read from an index, which may not have caught up with a new innovation yet).
 */
export async function syncContributions(
  data: ScopedClientFactory,
  tenantCode: string,
  year: number,
  source: readonly Innovation[],
  stored: StoredContributions,
  options: { readonly check?: boolean | undefined } = {},
): Promise<ContributionSync> {
  const store = contributionStore(data, tenantCode);
  const storedById = new Map(stored.contributions.map((row) => [row.id, row]));
  const drifted: string[] = [];
  const puts: (() => Promise<unknown>)[] = [];
  const confirmations: (() => Promise<void>)[] = [];
  for (const innovation of source) {
    if (!wholeInnovation(innovation as unknown as Record<string, unknown>)) {
      throw new Error(`innovation ${tenantCode}/${innovation.id} is not a readable innovation item`);
    }
    const fresh = contributionOf(innovation);
    const row = storedById.get(innovation.id);
    storedById.delete(innovation.id);
    if (row && isDeepStrictEqual(plain(row), plain(fresh))) continue;
    // A later version stored (or removed) is the projector ahead of the index: not drift.
    const known = stored.versions.get(innovation.id);
    if (known && known.version > fresh.version) continue;
    drifted.push(innovation.id);
    puts.push(() => store.put(fresh, { repair: true }));
  }
  const { innovations } = repositoriesFor(data.forScope(tenantScope(tenantCode, true)));
  for (const row of storedById.values()) {
    confirmations.push(async () => {
      if (await settleExtraRow(store, innovations, year, row, options.check)) drifted.push(row.id);
    });
  }
  // In check mode the confirmations only report.
  await Promise.all(confirmations.map((confirm) => confirm()));
  if (options.check) return { drifted: drifted.sort(), repaired: false };
  await Promise.all(puts.map((put) => put()));
  if (!stored.complete) await store.markComplete(year);
  return { drifted: drifted.sort(), repaired: drifted.length > 0 };
}

/**
 * The period's innovations for the projector: the contribution rows when the year's are complete,
 * else the innovation items, after which the rows are written (once per region and year).
 */
export async function periodInnovations(
  data: ScopedClientFactory,
  tenantCode: string,
  year: number,
): Promise<PeriodInnovations> {
  const stored = await contributionStore(data, tenantCode).read(year);
  if (usable(stored)) return fromContributions(stored.contributions);
  const source = await repositoriesFor(
    data.forScope(tenantScope(tenantCode, true)),
  ).innovations.listForPeriod(year);
  await syncContributions(data, tenantCode, year, source, stored);
  return fromSource(source);
}
