/**
 * The API as its own process for the evidence benchmark, so that its memory is measured alone
 * (`/proc/<pid>/status`), apart from the client that generates and uploads the files. Started by
 * `test/bench/evidence.ts`; reads the data configuration from the environment; the benchmark signs in through its demo login.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { startServer } from '@inovasi/api/server';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import { evidenceLimitsFrom } from '@inovasi/core';
import { type DataConfig, ScopedClientFactory } from '@inovasi/data';

const config = JSON.parse(process.env.BENCH_DATA_CONFIG ?? '{}') as DataConfig;
const server = await startServer(
  {
    mode: 'local',
    data: new ScopedClientFactory(config),
    ...(await demoIdentity()),
    areas: officialAreas(),
    logger: new Logger({ serviceName: 'inovasi-bench', logLevel: 'ERROR' }),
    evidenceLimits: evidenceLimitsFrom(process.env),
    // The benchmark measures intake, not the per-user limits that would hold a script back.
    rateLimits: false,
  },
  { port: 0 },
);
process.stdout.write(`LISTENING ${server.url}\n`);
const stop = () => void server.stop().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
