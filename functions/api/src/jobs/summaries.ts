import {
  PlatformRepository,
  platformRegistryScope,
  type ScopedClientFactory,
  SummaryWriter,
  summaryWriterScope,
} from '@inovasi/data';
import {
  computeSummary,
  driftOf,
  isClearable,
  liveYears,
  staleMarkersOf,
  trackedYears,
  UNSETTLED_MARKER_EXPIRY_MS,
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
  /** Stale markers cleared (docs/decisions/0010): writes whose in-request refresh was lost. */
  readonly markersCleared: number;
  readonly failures: readonly { tenantCode: string; error: string }[];
}

async function rebuildTenant(
  data: ScopedClientFactory,
  tenantCode: string,
  options: RebuildOptions,
): Promise<{ entries: RebuildEntry[]; markersCleared: number }> {
  const now = options.now ?? new Date();
  const writer = new SummaryWriter(data.forScope(summaryWriterScope(tenantCode)), tenantCode);
  const entries: RebuildEntry[] = [];
  // Read before the recompute, so every change a clearable marker stands for is in what it reads.
  const markers = staleMarkersOf(data, tenantCode);
  const requestsEndedBy = new Date(now.getTime() - UNSETTLED_MARKER_EXPIRY_MS);
  const clearable = (await markers.list()).filter((marker) => isClearable(marker, requestsEndedBy));
  // Trend points are added only while a season can still change; a closed year's trend is history.
  const live = new Set(await liveYears(data, tenantCode, now));
  for (const year of await trackedYears(data, tenantCode, now)) {
    // A write may land while we compare: a stored summary from later sources is not drift, so
    // compare again (bounded) from sources that include it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const computed = await computeSummary(data, tenantCode, year, { now });
      if (!computed) break;
      const stored = await writer.read(year, computed.bundle.snapshot.date);
      const distrustAfter = new Date(Date.now() + FUTURE_TOLERANCE_MS).toISOString();
      const newer = stored.summary && stored.summary.sourceAt > computed.meta.sourceAt;
      if (newer && stored.summary && stored.summary.sourceAt <= distrustAfter && attempt < 2) continue;
      const drift = driftOf(computed.bundle, stored);
      const repair = drift.length > 0 && !options.check;
      const addSnapshot = !stored.snapshot && !options.check && live.has(year);
      if (repair) await writer.write(computed.bundle, computed.meta, undefined, { distrustAfter });
      else if (addSnapshot) await writer.write(computed.bundle, computed.meta, ['snapshot']);
      entries.push({ tenantCode, year, drift, repaired: repair, snapshotAdded: addSnapshot });
      break;
    }
  }
  if (!options.check) await markers.clear(clearable);
  return { entries, markersCleared: options.check ? 0 : clearable.length };
}

/**
 * Recomputes every summary from source and compares it with what is stored: the scheduled repair
 * (a timer locally, an EventBridge schedule in AWS) and the `summaries:rebuild` command. Any drift
 * is a bug or a lost refresh (a write whose in-request refresh failed); it is reported, then
 * repaired unless `check` is set. The same pass writes the day's trend point where a region had no
 * edit today.
 */
export async function rebuildSummaries(
  data: ScopedClientFactory,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const tenants =
    options.tenants ??
    (await new PlatformRepository(data.forScope(platformRegistryScope)).list()).map((tenant) => tenant.code);
  const queue = [...tenants];
  const entries: RebuildEntry[] = [];
  const failures: { tenantCode: string; error: string }[] = [];
  let markersCleared = 0;
  const worker = async () => {
    for (let tenantCode = queue.shift(); tenantCode !== undefined; tenantCode = queue.shift()) {
      try {
        const rebuilt = await rebuildTenant(data, tenantCode, options);
        entries.push(...rebuilt.entries);
        markersCleared += rebuilt.markersCleared;
      } catch (error) {
        failures.push({ tenantCode, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  entries.sort((a, b) => a.tenantCode.localeCompare(b.tenantCode) || a.year - b.year);
  return {
    entries,
    drifted: entries.filter((entry) => entry.drift.length > 0).length,
    repaired: entries.filter((entry) => entry.repaired).length,
    markersCleared,
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
    `${report.entries.length} summaries checked, ${report.drifted} with drift, ${report.repaired} repaired, ${report.markersCleared > 0 ? `${report.markersCleared} stale markers cleared, ` : ''}${report.failures.length} failed`,
  );
  return lines;
}
