import { contributionStore } from '@inovasi/app/summaries/compute';
import { contributionOf, type Innovation } from '@inovasi/core';
import {
  innovationOfImage,
  innovationOfItem,
  repositoriesFor,
  type ScopedClientFactory,
  tenantScope,
  wholeInnovation,
} from '@inovasi/data';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Keeps the per-innovation contribution rows of the region summaries (docs/decisions/0040) from
 * the stream: the newest image of each changed innovation gives its row, and every other year an
 * image of the batch named loses its row (the innovation moved, was archived or deleted). The
 * projector applies them before it recomputes the region, which then reads the rows.
 */

/** The innovations of one region a batch changed: each one's records, in stream order. */
export type ChangedInnovations = Map<string, DynamoDBRecord[]>;

/** Collects an innovation item's record; false when the record is not one. */
export function collectInnovationRecord(
  byRegion: Map<string, ChangedInnovations>,
  record: DynamoDBRecord,
): boolean {
  const innovation = innovationOfItem({
    pk: record.dynamodb?.Keys?.pk?.S ?? '',
    sk: record.dynamodb?.Keys?.sk?.S ?? '',
  });
  if (!innovation) return false;
  let changed = byRegion.get(innovation.tenantCode);
  if (!changed) {
    changed = new Map();
    byRegion.set(innovation.tenantCode, changed);
  }
  changed.set(innovation.innovationId, [...(changed.get(innovation.innovationId) ?? []), record]);
  return true;
}

const yearOf = (image: Record<string, { N?: string }> | undefined): number | undefined => {
  const year = image?.periodYear?.N === undefined ? undefined : Number(image.periodYear.N);
  return year !== undefined && Number.isInteger(year) ? year : undefined;
};
const versionOf = (image: Record<string, { N?: string }> | undefined): number =>
  Number(image?.version?.N ?? 0) || 0;

/** The item itself, strongly consistent; an item no code could have written is poison. */
async function readInnovation(data: ScopedClientFactory, tenantCode: string, innovationId: string) {
  const { innovations } = repositoriesFor(data.forScope(tenantScope(tenantCode, true)));
  const item = await innovations.get(innovationId, { consistent: true });
  if (item && !wholeInnovation(item as unknown as Record<string, unknown>)) {
    throw new Error(`innovation ${tenantCode}/${innovationId} is not a readable innovation item`);
  }
  return item;
}

/** Every period year an image of the records names. */
function yearsOf(records: readonly DynamoDBRecord[]): Set<number> {
  const years = new Set<number>();
  for (const record of records) {
    for (const image of [record.dynamodb?.OldImage, record.dynamodb?.NewImage]) {
      const year = yearOf(image);
      if (year !== undefined) years.add(year);
    }
  }
  return years;
}

/** Brings one innovation's rows up to date with the newest of its records in the batch. */
async function applyInnovation(
  data: ScopedClientFactory,
  tenantCode: string,
  innovationId: string,
  records: readonly DynamoDBRecord[],
): Promise<void> {
  const store = contributionStore(data, tenantCode);
  const years = yearsOf(records);
  const last = records.at(-1)?.dynamodb;
  let current: Innovation | undefined;
  let version = Math.max(versionOf(last?.NewImage), versionOf(last?.OldImage));
  if (last?.NewImage) {
    // An image that is not a whole item (a stream without images): read the item as it is now.
    current = innovationOfImage(last.NewImage) ?? (await readInnovation(data, tenantCode, innovationId));
    if (current) version = Math.max(version, current.version);
  }
  const liveYear = current && !current.archived ? current.periodYear : undefined;
  if (current) years.add(current.periodYear);
  const writes: Promise<unknown>[] = [];
  if (current && liveYear !== undefined) writes.push(store.put(contributionOf(current)));
  for (const year of years) {
    if (year !== liveYear) writes.push(store.remove(year, innovationId, version));
  }
  await Promise.all(writes);
}

/** Applies a region's changed innovations to their contribution rows. */
export async function applyContributions(
  data: ScopedClientFactory,
  tenantCode: string,
  changed: ChangedInnovations | undefined,
): Promise<void> {
  if (!changed) return;
  await Promise.all(
    [...changed].map(([innovationId, records]) => applyInnovation(data, tenantCode, innovationId, records)),
  );
}
