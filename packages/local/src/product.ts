import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { officialAreas } from '@inovasi/api/areas';
import { localTokens } from '@inovasi/api/local-tokens';
import { createLogger } from '@inovasi/api/logging';
import { startServer } from '@inovasi/api/server';
import { type DataConfig, ScopedClientFactory } from '@inovasi/data';
import { startScheduledJobs } from './scheduled-jobs.ts';
import { seedDemoData } from './seed.ts';
import { startLocalStack } from './stack.ts';
import type { DeadLetter, StreamPoller } from './stream-poller.ts';
import { startSummaryProjection } from './summary-projection.ts';

export interface LocalProductOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Persist here; omitted: throwaway state removed on stop. */
  readonly dataDir?: string | undefined;
  readonly seed: boolean;
  /** The built web app to serve at `/`. */
  readonly webDist?: string | undefined;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /**
   * The timers of the scheduled jobs (summary rebuild, jobs sweep, reminders, outbox); on unless
   * `false`, which only a test sets when a timer would race what it checks.
   */
  readonly scheduledJobs?: boolean | undefined;
}

export interface LocalProduct {
  readonly url: string;
  /** Where the embedded default "sends" e-mail: one JSON line per message. */
  readonly outboxFile: string;
  readonly config: DataConfig;
  readonly seeded: boolean;
  /**
   * Resolves once every change committed so far has reached the summaries (the projector on the
   * table's stream has caught up, docs/decisions/0018): for tests that read a summary after a write.
   */
  summariesProjected(timeoutMs?: number): Promise<void>;
  /** Stream records the projector set aside after repeated failures (also in `.data/`). */
  readonly projectorDeadLetters: readonly DeadLetter[];
  stop(): Promise<void>;
}

/**
 * Where a running product leaves its stack's endpoints (loopback, fake credentials), so that
 * commands such as `summaries:rebuild` use it instead of starting a second DynamoDB on the same data.
 */
export const RUNNING_STACK_FILE = 'local-stack.json';

/** The signing secret lives with the data, so tokens survive a restart of `pnpm start`. */
function tokenSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** The whole product on one machine: local stack, demo data, API and web on one port. */
export async function startLocalProduct(options: LocalProductOptions): Promise<LocalProduct> {
  const stack = await startLocalStack({ dataDir: options.dataDir });
  let projector: StreamPoller | undefined;
  try {
    const data = new ScopedClientFactory(stack.config);
    const areas = officialAreas();
    const seeded = options.seed ? await seedDemoData(data, areas) : false;
    const tokens = localTokens(tokenSecret(stack.dataDir));
    const logLevel = options.logLevel ?? 'INFO';
    // Persistent data resumes from its checkpoint (the first start projects the whole stream);
    // throwaway data was seeded a moment ago with its summaries, so only what follows matters.
    projector = startSummaryProjection({
      config: stack.config,
      data,
      logger: createLogger({ serviceName: 'inovasi-summary-projector', logLevel }),
      dataDir: options.dataDir ? stack.dataDir : undefined,
      startAt: options.dataDir ? 'trim-horizon' : 'latest',
    });
    const running = projector;
    await running.ready;
    const server = await startServer(
      {
        mode: 'local',
        data,
        verifier: tokens,
        issuer: tokens,
        areas,
        logger: createLogger({ serviceName: 'inovasi-api', logLevel }),
        // Extra browser origins (e.g. a Vite dev server) allowed by CORS; the served web app is same-origin.
        webOrigins: (process.env.WEB_ORIGINS ?? '')
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      },
      { port: options.port, webDist: options.webDist },
    );
    const outboxFile = join(stack.dataDir, 'outbox.jsonl');
    const jobs = options.scheduledJobs === false ? undefined : startScheduledJobs(data, outboxFile);
    const runningStackFile = join(stack.dataDir, RUNNING_STACK_FILE);
    if (options.dataDir) writeFileSync(runningStackFile, JSON.stringify(stack.config), { mode: 0o600 });
    return {
      url: server.url,
      config: stack.config,
      seeded,
      outboxFile,
      summariesProjected: (timeoutMs) => running.caughtUp(timeoutMs),
      get projectorDeadLetters() {
        return running.deadLetters;
      },
      stop: async () => {
        jobs?.stop();
        rmSync(runningStackFile, { force: true });
        await server.stop();
        await running.stop();
        await stack.stop();
      },
    };
  } catch (error) {
    await projector?.stop();
    await stack.stop();
    throw error;
  }
}
