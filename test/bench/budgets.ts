/**
 * Cost and performance budgets, checked in one run on the local stack (DynamoDB Local and s3rver
 * on loopback, its own throwaway stack):
 *
 *   npx tsx test/bench/budgets.ts                 (everything, about 5 minutes; also `pnpm bench`)
 *   npx tsx test/bench/budgets.ts --bundle-only   (3. alone, no local stack)
 *
 * One file per benchmark, each of which also runs alone (shared set-up in budget-support.ts):
 *
 * 1. test/bench/route-budgets.ts — DynamoDB requests and consumed capacity per API route for a
 *    standard scenario, against the per-route budget table in docs/performance.md.
 * 2. test/bench/read-model-usage.ts — one summary projector recompute and one nightly rebuild of
 *    the typical regency, metered.
 * 3. test/bench/bundle-budget.ts — the Lambda bundle: the code a cold start loads (≤ 1 MB) and its
 *    cold init against a Hono hello-world (≤ 3×).
 * 4. test/bench/api-overhead.ts — reading one innovation through the HTTP API against a bare
 *    GetItem (p50 ratio ≤ 2×).
 * 5. test/bench/regency-cost.ts — the monthly AWS cost of a typical regency from 1. and 2. (with
 *    the projector on the stream, to measure which routes' writes reach it): under US$1, and
 *    issue 17's US$0.25.
 *
 * Every figure is printed with its target and PASS/FAIL; the process exits non-zero if any fails.
 * Bounded: a fixed number of requests, a global time limit, and it stops what it started.
 */

import { apiOverheadOnStack } from './api-overhead.ts';
import { reportFigures, startBudgetStack, startWatchdog } from './budget-support.ts';
import { bundleBudgets } from './bundle-budget.ts';
import { regencyCost } from './regency-cost.ts';

startWatchdog('budgets', 10);

async function measureAll() {
  const { stack, deps, app, login } = await startBudgetStack();
  try {
    // 1, 2 and 5: the routes (with the projector beside them), the read models, the month's bill.
    await regencyCost(app, login, stack.config, deps.data);
    await bundleBudgets();
    await apiOverheadOnStack(deps, stack.config, app, login);
  } finally {
    await stack.stop();
  }
}

// The bundle alone needs no local stack: seconds instead of minutes while working on it.
if (process.argv.includes('--bundle-only')) await bundleBudgets();
else await measureAll();
reportFigures();
