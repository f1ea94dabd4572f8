import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  buildRegionSummary,
  daysUntil,
  defaultAssessmentYear,
  type Innovation,
  type Period,
  provinceRowOf,
  type RoleContact,
  regionDetailOf,
  rubricIdForPeriod,
  snapshotOf,
  todayInJakarta,
} from '@inovasi/core';
import { getRubric } from '@inovasi/core/scoring';
import {
  type BundlePart,
  type DerivedMeta,
  type EvidencedTargets,
  evidenceTargetKey,
  repositoriesFor,
  type ScopedClientFactory,
  type StoredBundle,
  type SummaryBundle,
  SummaryWriter,
  summaryWriterScope,
  tenantScope,
  withoutMeta,
} from '@inovasi/data';
import { regionCompleteness } from '../evidence/evidence-views.ts';
import { periodState } from '../projection/projection-state.ts';
import { fromSource, periodInnovations } from './contributions.ts';

export { contributionStore, syncContributions } from './contributions.ts';

/**
 * A period's summary is derived data (docs/decisions/0010, 0018): computed from the region's own
 * partition, read through a read-only tenant scope, and written through `summaryWriterScope` by the
 * summary projector on the table's stream and by the rebuild.
 */

/** Periods whose national deadline passed less than this many days ago still change (results). */
const RESULTS_WINDOW_DAYS = 200;

export interface ComputeOptions {
  readonly now?: Date | undefined;
  /** The time of the newest change the caller applies (the projector's progress, ADR 0018). */
  readonly changesThrough?: string | undefined;
  /**
   * Read the period's innovations from their contribution rows (the summary projector, which keeps
   * them: docs/decisions/0040); the rebuild reads the innovations themselves.
   */
  readonly contributions?: boolean | undefined;
}

export interface ComputedSummary {
  readonly bundle: SummaryBundle;
  readonly meta: DerivedMeta;
  /** The period's innovation items, when the computation read them (not their contribution rows). */
  readonly sourceInnovations?: readonly Innovation[] | undefined;
}

/** Later computations sort after earlier ones; the suffix breaks ties inside one millisecond. */
const sourceStamp = (now = new Date()) => `${now.toISOString()}#${randomUUID().slice(0, 8)}`;

/** Whom the province may call: the region's Bappeda admins and verifiers, name and e-mail only. */
function contactsOf(members: readonly { name: string; email: string; roles: readonly string[] }[]) {
  const contacts: RoleContact[] = [];
  for (const member of members) {
    const role = member.roles.includes('tenant_admin')
      ? 'tenant_admin'
      : member.roles.includes('verifier')
        ? 'verifier'
        : undefined;
    if (role) contacts.push({ role, name: member.name, email: member.email });
  }
  return contacts;
}

/**
 * The summary of one region and year, from source, with the read model rows derived from it.
 * Undefined when the region is not onboarded or the year has no rubric.
 */
export async function computeSummary(
  data: ScopedClientFactory,
  tenantCode: string,
  year: number,
  options: ComputeOptions = {},
): Promise<ComputedSummary | undefined> {
  const now = options.now ?? new Date();
  // Taken before the first read: everything committed before this moment is seen.
  const sourceAt = sourceStamp(now);
  const repositories = repositoriesFor(data.forScope(tenantScope(tenantCode, true)));
  const evidence = repositories.evidence;
  // The period's own sources do not depend on its rubric: read them beside everything else, in one
  // round of requests rather than two (the projector's time is billed; docs/decisions/0031).
  const periodReads = {
    innovations: options.contributions
      ? periodInnovations(data, tenantCode, year)
      : repositories.innovations.listForPeriod(year).then(fromSource),
    spd: repositories.spd.get(year),
    // sid.31: regions that replicated an innovation under an agreement with its document attached.
    replications: repositories.replications.evidencedRegionsByInnovation(),
  };
  // Awaited below, or dropped with the rest when the region turns out not to be scored.
  for (const read of Object.values(periodReads)) read.catch(() => undefined);
  const [profile, settings, period, opds, members, results, links] = await Promise.all([
    repositories.profile.get(),
    repositories.settings.get(),
    repositories.periods.get(year),
    repositories.opds.list(),
    repositories.members.list(),
    repositories.officialResults.list(),
    evidence.linksForRegionByQuery(),
  ]);
  // The period's pinned rubric, as every screen of the period uses (core's rubricIdForPeriod).
  const rubricId = rubricIdForPeriod(year, period);
  if (!profile || !rubricId) return undefined;
  // One read of the region's links serves both the verified score and the completeness shares.
  const passed = new Set(
    links.filter((entry) => entry.passed).map((entry) => evidenceTargetKey(entry.link.target)),
  );
  const evidenced: EvidencedTargets = { has: (target) => passed.has(evidenceTargetKey(target)) };
  const rubric = getRubric(rubricId);
  const [read, spd, replicatedBy] = await Promise.all([
    periodReads.innovations,
    periodReads.spd,
    periodReads.replications,
  ]);
  const { innovations } = read;
  const eligibility = read.eligibility(rubric);
  const state = periodState(rubric, year, innovations, eligibility, spd, evidenced, replicatedBy);
  const completeness = regionCompleteness(rubricId, year, innovations, spd, links);
  const derived = buildRegionSummary({
    tenant: {
      code: profile.code,
      name: profile.name,
      kind: profile.kind,
      provinceCode: profile.provinceCode,
    },
    year,
    state,
    innovations,
    eligibility,
    opds,
    defaultOpdTarget: settings.defaultOpdTarget,
    period,
    completeness: { sid: completeness.region, spd: completeness.spd },
    innovationProgress: new Map(completeness.innovations.map((item) => [item.id, item.completeness])),
    results,
    contacts: contactsOf(members),
  });
  const { summary } = derived;
  const row = provinceRowOf(summary);
  const regency = summary.kind !== 'provinsi';
  return {
    bundle: {
      summary,
      snapshot: snapshotOf(summary, todayInJakarta(now)),
      provinceRow: regency ? row : undefined,
      detail: regency ? regionDetailOf(derived) : undefined,
      nationalRow: row,
    },
    meta: {
      sourceAt,
      computedAt: new Date().toISOString(),
      ...(options.changesThrough ? { changesThrough: options.changesThrough } : {}),
    },
    sourceInnovations: read.items,
  };
}

/** Recomputes one year and writes what changed; a newer computation's items are left alone. */
export async function refreshSummary(
  data: ScopedClientFactory,
  tenantCode: string,
  year: number,
  options: ComputeOptions = {},
): Promise<ComputedSummary | undefined> {
  const computed = await computeSummary(data, tenantCode, year, options);
  if (!computed) return undefined;
  await new SummaryWriter(data.forScope(summaryWriterScope(tenantCode))).write(
    computed.bundle,
    computed.meta,
  );
  return computed;
}

/** The years of a set that can be scored: an opened period's pinned rubric, or the year's default. */
function scoredYears(years: ReadonlySet<number>, periods: readonly Period[]): number[] {
  const byYear = new Map(periods.map((period) => [period.year, period]));
  return [...years].filter((year) => rubricIdForPeriod(year, byYear.get(year)) !== undefined).sort();
}

/**
 * The years a write can change: the current season and every period whose national deadline is
 * ahead or recent (national results are recorded after it). Older periods are read-only.
 */
export async function liveYears(data: ScopedClientFactory, tenantCode: string, now = new Date()) {
  const today = todayInJakarta(now);
  const periods = await repositoriesFor(data.forScope(tenantScope(tenantCode, true))).periods.list();
  const years = new Set([defaultAssessmentYear(now)]);
  for (const period of periods) {
    if (daysUntil(today, period.nationalDeadline) >= -RESULTS_WINDOW_DAYS) years.add(period.year);
  }
  return scoredYears(years, periods);
}

/** Every year a region has, or should have, a summary for: what the rebuild walks. */
export async function trackedYears(data: ScopedClientFactory, tenantCode: string, now = new Date()) {
  const repositories = repositoriesFor(data.forScope(tenantScope(tenantCode, true)));
  const [periods, stored] = await Promise.all([repositories.periods.list(), repositories.summaries.years()]);
  const years = new Set([defaultAssessmentYear(now), ...periods.map((period) => period.year), ...stored]);
  return scoredYears(years, periods);
}

/** JSON's view of a record: what DynamoDB stores (undefined fields are dropped). */
const plain = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

const PARTS: readonly BundlePart[] = ['summary', 'provinceRow', 'detail', 'nationalRow'];

/**
 * Where a stored bundle differs from a fresh one: `summary.claimed`, `provinceRow (missing)`, …
 * Today's snapshot is not compared: it is history being written, one per day.
 */
export function driftOf(fresh: SummaryBundle, stored: StoredBundle): string[] {
  const drift: string[] = [];
  for (const part of PARTS) {
    const expected = plain(fresh[part]) as Record<string, unknown> | undefined;
    const found = stored[part];
    if (expected === undefined) {
      if (found !== undefined) drift.push(`${part} (unexpected)`);
      continue;
    }
    if (found === undefined) {
      drift.push(`${part} (missing)`);
      continue;
    }
    const actual = plain(withoutMeta(found)) as Record<string, unknown>;
    if (isDeepStrictEqual(actual, expected)) continue;
    const fields = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].filter(
      (field) => !isDeepStrictEqual(actual[field], expected[field]),
    );
    drift.push(...(fields.length > 0 ? fields.map((field) => `${part}.${field}`) : [part]));
  }
  return drift;
}
