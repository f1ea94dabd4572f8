import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isTenantCode } from '@inovasi/core';
import {
  createTableClient,
  type DataConfig,
  exportTenant,
  importTenant,
  offboardTenant,
  readExport,
  ScopedClientFactory,
} from '@inovasi/data';
import { startLocalStack } from './stack.ts';

/**
 * One tenant out of a store and into another, or out for good (docs/operations.md):
 *
 *   pnpm --filter @inovasi/local tenant:export -- --tenant 35.22 --out 35.22.jsonl
 *   pnpm --filter @inovasi/local tenant:import -- --in 35.22.jsonl [--data-dir .data-restore]
 *   pnpm --filter @inovasi/local tenant:offboard -- --tenant 35.22 --confirm 35.22 --out 35.22.jsonl \
 *     --by platform@example.go.id --reason "Permintaan Pemda, surat no. …"
 *
 * Where the data is: by default the embedded store under `.data/` (stop `pnpm start` first: one
 * DynamoDB Local per data directory); `--dynamo-endpoint` and `--s3-endpoint` to use a running
 * local stack instead; `--aws --table … --bucket … --region …` for a deployment, with the
 * operator's own AWS credentials from the default chain.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
/** pnpm runs scripts inside the package; paths on the command line mean the caller's directory. */
const fromCaller = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest.filter((arg) => arg !== '--'),
  options: {
    tenant: { type: 'string' },
    out: { type: 'string' },
    in: { type: 'string' },
    confirm: { type: 'string' },
    by: { type: 'string' },
    reason: { type: 'string' },
    'data-dir': { type: 'string' },
    'dynamo-endpoint': { type: 'string' },
    's3-endpoint': { type: 'string' },
    aws: { type: 'boolean', default: false },
    table: { type: 'string' },
    bucket: { type: 'string' },
    region: { type: 'string' },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

async function openStore(): Promise<{ config: DataConfig; close: () => Promise<void> }> {
  if (values.aws) {
    const config = {
      tableName: values.table ?? fail('--aws needs --table'),
      bucketName: values.bucket ?? fail('--aws needs --bucket'),
      region: values.region ?? process.env.AWS_REGION ?? fail('--aws needs --region'),
    };
    return { config, close: async () => undefined };
  }
  if (values['dynamo-endpoint'] || values['s3-endpoint']) {
    const config: DataConfig = {
      tableName: values.table ?? 'inovasi',
      bucketName: values.bucket ?? 'inovasi-evidence',
      region: 'ap-southeast-3',
      dynamoEndpoint: values['dynamo-endpoint'] ?? fail('--dynamo-endpoint and --s3-endpoint go together'),
      s3Endpoint: values['s3-endpoint'] ?? fail('--dynamo-endpoint and --s3-endpoint go together'),
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    };
    return { config, close: async () => undefined };
  }
  const dataDir = values['data-dir'] ? fromCaller(values['data-dir']) : resolve(repoRoot, '.data');
  const stack = await startLocalStack({ dataDir });
  return { config: stack.config, close: () => stack.stop() };
}

async function writeExport(factory: ScopedClientFactory, tenant: string, path: string) {
  const out = createWriteStream(path, { flags: 'wx' });
  const footer = await exportTenant(factory, tenant, (line) => {
    out.write(`${line}\n`);
  });
  await new Promise<void>((done, failed) =>
    out.end((error?: Error | null) => (error ? failed(error) : done())),
  );
  return footer;
}

async function main() {
  if (!['export', 'import', 'offboard'].includes(command ?? '')) {
    fail(
      'usage: tenant-cli export|import|offboard --tenant <code> --out|--in <file> (see docs/operations.md)',
    );
  }
  const { config, close } = await openStore();
  try {
    const factory = new ScopedClientFactory(config);
    if (command === 'import') {
      const path = fromCaller(values.in ?? fail('--in <file> is required'));
      const lines = readFileSync(path, 'utf8').split('\n');
      const result = await importTenant(factory, lines);
      console.log(
        `imported tenant ${result.tenant}: ${result.items} items, ${result.objects} objects into ${config.tableName}`,
      );
      return;
    }
    const tenant = values.tenant ?? fail('--tenant <code> is required');
    if (!isTenantCode(tenant)) fail(`"${tenant}" is not a Kemendagri area code (35 or 35.22)`);
    const out = fromCaller(values.out ?? `${tenant}.jsonl`);
    if (existsSync(out)) fail(`${out} exists; choose another --out (an export is never overwritten)`);
    if (command === 'export') {
      const footer = await writeExport(factory, tenant, out);
      console.log(
        `exported tenant ${tenant}: ${footer.items} items, ${footer.objects} objects, sha256 ${footer.sha256} → ${out}`,
      );
      return;
    }
    // Offboarding: the export first, checked, then the removal with its audit record.
    if (values.confirm !== tenant)
      fail(`offboarding removes every record of ${tenant}: repeat the code with --confirm ${tenant}`);
    const by = values.by ?? fail('--by <who> is required (kept in the audit record)');
    const reason = values.reason ?? fail('--reason "<why>" is required (kept in the audit record)');
    const footer = await writeExport(factory, tenant, out);
    readExport(readFileSync(out, 'utf8').split('\n'));
    const record = await offboardTenant(factory, tenant, {
      by,
      reason,
      exportSha256: footer.sha256,
      // The one unguarded client: it may only delete the tenant's own audit entries (see offboardTenant).
      auditPurge: createTableClient(config),
    });
    console.log(
      `offboarded tenant ${tenant}: ${record.items} items and ${record.objects} objects removed; export ${out} (sha256 ${footer.sha256}); audit record at ${record.at}`,
    );
  } finally {
    await close();
  }
}

await main();
