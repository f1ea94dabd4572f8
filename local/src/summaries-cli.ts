import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { formatRebuildReport, rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { type DataConfig, ScopedClientFactory } from '@inovasi/data';
import { JavaMissingError } from './java.ts';
import { RUNNING_STACK_FILE } from './product.ts';
import { startLocalStack } from './stack.ts';

/**
 * `pnpm --filter @inovasi/local summaries:rebuild [--check] [--tenant 35.22 …]`
 *
 * Recomputes every region's summaries from source and prints, per tenant and year, the drift it
 * found and repaired. Exit code 0: no drift; 1: drift found (repaired unless `--check`);
 * 2: a region could not be rebuilt. Uses the running product's stack when `pnpm start` is up,
 * otherwise starts the local stack on `.data/` for the run.
 */
export async function runSummariesRebuild(
  args: readonly string[],
  data: ScopedClientFactory,
  print: (line: string) => void = console.log,
): Promise<number> {
  const check = args.includes('--check');
  const tenants = args.flatMap((arg, index) =>
    arg === '--tenant' && args[index + 1] ? [args[index + 1] as string] : [],
  );
  const report = await rebuildSummaries(data, { check, ...(tenants.length > 0 ? { tenants } : {}) });
  for (const line of formatRebuildReport(report, check)) print(line);
  if (report.failures.length > 0) return 2;
  return report.drifted > 0 ? 1 : 0;
}

/** The running product's data config, if `pnpm start` is up and its DynamoDB answers. */
async function runningStack(dataDir: string): Promise<DataConfig | undefined> {
  const file = resolve(dataDir, RUNNING_STACK_FILE);
  if (!existsSync(file)) return undefined;
  const config = JSON.parse(readFileSync(file, 'utf8')) as DataConfig;
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamoEndpoint,
    credentials: config.credentials,
    maxAttempts: 1,
  });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return config;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

async function main(): Promise<number> {
  const dataDir = resolve(import.meta.dirname, '../..', '.data');
  const args = process.argv.slice(2);
  const running = await runningStack(dataDir);
  if (running) return runSummariesRebuild(args, new ScopedClientFactory(running));
  if (!existsSync(dataDir)) {
    console.error(`No data at ${dataDir}: start the product once with \`pnpm start\`.`);
    return 2;
  }
  const stack = await startLocalStack({ dataDir });
  try {
    return await runSummariesRebuild(args, new ScopedClientFactory(stack.config));
  } finally {
    await stack.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof JavaMissingError ? error.message : error);
      process.exit(2);
    },
  );
}
