import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { computeSummary, driftOf } from '@inovasi/app/summaries/compute';
import { defaultAssessmentYear, todayInJakarta } from '@inovasi/core';
import {
  evidenceKeys,
  keys,
  ProvinceReadModel,
  provinceReaderScope,
  repositoriesFor,
  SummaryWriter,
  summaryKeys,
  summaryWriterScope,
  tenantScope,
  withoutMeta,
} from '@inovasi/data';
import { startSummaryProjection } from '@inovasi/local';
import { createSummaryProjector } from '@inovasi/workers/summary-projector';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The summary projector on the table's change stream (docs/decisions/0018), driven by the local
 * stream poller exactly as Lambda's event source mapping drives it in AWS. Changes are written
 * straight through the repositories here, past the API, so what moves the summaries is the stream.
 */
let env: TestEnvironment;
const YEAR = defaultAssessmentYear();
const REGION = '35.16';
const NEIGHBOUR = '35.22';
const silent = new Logger({ serviceName: 'projector-test', logLevel: 'SILENT' });

const storedSummary = (code: string) =>
  repositoriesFor(env.data.forScope(tenantScope(code, true))).summaries.get(YEAR);

async function expectNoDrift(code: string) {
  const fresh = await computeSummary(env.data, code, YEAR);
  if (!fresh) throw new Error(`${code} has no summary for ${YEAR}`);
  const stored = await new SummaryWriter(env.data.forScope(summaryWriterScope(code))).read(
    YEAR,
    todayInJakarta(),
  );
  expect(driftOf(fresh.bundle, stored)).toEqual([]);
}

const addOpd = (code: string, name: string) =>
  repositoriesFor(env.data.forScope(tenantScope(code))).opds.create({ name, kind: 'dinas', target: 2 });

beforeAll(async () => {
  env = await createTestEnvironment();
});

afterAll(async () => {
  await env.stop();
});

describe('the summary projector', () => {
  it('brings a region summary and its province and national rows up to a change it did not see', async () => {
    const before = await storedSummary(REGION);
    expect(before).toBeDefined();
    await addOpd(REGION, 'Dinas Proyeksi Satu');
    await addOpd(REGION, 'Dinas Proyeksi Dua');

    await env.projected();

    const after = await storedSummary(REGION);
    expect(after?.opds.active).toBe((before?.opds.active ?? 0) + 2);
    await expectNoDrift(REGION);
    const check = await rebuildSummaries(env.data, { check: true, tenants: [REGION] });
    expect(check.entries.filter((entry) => entry.drift.length > 0)).toEqual([]);
    expect(env.regionsProjected.some((projected) => projected.tenantCode === REGION)).toBe(true);
  });

  it('ignores changes that move no summary, including its own writes', async () => {
    const seen = env.regionsProjected.length;
    // A summary item and a province row: the projector's own kind of write.
    const table = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: env.config.region,
        endpoint: env.config.dynamoEndpoint,
        credentials: env.config.credentials,
      }),
    );
    await table.send(
      new PutCommand({
        TableName: env.config.tableName,
        Item: { pk: `T#${REGION}#SUMMARY#`, sk: 'NOTE#unrelated', note: 'not a source' },
      }),
    );
    await table.send(
      new PutCommand({ TableName: env.config.tableName, Item: { pk: 'PLATFORM#', sk: 'NOTE#x', note: 'x' } }),
    );
    table.destroy();
    await env.projected();
    expect(env.regionsProjected.length).toBe(seen);
  });

  it('skips an evidence item until it supports a target, then projects its region', async () => {
    const table = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: env.config.region,
        endpoint: env.config.dynamoEndpoint,
        credentials: env.config.credentials,
      }),
    );
    const item = evidenceKeys.item(REGION, 'bukti-lepas');
    const put = (linkedCodes: Record<string, number>) =>
      table.send(
        new PutCommand({
          TableName: env.config.tableName,
          Item: { ...item, id: 'bukti-lepas', status: 'pending', linkedCodes },
        }),
      );
    const projectedRegion = () => env.regionsProjected.filter((entry) => entry.tenantCode === REGION).length;
    try {
      const seen = projectedRegion();
      // An upload and its intake, before any link: nothing a summary reads.
      await put({});
      await put({ 'sid.16': 0 });
      await env.projected();
      expect(projectedRegion()).toBe(seen);
      // Once it supports an answer (here only the counter: the link record would project too).
      await put({ 'sid.16': 1 });
      await env.projected();
      expect(projectedRegion()).toBe(seen + 1);
      // Unlinked again: the old image still counts, so the region is recomputed once more.
      await put({ 'sid.16': 0 });
      await env.projected();
      expect(projectedRegion()).toBe(seen + 2);
      await expectNoDrift(REGION);
    } finally {
      await table.send(new DeleteCommand({ TableName: env.config.tableName, Key: item }));
      table.destroy();
      await env.projected();
    }
  });

  it('stores the province drill-down compressed and reads it back as computed', async () => {
    const province = REGION.slice(0, 2);
    const stored = await env.data.forScope(summaryWriterScope(REGION)).table.send(
      new GetCommand({
        TableName: env.config.tableName,
        Key: summaryKeys.provinceDetail(province, YEAR, REGION),
      }),
    );
    expect(typeof stored.Item?.body).toBe('string');
    expect(stored.Item?.packed).toBeUndefined();
    const detail = await new ProvinceReadModel(env.data.forScope(provinceReaderScope(province))).detail(
      YEAR,
      REGION,
    );
    const fresh = await computeSummary(env.data, REGION, YEAR);
    expect(detail && withoutMeta(detail)).toEqual(JSON.parse(JSON.stringify(fresh?.bundle.detail)));
    // The briefs compress well: the whole item is a fraction of the plain JSON of the detail.
    expect(String(stored.Item?.body).length).toBeLessThan(JSON.stringify(fresh?.bundle.detail).length / 2);
  });

  it('leaves the same summaries when the same batch is delivered twice', async () => {
    const project = createSummaryProjector({ data: env.data, logger: silent });
    const record = (sk: string, sequence: string): DynamoDBRecord => ({
      eventName: 'INSERT',
      dynamodb: {
        Keys: { pk: { S: keys.opd(REGION, 'x').pk }, sk: { S: sk } },
        SequenceNumber: sequence,
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      },
    });
    const batch = { Records: [record('OPD#a', '100'), record('PERIOD#2026', '200')] };
    expect(await project(batch)).toEqual({ batchItemFailures: [] });
    const first = await storedSummary(REGION);
    expect(await project(batch)).toEqual({ batchItemFailures: [] });
    const second = await storedSummary(REGION);
    expect(second && withoutMeta(second)).toEqual(first && withoutMeta(first));
    expect(second?.sourceAt).not.toBe(first?.sourceAt);
  });

  it('sets a poison record aside, reports it, and keeps projecting the rest of the stream', async () => {
    // An innovation item no code could have written: its region cannot be recomputed.
    const table = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: env.config.region,
        endpoint: env.config.dynamoEndpoint,
        credentials: env.config.credentials,
      }),
    );
    const poisoned = '35.20';
    await table.send(
      new PutCommand({
        TableName: env.config.tableName,
        Item: {
          ...keys.innovation(poisoned, 'rusak'),
          gsi1pk: `T#${poisoned}#INNO`,
          gsi1sk: '2026-01-01T00:00:00.000Z#rusak',
          id: 'rusak',
          tenantCode: poisoned,
          periodYear: YEAR,
          archived: false,
          profile: 'not a profile',
          answers: 42,
        },
      }),
    );
    table.destroy();
    const before = await storedSummary(NEIGHBOUR);
    await addOpd(NEIGHBOUR, 'Dinas Setelah Racun');
    await env.projected(60_000);

    const letters = env.projector?.deadLetters ?? [];
    expect(letters.map((letter) => letter.keys?.pk)).toEqual([{ S: `T#${poisoned}#INNO#rusak` }]);
    expect((await storedSummary(NEIGHBOUR))?.opds.active).toBe((before?.opds.active ?? 0) + 1);

    // And later changes still arrive.
    await addOpd(NEIGHBOUR, 'Dinas Sesudahnya');
    await env.projected();
    expect((await storedSummary(NEIGHBOUR))?.opds.active).toBe((before?.opds.active ?? 0) + 2);
    await expectNoDrift(NEIGHBOUR);
  });

  it('resumes from its checkpoint after a restart, projecting what changed while it was stopped', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'projector-'));
    try {
      const deliveries: number[] = [];
      const start = () =>
        startSummaryProjection({
          config: env.config,
          data: env.data,
          logger: silent,
          dataDir,
          startAt: 'latest',
          onRegionProjected: () => deliveries.push(Date.now()),
        });
      const first = start();
      await first.ready;
      await addOpd(REGION, 'Dinas Sebelum Berhenti');
      await first.caughtUp();
      await first.stop();
      const projectedBefore = deliveries.length;
      expect(projectedBefore).toBeGreaterThan(0);

      const before = await storedSummary(REGION);
      // The environment's own projector would catch this too; the restarted one must on its own.
      await env.projector?.stop();
      await addOpd(REGION, 'Dinas Saat Berhenti');
      const second = start();
      await second.caughtUp();
      await second.stop();
      expect((await storedSummary(REGION))?.opds.active).toBe((before?.opds.active ?? 0) + 1);
      // It resumed after the checkpoint: only the change made while stopped was delivered again.
      expect(deliveries.length).toBe(projectedBefore + 1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
