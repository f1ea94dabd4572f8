/**
 * One region's share of the read models (docs/decisions/0018, 0031, 0040), metered on the typical
 * regency of 100 innovations: one summary projector recompute (what one changed innovation of the
 * period hands it: a real change, with the stream's images) and one nightly rebuild. Alone:
 *
 *   npx tsx test/bench/read-model-usage.ts
 *
 * (test/bench/regency-cost.ts prices it; test/bench/budgets.ts runs it with the other budgets.)
 */

import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { createLogger } from '@inovasi/app/logging';
import { defaultAssessmentYear } from '@inovasi/core';
import { keys, repositoriesFor, type ScopedClientFactory, tenantScope } from '@inovasi/data';
import { createSummaryProjector } from '@inovasi/workers/summary-projector';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import {
  emptyUsage,
  median,
  record,
  reportFigures,
  routeOf,
  runDirectly,
  startBudgetStack,
  startWatchdog,
  TENANT,
  type Usage,
} from './budget-support.ts';

export interface ReadModelUsage {
  readonly projector: Usage;
  readonly rebuild: Usage;
}

/**
 * One real change of an innovation of the period (an answer's level flipped, written straight to
 * the item with its version bumped, as a saved answer would) and the stream record it makes: the
 * item before and after, as DynamoDB's own attribute values.
 */
async function changeOneInnovation(data: ScopedClientFactory, round: number): Promise<DynamoDBRecord> {
  const year = defaultAssessmentYear();
  const clients = data.forScope(tenantScope(TENANT));
  const [innovation] = await repositoriesFor(clients).innovations.listForPeriod(year);
  if (!innovation) throw new Error(`${TENANT} has no innovation in ${year}`);
  const key = keys.innovation(TENANT, innovation.id);
  const lowLevel = { pk: { S: key.pk }, sk: { S: key.sk } };
  const read = async () => {
    const { Item } = await clients.table.send(
      new GetItemCommand({ TableName: clients.config.tableName, Key: lowLevel, ConsistentRead: true }),
    );
    if (!Item) throw new Error('the innovation vanished');
    return Item as Record<string, AttributeValue>;
  };
  const before = await read();
  await clients.table.send(
    new UpdateCommand({
      TableName: clients.config.tableName,
      Key: key,
      UpdateExpression: 'SET answers.#code = :answer, version = version + :one',
      ExpressionAttributeNames: { '#code': 'sid.16' },
      ExpressionAttributeValues: {
        ':answer': { level: 1 + (round % 3), updatedAt: new Date().toISOString(), updatedBy: 'bench' },
        ':one': 1,
      },
    }),
  );
  const after = await read();
  return {
    eventName: 'MODIFY',
    dynamodb: {
      Keys: lowLevel,
      OldImage: before,
      NewImage: after,
      SequenceNumber: String(1000 + round),
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
    },
  };
}

/**
 * One region's share of the read models: one projector recompute (of a real change of one
 * innovation, with the stream's images) and one rebuild, metered. The units are the first
 * sample's; the time is the median of `samples` (each projector sample a change of its own).
 */
export async function readModelUsage(data: ScopedClientFactory, samples = 1): Promise<ReadModelUsage> {
  const project = createSummaryProjector({
    data,
    logger: createLogger({ serviceName: 'budgets', logLevel: 'SILENT' }),
  });
  // The region's contribution rows exist from its first recompute on (docs/decisions/0040): one
  // unmetered recompute makes sure of it, so what is metered is the steady state a month bills.
  await project({ Records: [await changeOneInnovation(data, 0)] });
  const metered = async (job: () => Promise<unknown>) => {
    const usage = emptyUsage();
    const started = performance.now();
    await routeOf.run(usage, job);
    usage.ms = performance.now() - started;
    return usage;
  };
  const projectorRuns: Usage[] = [];
  const rebuildRuns: Usage[] = [];
  for (let round = 1; round <= Math.max(1, samples); round++) {
    const record = await changeOneInnovation(data, round);
    projectorRuns.push(await metered(() => project({ Records: [record] })));
    rebuildRuns.push(await metered(() => rebuildSummaries(data, { tenants: [TENANT] })));
  }
  const first = (runs: Usage[]): Usage => ({
    ...(runs[0] ?? emptyUsage()),
    ms: median(runs.map((run) => run.ms)),
  });
  const projector = first(projectorRuns);
  const rebuild = first(rebuildRuns);
  console.log(
    `\nRead models of ${TENANT}: one projector recompute ${projector.requests} requests, ${projector.read} RCU, ${projector.write} WCU, ${projector.ms.toFixed(0)} ms; one rebuild ${rebuild.requests} requests, ${rebuild.read} RCU, ${rebuild.write} WCU, ${rebuild.ms.toFixed(0)} ms`,
  );
  return { projector, rebuild };
}

if (runDirectly(import.meta.filename)) {
  startWatchdog('read-model usage', 10);
  const { stack, deps } = await startBudgetStack();
  try {
    const { projector } = await readModelUsage(deps.data, 5);
    record(
      'One projector recompute at 100 innovations (reported)',
      `${projector.requests} req, ${projector.read} RCU, ${projector.write} WCU, ${projector.ms.toFixed(0)} ms`,
      'reported',
      true,
    );
  } finally {
    await stack.stop();
  }
  reportFigures();
}
