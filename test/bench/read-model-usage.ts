/**
 * One region's share of the read models (docs/decisions/0018, 0031), metered on the typical regency
 * of 100 innovations: one summary projector recompute (what one changed innovation of the period
 * hands it) and one nightly rebuild. Alone:
 *
 *   npx tsx test/bench/read-model-usage.ts
 *
 * (test/bench/regency-cost.ts prices it; test/bench/budgets.ts runs it with the other budgets.)
 */

import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { createLogger } from '@inovasi/app/logging';
import { defaultAssessmentYear } from '@inovasi/core';
import { keys, type ScopedClientFactory } from '@inovasi/data';
import { createSummaryProjector } from '@inovasi/workers/summary-projector';
import {
  emptyUsage,
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

/** One region's share of the read models: one projector recompute and one rebuild, metered. */
export async function readModelUsage(data: ScopedClientFactory): Promise<ReadModelUsage> {
  const projector = emptyUsage();
  const rebuild = emptyUsage();
  const project = createSummaryProjector({
    data,
    logger: createLogger({ serviceName: 'budgets', logLevel: 'SILENT' }),
  });
  const year = defaultAssessmentYear();
  // What one changed innovation of the period hands the projector.
  const batch = {
    Records: [
      {
        eventName: 'MODIFY' as const,
        dynamodb: {
          Keys: { pk: { S: keys.innovation(TENANT, 'x').pk }, sk: { S: 'A' } },
          NewImage: { periodYear: { N: String(year) } },
          SequenceNumber: '1',
        },
      },
    ],
  };
  const jobs: [Usage, () => Promise<unknown>][] = [
    [projector, () => project(batch)],
    [rebuild, () => rebuildSummaries(data, { tenants: [TENANT] })],
  ];
  for (const [usage, job] of jobs) {
    const started = performance.now();
    await routeOf.run(usage, job);
    usage.ms = performance.now() - started;
  }
  console.log(
    `\nRead models of ${TENANT}: one projector recompute ${projector.requests} requests, ${projector.read} RCU, ${projector.write} WCU, ${projector.ms.toFixed(0)} ms; one rebuild ${rebuild.requests} requests, ${rebuild.read} RCU, ${rebuild.write} WCU, ${rebuild.ms.toFixed(0)} ms`,
  );
  return { projector, rebuild };
}

if (runDirectly(import.meta.filename)) {
  startWatchdog('read-model usage', 10);
  const { stack, deps } = await startBudgetStack();
  try {
    const { projector } = await readModelUsage(deps.data);
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
