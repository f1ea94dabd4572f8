import type { Innovation } from '@inovasi/core';
import {
  platformRegistryScope,
  platformRepositoryFor,
  type ScopedClientFactory,
  SummaryWriter,
  summaryWriterScope,
} from '@inovasi/data';
import pLimit from 'p-limit';
import {
  computeSummary,
  contributionStore,
  driftOf,
  liveYears,
  syncContributions,
  trackedYears,
} from '../summaries/compute.ts';

/** A stored `sourceAt` further ahead than this is not a clock skew but damage: the rebuild overwrites it. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface RebuildOptions {
  /** Only compare and report; write nothing. */
  readonly check?: boolean | undefined;
  /** Limit to these tenants; default every onboarded tenant of the platform registry. */
  readonly tenants?: readonly string[] | undefined;
  readonly now?: Date | undefined;
  /** Regions rebuilt at once; each region's years run one after another. */
  readonly concurrency?: number | undefined;
}

export interface RebuildEntry {
  readonly tenantCode: string;
  readonly year: number;
  /** The parts and fields that differed from a recompute; empty when the stored summary was exact. */
  readonly drift: readonly string[];
  /** Drift written over with the recompute (never in check mode). */
  readonly repaired: boolean;
  /** Today's trend point was missing and was written (a day without edits). */
  readonly snapshotAdded: boolean;
}

export interface RebuildReport {
  readonly entries: readonly RebuildEntry[];
  readonly drifted: number;
  readonly repaired: number;
  readonly failures: readonly { tenantCode: string; error: string }[];
}

async function rebuildTenant(
  data: ScopedClientFactory,
  tenantCode: string,
  options: RebuildOptions,
): Promise<RebuildEntry[]> {
  const now = options.now ?? new Date();
  const writer = new SummaryWriter(data.forScope(summaryWriterScope(tenantCode)));
  const entries: RebuildEntry[] = [];
  // Trend points are added only while a season can still change; a closed year's trend is history.
  const live = new Set(await liveYears(data, tenantCode, now));
  for (const year of await trackedYears(data, tenantCode, now)) {
    const entry = await rebuildYear({ data, writer, tenantCode, year, options }, live.has(year), now);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** One tenant's year being rebuilt, and how. */
interface YearRebuild {
  readonly data: ScopedClientFactory;
  readonly writer: SummaryWriter;
  readonly tenantCode: string;
  readonly year: number;
  readonly options: RebuildOptions;
}

/** Compares a year's stored summary with a recompute; undefined when the year has nothing to compute. */
async function rebuildYear(
  rebuild: YearRebuild,
  live: boolean,
  now: Date,
): Promise<RebuildEntry | undefined> {
  const { data, writer, tenantCode, year } = rebuild;
  // A write may land while we compare: a stored summary from later sources is not drift, so
  // compare again (bounded) from sources that include it.
  for (let attempt = 0; attempt < 3; attempt++) {
    const computed = await computeSummary(data, tenantCode, year, { now });
    if (!computed) return undefined;
    const stored = await writer.read(year, computed.bundle.snapshot.date);
    const distrustAfter = new Date(Date.now() + FUTURE_TOLERANCE_MS).toISOString();
    const newer = stored.summary && stored.summary.sourceAt > computed.meta.sourceAt;
    if (newer && stored.summary && stored.summary.sourceAt <= distrustAfter && attempt < 2) continue;
    return settleYear(rebuild, computed, stored, { live, distrustAfter });
  }
  return undefined;
}

/**
 * A year's drift, written over with the recompute unless `check`; without drift, today's trend
 * point where it is missing (also not in check mode).
 */
async function settleYear(
  { data, writer, tenantCode, year, options }: YearRebuild,
  computed: NonNullable<Awaited<ReturnType<typeof computeSummary>>>,
  stored: Awaited<ReturnType<SummaryWriter['read']>>,
  { live, distrustAfter }: { live: boolean; distrustAfter: string },
): Promise<RebuildEntry> {
  const drift = [
    ...driftOf(computed.bundle, stored),
    ...(await contributionDrift(data, tenantCode, year, computed.sourceInnovations ?? [], options)),
  ];
  const repair = drift.length > 0 && !options.check;
  const addSnapshot = !stored.snapshot && !options.check && live;
  // The projector's progress stays what it was: the rebuild applies no change of its own.
  const changesThrough = stored.summary?.changesThrough;
  const meta = changesThrough ? { ...computed.meta, changesThrough } : computed.meta;
  if (repair) await writer.write(computed.bundle, meta, undefined, { distrustAfter });
  else if (addSnapshot) await writer.write(computed.bundle, meta, ['snapshot']);
  return { tenantCode, year, drift, repaired: repair, snapshotAdded: addSnapshot };
}

/**
 * The year's contribution rows against the innovations just read (docs/decisions/0040), repaired
 * unless `check`: `contributions.<id>` for each row that differed. Rows never built (a region the
 * projector has not recomputed since they exist) are built, and are not drift.
 */
async function contributionDrift(
  data: ScopedClientFactory,
  tenantCode: string,
  year: number,
  source: readonly Innovation[],
  options: RebuildOptions,
): Promise<string[]> {
  const stored = await contributionStore(data, tenantCode).read(year);
  if (!stored.complete && options.check) return [];
  const sync = await syncContributions(data, tenantCode, year, source, stored, { check: options.check });
  return stored.complete ? sync.drifted.map((id) => `contributions.${id}`) : [];
}

/** Every onboarded tenant of the platform registry, unless the caller names some. */
async function tenantsOf(data: ScopedClientFactory, named: readonly string[] | undefined) {
  return (
    named ??
    (await platformRepositoryFor(data.forScope(platformRegistryScope)).list()).map((tenant) => tenant.code)
  );
}

/** Runs `work` for each tenant, `concurrency` at a time; a tenant's failure is recorded, not thrown. */
async function forEachTenant(
  tenants: readonly string[],
  concurrency: number | undefined,
  work: (tenantCode: string) => Promise<void>,
): Promise<{ tenantCode: string; error: string }[]> {
  const limit = pLimit(Math.max(1, concurrency ?? 4));
  const failures: { tenantCode: string; error: string }[] = [];
  await Promise.all(
    tenants.map((tenantCode) =>
      limit(async () => {
        try {
          await work(tenantCode);
        } catch (error) {
          failures.push({ tenantCode, error: error instanceof Error ? error.message : String(error) });
        }
      }),
    ),
  );
  return failures;
}

/**
 * Recomputes every summary from source and compares it with what is stored: the nightly safety net
 * behind the summary projector (a timer locally, an EventBridge schedule in AWS) and the
 * `summaries:rebuild` command. It should find no drift (docs/decisions/0018): any it finds is a bug,
 * a stream record set aside as poison, or a change made while the stream was not kept (a local
 * store older than its stream); it is reported, then repaired unless `check` is set. The same pass
 * writes the day's trend point where a region had no edit today.
 */
export async function rebuildSummaries(
  data: ScopedClientFactory,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const entries: RebuildEntry[] = [];
  const failures = await forEachTenant(
    await tenantsOf(data, options.tenants),
    options.concurrency,
    async (code) => {
      entries.push(...(await rebuildTenant(data, code, options)));
    },
  );
  entries.sort((a, b) => a.tenantCode.localeCompare(b.tenantCode) || a.year - b.year);
  return {
    entries,
    drifted: entries.filter((entry) => entry.drift.length > 0).length,
    repaired: entries.filter((entry) => entry.repaired).length,
    failures,
  };
}

/** One line per tenant and year, for people reading a terminal or a log. */
export function formatRebuildReport(report: RebuildReport, check: boolean): string[] {
  const lines = report.entries.map((entry) => {
    const status =
      entry.drift.length === 0
        ? 'ok'
        : `${entry.repaired ? 'repaired' : check ? 'DRIFT' : 'drift'}: ${entry.drift.join(', ')}`;
    return `${entry.tenantCode.padEnd(6)} ${entry.year}  ${status}${entry.snapshotAdded ? ' (+ today’s trend point)' : ''}`;
  });
  for (const failure of report.failures)
    lines.push(`${failure.tenantCode.padEnd(6)} FAILED: ${failure.error}`);
  lines.push(
    `${report.entries.length} summaries checked, ${report.drifted} with drift, ${report.repaired} repaired, ${report.failures.length} failed`,
  );
  return lines;
}
