import type { Logger } from '@aws-lambda-powertools/logger';
import { liveYears, refreshSummary, trackedYears } from '@inovasi/app/summaries/compute';
import { supportsScoring } from '@inovasi/core';
import {
  innovationOfItem,
  type ScopedClientFactory,
  type SummaryChange,
  summaryChangeOf,
} from '@inovasi/data';
import type {
  AttributeValue,
  DynamoDBBatchItemFailure,
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { type CatalogueProjected, projectCatalogueEntries } from './catalogue-projection.ts';
import {
  applyContributions,
  type ChangedInnovations,
  collectInnovationRecord,
} from './contribution-records.ts';

/**
 * The summary projector (docs/decisions/0018): the region summaries, province rows, drill-downs and
 * national rows follow the table's change stream instead of being recomputed inside a user's request,
 * and so do the public catalogue entries of published innovations (catalogue-projection.ts).
 * One handler, two drivers: a Lambda event source mapping in AWS, the stream poller of the embedded
 * default (local/src/stream-poller.ts), both handing it the same `DynamoDBStreamEvent`.
 */

export interface SummaryProjectorDeps {
  readonly data: ScopedClientFactory;
  readonly logger: Logger;
  /** Regions recomputed at once; each region's years run one after another. */
  readonly concurrency?: number | undefined;
  readonly now?: () => Date;
  /** Told after each region is current up to its last change of the batch (tests, progress). */
  readonly onRegionProjected?: ((projected: RegionProjected) => void) | undefined;
  /** Told after the catalogue entries of a region's changed innovations were brought up to date. */
  readonly onCatalogueProjected?: ((tenantCode: string, projected: CatalogueProjected) => void) | undefined;
}

export interface RegionProjected {
  readonly tenantCode: string;
  readonly years: readonly number[];
  /** When the newest change of the batch for this region was written (the stream's clock). */
  readonly lastChangeAt: Date | undefined;
}

/** The innovations of one region a batch changed, for the catalogue projection. */
interface CatalogueWork {
  readonly tenantCode: string;
  readonly innovationIds: Set<string>;
  readonly records: DynamoDBRecord[];
}

/** The records of one region in a batch, and what they ask to recompute. */
interface RegionWork {
  readonly tenantCode: string;
  readonly years: Set<number>;
  live: boolean;
  tracked: boolean;
  readonly records: DynamoDBRecord[];
  lastChangeAt: number | undefined;
}

const stringOf = (value: AttributeValue | undefined): string | undefined => value?.S;
const numberOf = (value: AttributeValue | undefined): number | undefined =>
  value?.N === undefined ? undefined : Number(value.N);

/** A record the projector cannot read at all: no keys. It is reported, never silently skipped. */
export class UnreadableStreamRecord extends Error {
  constructor(readonly eventID: string | undefined) {
    super(`stream record ${eventID ?? '(no id)'} has no table keys`);
    this.name = 'UnreadableStreamRecord';
  }
}

/**
 * Whether an image supports any target: a positive count in its `linkedCodes` (evidence items). A
 * contest winner's file kept under `lomba` supports nothing scored, so its changes move no summary.
 */
const supportsAny = (image: Record<string, AttributeValue> | undefined): boolean =>
  Object.entries(image?.linkedCodes?.M ?? {}).some(([code, count]) =>
    supportsScoring(code, Number(count.N ?? 0)),
  );

/** The region and years one stream record moves, or undefined when it moves no summary. */
export function summaryChangeOfRecord(record: DynamoDBRecord): SummaryChange | undefined {
  const change = record.dynamodb;
  const pk = stringOf(change?.Keys?.pk);
  const sk = stringOf(change?.Keys?.sk);
  if (pk === undefined || sk === undefined) throw new UnreadableStreamRecord(record.eventID);
  const periodYears = [numberOf(change?.OldImage?.periodYear), numberOf(change?.NewImage?.periodYear)].filter(
    (year): year is number => year !== undefined && Number.isInteger(year),
  );
  // Without either image (a stream that does not carry them) nothing is known: recompute.
  const linked =
    change?.OldImage === undefined && change?.NewImage === undefined
      ? undefined
      : supportsAny(change.OldImage) || supportsAny(change.NewImage);
  return summaryChangeOf({ pk, sk, periodYears, linked });
}

/** Stream sequence numbers are decimal strings of varying length: compare them as integers. */
const bySequence = (a: DynamoDBRecord, b: DynamoDBRecord) => {
  const left = BigInt(a.dynamodb?.SequenceNumber ?? '0');
  const right = BigInt(b.dynamodb?.SequenceNumber ?? '0');
  return left < right ? -1 : left > right ? 1 : 0;
};

async function yearsToRecompute(deps: SummaryProjectorDeps, work: RegionWork, now: Date): Promise<number[]> {
  const years = new Set(work.years);
  if (work.tracked) for (const year of await trackedYears(deps.data, work.tenantCode, now)) years.add(year);
  else if (work.live) for (const year of await liveYears(deps.data, work.tenantCode, now)) years.add(year);
  return [...years].sort();
}

/** Notes a record of an innovation for the catalogue projection of its region. */
function collectCatalogueRecord(catalogue: Map<string, CatalogueWork>, record: DynamoDBRecord): void {
  const innovation = innovationOfItem({
    pk: stringOf(record.dynamodb?.Keys?.pk) ?? '',
    sk: stringOf(record.dynamodb?.Keys?.sk) ?? '',
  });
  if (!innovation) return;
  let entries = catalogue.get(innovation.tenantCode);
  if (!entries) {
    entries = { tenantCode: innovation.tenantCode, innovationIds: new Set(), records: [] };
    catalogue.set(innovation.tenantCode, entries);
  }
  entries.innovationIds.add(innovation.innovationId);
  entries.records.push(record);
}

/** Adds a record to its region's work, with the years it asks to recompute and when it was written. */
function collectRegionRecord(
  regions: Map<string, RegionWork>,
  change: SummaryChange,
  record: DynamoDBRecord,
): void {
  let work = regions.get(change.tenantCode);
  if (!work) {
    work = {
      tenantCode: change.tenantCode,
      years: new Set(),
      live: false,
      tracked: false,
      records: [],
      lastChangeAt: undefined,
    };
    regions.set(change.tenantCode, work);
  }
  work.records.push(record);
  if (change.years.kind === 'years') for (const year of change.years.years) work.years.add(year);
  else if (change.years.kind === 'live') work.live = true;
  else work.tracked = true;
  const at = record.dynamodb?.ApproximateCreationDateTime;
  if (at !== undefined) work.lastChangeAt = Math.max(work.lastChangeAt ?? 0, at);
}

/** Brings one region's contribution rows and then its summaries up to date with the batch. */
async function projectRegion(
  deps: SummaryProjectorDeps,
  work: RegionWork,
  changed: ChangedInnovations | undefined,
  now: () => Date,
): Promise<void> {
  const started = performance.now();
  // The changed innovations' rows first: the recompute reads them (docs/decisions/0040).
  await applyContributions(deps.data, work.tenantCode, changed);
  const years = await yearsToRecompute(deps, work, now());
  const changesThrough =
    work.lastChangeAt === undefined ? undefined : new Date(work.lastChangeAt * 1000).toISOString();
  for (const year of years) {
    await refreshSummary(deps.data, work.tenantCode, year, {
      now: now(),
      changesThrough,
      contributions: true,
    });
  }
  deps.logger.debug('summaries projected', {
    tenant: work.tenantCode,
    years,
    changes: work.records.length,
    durationMs: Math.round(performance.now() - started),
  });
  deps.onRegionProjected?.({
    tenantCode: work.tenantCode,
    years,
    lastChangeAt: work.lastChangeAt === undefined ? undefined : new Date(work.lastChangeAt * 1000),
  });
}

/** Brings the catalogue entries of one region's changed innovations up to date. */
async function projectCatalogue(deps: SummaryProjectorDeps, work: CatalogueWork, now: Date): Promise<void> {
  const projected = await projectCatalogueEntries(deps.data, work.tenantCode, [...work.innovationIds], now);
  if (projected.refreshed + projected.withdrawn > 0) {
    deps.logger.info('catalogue entries projected', { tenant: work.tenantCode, ...projected });
  }
  deps.onCatalogueProjected?.(work.tenantCode, projected);
}

/**
 * Groups a batch's changes by region, brings the changed innovations' contribution rows up to date
 * from the records' images, and recomputes each affected region once per year from those rows and
 * the region's other sources (then its province and national rows, written with the summary;
 * docs/decisions/0040). That is what makes it idempotent: a row is only ever replaced by a later
 * version of its innovation, so the same batch delivered twice, or out of order with a later one,
 * leaves the same rows and the same summaries, and each recompute reads everything committed
 * before it began.
 *
 * Answers `batchItemFailures` with the records of every region whose recompute failed, so the
 * driver retries from the earliest of them (Lambda checkpoints at the lowest sequence number) and
 * a region that always fails (a poison record) can be set aside without holding up the others.
 */
export function createSummaryProjector(deps: SummaryProjectorDeps) {
  const now = deps.now ?? (() => new Date());

  return async function project(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const failures = new Set<DynamoDBRecord>();
    const regions = new Map<string, RegionWork>();
    const catalogue = new Map<string, CatalogueWork>();
    const contributions = new Map<string, ChangedInnovations>();
    for (const record of event.Records) {
      let change: SummaryChange | undefined;
      try {
        change = summaryChangeOfRecord(record);
      } catch (error) {
        deps.logger.error('unreadable stream record', { eventID: record.eventID, error });
        failures.add(record);
        continue;
      }
      collectCatalogueRecord(catalogue, record);
      if (!change) continue;
      collectInnovationRecord(contributions, record);
      collectRegionRecord(regions, change, record);
    }

    const retryRegion = (message: string, work: RegionWork | CatalogueWork, error: unknown) => {
      deps.logger.warn(message, { tenant: work.tenantCode, changes: work.records.length, error });
      for (const record of work.records) failures.add(record);
    };
    const queue = [...regions.values()];
    const worker = async () => {
      for (let work = queue.shift(); work !== undefined; work = queue.shift()) {
        try {
          await projectRegion(deps, work, contributions.get(work.tenantCode), now);
        } catch (error) {
          retryRegion('summary projection failed; the region is retried', work, error);
        }
      }
    };
    // The catalogue follows the same records, beside the summaries (neither waits for the other):
    // a region's failure is retried with the batch, and a retry rewrites nothing already current.
    const entries = [...catalogue.values()];
    const catalogueWorker = async () => {
      for (let work = entries.shift(); work !== undefined; work = entries.shift()) {
        try {
          await projectCatalogue(deps, work, now());
        } catch (error) {
          retryRegion('catalogue projection failed; the region is retried', work, error);
        }
      }
    };
    const lanes = Math.max(1, deps.concurrency ?? 4);
    await Promise.all([
      ...Array.from({ length: lanes }, worker),
      ...Array.from({ length: lanes }, catalogueWorker),
    ]);

    const batchItemFailures: DynamoDBBatchItemFailure[] = [...failures].sort(bySequence).flatMap((record) => {
      const sequence = record.dynamodb?.SequenceNumber ?? record.eventID;
      return sequence ? [{ itemIdentifier: sequence }] : [];
    });
    return { batchItemFailures };
  };
}

export type SummaryProjector = ReturnType<typeof createSummaryProjector>;
