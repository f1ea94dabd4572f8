import { AsyncLocalStorage } from 'node:async_hooks';
import { join, resolve } from 'node:path';
import { createApp } from '@inovasi/api';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { createLogger } from '@inovasi/app/logging';
import { ScopedClientFactory, type ScopedClients } from '@inovasi/data';
import { seedDemoData, startLocalStack } from '@inovasi/local';
import { growRegion } from './grow-region.ts';

/**
 * What the budget benchmarks share (test/bench/budgets.ts runs them all; each also runs alone):
 * the figures table, the DynamoDB meter, the throwaway local stack with the typical regency, and
 * the time limit.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const PERFORMANCE_DOC = join(ROOT, 'docs/performance.md');
export const TENANT = '35.22';
/** The typical regency of the cost target: 100 innovations in the period (the demo has fewer). */
export const TYPICAL_INNOVATIONS = 100;

/** Gives up after `minutes` whatever happens (a benchmark never hangs a shell). */
export function startWatchdog(name: string, minutes: number): void {
  const watchdog = setTimeout(() => {
    console.error(`${name}: gave up after ${minutes} minutes`);
    process.exit(2);
  }, minutes * 60_000);
  watchdog.unref();
}

export interface Figure {
  readonly name: string;
  readonly value: string;
  readonly target: string;
  readonly pass: boolean;
}
const figures: Figure[] = [];
export const record = (name: string, value: string, target: string, pass: boolean) =>
  figures.push({ name, value, target, pass });

/** Prints every figure with its target and PASS/FAIL; the process exits non-zero if any failed. */
export function reportFigures(): void {
  console.log('\nBudgets');
  console.log('| figure | value | target | |');
  console.log('|---|---|---|---|');
  for (const figure of figures)
    console.log(`| ${figure.name} | ${figure.value} | ${figure.target} | ${figure.pass ? 'PASS' : 'FAIL'} |`);
  const failed = figures.filter((figure) => !figure.pass);
  console.log(failed.length === 0 ? '\nAll budgets met.' : `\n${failed.length} budget(s) missed.`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

/** True when `file` (a module's `import.meta.filename`) is the script tsx was asked to run. */
export const runDirectly = (file: string) =>
  process.argv[1] !== undefined && resolve(process.argv[1]) === file;

export interface Usage {
  requests: number;
  read: number;
  write: number;
  ms: number;
}
export const emptyUsage = (): Usage => ({ requests: 0, read: 0, write: 0, ms: 0 });

/** The usage the table requests of the current async context are booked on. */
export const routeOf = new AsyncLocalStorage<Usage>();

/** Adds `ReturnConsumedCapacity` to every table request and books it on the route being measured. */
export function meter(clients: ScopedClients): void {
  clients.table.middlewareStack.add(
    // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
    (next, context) => async (args) => {
      const usage = routeOf.getStore();
      if (!usage) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      usage.requests += 1;
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as {
        CapacityUnits?: number;
      }[];
      const writes = /Put|Update|Delete|Write/.test(String(context.commandName));
      for (const entry of entries) usage[writes ? 'write' : 'read'] += entry.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'budgetMeter', priority: 'high' },
  );
}

export const percentile = (values: readonly number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
};

export const median = (values: readonly number[]) => percentile(values, 0.5);

export type BudgetApp = ReturnType<typeof createApp>;
export type Login = (email: string) => Promise<string>;

/**
 * A throwaway local stack (DynamoDB Local and s3rver on loopback), the demo regions seeded and
 * 35.22 grown to the typical regency's 100 innovations, and the app over a metered data layer.
 */
export async function startBudgetStack() {
  const stack = await startLocalStack();
  try {
    const areas = officialAreas();
    await seedDemoData(new ScopedClientFactory(stack.config), areas);
    // The typical regency: the demo tenant's own innovations copied under new ids.
    const innovations = await growRegion(stack.config, {
      tenant: TENANT,
      size: TYPICAL_INNOVATIONS,
      idPrefix: '01BUDGET',
      name: (n) => `Inovasi tipikal ${n}`,
    });
    // The copies are written behind the summary projector's back (it starts after them): the rebuild
    // brings the region's read models and contribution rows in line, as after any such write
    // (docs/decisions/0018, 0040), so the recomputes measured below read the grown region.
    await rebuildSummaries(new ScopedClientFactory(stack.config), { tenants: [TENANT] });
    console.log(
      `standard scenario: tenant ${TENANT} with ${innovations} innovations (demo data grown to a typical regency)`,
    );
    const deps = {
      mode: 'local' as const,
      data: new ScopedClientFactory(stack.config, { instrument: meter }),
      ...(await demoIdentity()),
      areas,
      logger: createLogger({ serviceName: 'budgets', logLevel: 'SILENT' }),
      rateLimits: false as const,
    };
    const app = createApp(deps);
    const login: Login = async (email) => {
      const response = await app.request('/api/v1/dev/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return ((await response.json()) as { token: string }).token;
    };
    return { stack, deps, app, login };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
