import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { computeSummary, contributionStore, driftOf } from '@inovasi/app/summaries/compute';
import {
  type Actor,
  contributionOf,
  defaultAssessmentYear,
  INNOVATION_STAGES,
  type Innovation,
  rubricForYear,
  todayInJakarta,
} from '@inovasi/core';
import { getRubric } from '@inovasi/core/scoring';
import { keys, repositoriesFor, SummaryWriter, summaryWriterScope, tenantScope } from '@inovasi/data';
import { createSummaryProjector } from '@inovasi/workers/summary-projector';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The projector's per-innovation contribution rows (docs/decisions/0040) keep the summaries exact:
 * after random sequences of edits arriving on the stream, the summary the projector computed from
 * the rows equals `computeSummary` over the innovation items from scratch, and the rows equal the
 * innovations. Edits go straight through the repository (and one raw write that moves a period),
 * so what moves the summaries is the stream.
 */
let env: TestEnvironment;
const YEAR = defaultAssessmentYear();
const REGION = '35.16';
const silent = new Logger({ serviceName: 'contributions-test', logLevel: 'SILENT' });
const actor: Actor = {
  userId: 'u-test',
  email: 'uji@demo.local',
  tenantCode: REGION,
  roles: ['tenant_admin'],
};

/** A small seeded generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

const repository = () => repositoriesFor(env.data.forScope(tenantScope(REGION))).innovations;
let raw: DynamoDBDocumentClient;
let lowLevel: DynamoDBClient;

async function expectExact(year = YEAR) {
  const fresh = await computeSummary(env.data, REGION, year);
  if (!fresh) throw new Error(`${REGION} has no summary for ${year}`);
  const stored = await new SummaryWriter(env.data.forScope(summaryWriterScope(REGION))).read(
    year,
    todayInJakarta(),
  );
  expect(driftOf(fresh.bundle, stored)).toEqual([]);
  const rows = await contributionStore(env.data, REGION).read(year);
  expect(rows.complete).toBe(true);
  const expected = (await repository().listForPeriod(year)).map(contributionOf);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  expect(JSON.parse(JSON.stringify([...rows.contributions].sort(byId)))).toEqual(
    JSON.parse(JSON.stringify(expected.sort(byId))),
  );
}

/** One random edit of one live innovation of the year, as the product's routes make them. */
async function randomEdit(rng: ReturnType<typeof random>, codes: readonly string[]) {
  const innovations = await repository().listForPeriod(YEAR);
  const target = rng.pick(innovations);
  const roll = rng.next();
  if (roll < 0.45) {
    const code = rng.pick(codes);
    const level = Math.floor(rng.next() * 4);
    const answers = { ...target.answers };
    answers[code] = {
      level,
      updatedAt: new Date().toISOString(),
      updatedBy: actor.userId,
      ...(rng.next() < 0.5
        ? {
            review: {
              status: rng.pick(['accepted', 'returned'] as const),
              by: 'v',
              at: new Date().toISOString(),
            },
          }
        : {}),
    } as Innovation['answers'][string];
    await repository().setAnswers(target.id, target.version, actor, answers);
  } else if (roll < 0.65) {
    await repository().update(target.id, target.version, actor, {
      profile: {
        ...target.profile,
        stage: rng.pick(INNOVATION_STAGES),
        name: `${target.profile.name.slice(0, 150)} ${Math.floor(rng.next() * 100)}`,
      },
    });
  } else if (roll < 0.8) {
    await repository().setStatus(
      target,
      target.version,
      actor,
      rng.pick(['draft', 'submitted', 'verified', 'sent'] as const),
      {},
      'innovation.status',
    );
  } else if (roll < 0.9) {
    await repository().archive(target.id, target.version, actor);
  } else {
    await repository().create(
      {
        opdId: target.opdId,
        periodYear: YEAR,
        profile: { name: `Inovasi acak ${Math.floor(rng.next() * 1e6)}` },
      },
      actor,
    );
  }
}

beforeAll(async () => {
  env = await createTestEnvironment();
  lowLevel = new DynamoDBClient({
    region: env.config.region,
    endpoint: env.config.dynamoEndpoint,
    credentials: env.config.credentials,
  });
  raw = DynamoDBDocumentClient.from(lowLevel);
});

afterAll(async () => {
  await env.stop();
});

describe('per-innovation contribution rows', () => {
  it('give the same summary as a recompute from scratch over random sequences of edits', async () => {
    const rubricId = rubricForYear(YEAR);
    if (!rubricId) throw new Error(`no rubric for ${YEAR}`);
    const codes = getRubric(rubricId).sidIndicators.map((indicator) => indicator.code);
    for (const seed of [17, 40, 2026]) {
      const rng = random(seed);
      // Several edits between waits: some land in one stream batch, some in the next.
      for (let round = 0; round < 3; round++) {
        for (let edit = 0; edit < 4; edit++) await randomEdit(rng, codes);
        await env.projected();
        await expectExact();
      }
    }
    // The rebuild agrees: no drift in the summaries nor in the rows.
    const check = await rebuildSummaries(env.data, { check: true, tenants: [REGION] });
    expect(check.entries.filter((entry) => entry.drift.length > 0)).toEqual([]);
  }, 600_000);

  it('moves a row with an innovation that changes period, and takes it out of the old year', async () => {
    const [target] = await repository().listForPeriod(YEAR);
    if (!target) throw new Error('no innovation');
    const key = keys.innovation(REGION, target.id);
    const { Item } = await raw.send(
      new GetCommand({ TableName: env.config.tableName, Key: key, ConsistentRead: true }),
    );
    await raw.send(
      new PutCommand({
        TableName: env.config.tableName,
        Item: { ...Item, periodYear: YEAR - 1, version: target.version + 1 },
      }),
    );
    await env.projected();
    await expectExact();
    const rows = await contributionStore(env.data, REGION).read(YEAR);
    expect(rows.contributions.some((row) => row.id === target.id)).toBe(false);
    expect(rows.versions.get(target.id)).toEqual({ version: target.version + 1, gone: true });
  }, 300_000);

  it('is idempotent and never takes a row back to an older image', async () => {
    const [target] = await repository().listForPeriod(YEAR);
    if (!target) throw new Error('no innovation');
    const project = createSummaryProjector({ data: env.data, logger: silent });
    // The item as the stream carries it: DynamoDB's own attribute values.
    const image = async () => {
      const key = keys.innovation(REGION, target.id);
      const { Item } = await lowLevel.send(
        new GetItemCommand({
          TableName: env.config.tableName,
          Key: { pk: { S: key.pk }, sk: { S: key.sk } },
          ConsistentRead: true,
        }),
      );
      if (!Item) throw new Error('no item');
      return Item as Record<string, AttributeValue>;
    };
    const record = (
      before: Record<string, AttributeValue>,
      after: Record<string, AttributeValue>,
      sequence: string,
    ): DynamoDBRecord => ({
      eventName: 'MODIFY',
      dynamodb: {
        Keys: { pk: { S: keys.innovation(REGION, target.id).pk }, sk: { S: 'A' } },
        OldImage: before,
        NewImage: after,
        SequenceNumber: sequence,
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      },
    });
    const older = await image();
    await repository().update(target.id, target.version, actor, {
      profile: { ...target.profile, name: 'Inovasi versi baru' },
    });
    const newer = await image();
    await env.projected();
    const batch = { Records: [record(older, newer, '900000000000000000001')] };
    expect(await project(batch)).toEqual({ batchItemFailures: [] });
    expect(await project(batch)).toEqual({ batchItemFailures: [] });
    await expectExact();
    // The older image delivered late (a retried batch): the row keeps the later version.
    const stale = { Records: [record(older, older, '900000000000000000002')] };
    expect(await project(stale)).toEqual({ batchItemFailures: [] });
    const rows = await contributionStore(env.data, REGION).read(YEAR);
    expect(rows.contributions.find((row) => row.id === target.id)?.profile.name).toBe('Inovasi versi baru');
    await expectExact();
  }, 300_000);
});
