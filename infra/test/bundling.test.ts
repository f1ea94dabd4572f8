import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_ROLES } from '@inovasi/data/data-roles';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../lib/app.ts';
import { logicalId } from './support.ts';

/**
 * Runs in a separate Node process inside the asset directory, as Lambda would: imports the bundle,
 * calls the handler with an API Gateway v2 event for a route that needs neither AWS nor a token, and
 * loads the official area list through the copied `idn-area-data` package.
 */
const PROBE = `
const { pathToFileURL } = await import('node:url');
const { createRequire } = await import('node:module');
const dir = process.argv.at(-1);
const bundle = await import(pathToFileURL(dir + '/index.mjs').href);
const path = '/api/v1/openapi.json';
const response = await bundle.handler({
  version: '2.0', routeKey: 'ANY /api/{proxy+}', rawPath: path, rawQueryString: '', headers: { host: 'probe' },
  isBase64Encoded: false,
  requestContext: {
    http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'probe' },
    requestId: 'probe', routeKey: 'ANY /api/{proxy+}', stage: '$default', domainName: 'probe',
    accountId: '111122223333', apiId: 'probe', time: '', timeEpoch: 0,
  },
}, {});
const areas = await import(pathToFileURL(createRequire(dir + '/index.mjs').resolve('idn-area-data')).href);
const provinces = await areas.getProvinces();
const regencies = await areas.getRegencies();
process.stdout.write('\\nPROBE ' + JSON.stringify({
  status: response.statusCode,
  title: JSON.parse(response.body).info?.title,
  jawaTimur: provinces.find((province) => province.code === '35')?.name,
  bojonegoro: regencies.find((regency) => regency.code === '35.22')?.name,
}));
`;

/** Imports the evidence worker's bundle as Lambda would and hands it an event for another bucket. */
const WORKER_PROBE = `
const { pathToFileURL } = await import('node:url');
const dir = process.argv.at(-1);
const bundle = await import(pathToFileURL(dir + '/index.mjs').href);
const result = await bundle.handler({ Records: [{ eventName: 'ObjectCreated:Put',
  s3: { bucket: { name: 'another-bucket' }, object: { key: 'tenants/35.22/evidence/X/a.pdf', size: 1 } } }] });
process.stdout.write('\\nPROBE ' + JSON.stringify(result));
`;

describe('API bundle (real esbuild run)', () => {
  // Prepare: bundling is on here, unlike every other test.
  const outdir = mkdtempSync(join(tmpdir(), 'inovasi-cdk-out-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const { app, stack } = buildApp({ validate: false, webDistPath: null, outdir });
  const template = app.synth().getStackByName(stack.stackName).template;
  const code = template.Resources[logicalId(stack.api.function)].Properties.Code as { S3Key: string };
  const assetDir = join(outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);

  it('produces one ESM index file with a source map and the require banner', () => {
    const bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith('import { createRequire as __inovasiCreateRequire }')).toBe(true);
    expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
    // idn-area-data stays an import, resolved from the asset's node_modules at run time.
    expect(bundle).toMatch(/from\s*["']idn-area-data["']/);
  });

  it('ships idn-area-data with only the provinces and regencies CSV files', () => {
    const data = join(assetDir, 'node_modules/idn-area-data/data');
    expect(existsSync(join(data, 'provinces.csv'))).toBe(true);
    expect(existsSync(join(data, 'regencies.csv'))).toBe(true);
    expect(existsSync(join(data, 'villages.csv'))).toBe(false);
    expect(existsSync(join(assetDir, 'node_modules/papaparse/package.json'))).toBe(true);
  });

  it('starts, answers a request and reads the official area list', () => {
    // Act
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, assetDir], {
      cwd: assetDir,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'ap-southeast-3',
        APP_MODE: 'aws',
        TABLE_NAME: 'probe-table',
        BUCKET_NAME: 'probe-bucket',
        COGNITO_USER_POOL_ID: 'ap-southeast-3_probe',
        COGNITO_CLIENT_ID: 'probe-client',
        POWERTOOLS_SERVICE_NAME: 'inovasi-api',
        ...Object.fromEntries(
          Object.values(DATA_ROLES).map((role) => [
            role.envVar,
            `arn:aws:iam::111122223333:role/${role.constructId}`,
          ]),
        ),
      },
    });
    // Assess
    const line = result.stdout.split('\n').find((output) => output.startsWith('PROBE '));
    expect(line, `probe failed:\n${result.stderr}`).toBeDefined();
    expect(JSON.parse(line?.slice('PROBE '.length) ?? '{}')).toEqual({
      status: 200,
      title: 'Inovasi Daerah API',
      jawaTimur: 'Jawa Timur',
      bojonegoro: 'Kabupaten Bojonegoro',
    });
  });
  it('bundles the evidence worker, which starts and handles an event without touching AWS', () => {
    // Prepare: the worker's asset from the same synth.
    const workerCode = template.Resources[logicalId(stack.evidenceWorker.function)].Properties.Code as {
      S3Key: string;
    };
    const workerDir = join(outdir, `asset.${workerCode.S3Key.replace(/\.zip$/, '')}`);
    // Act
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', WORKER_PROBE, workerDir], {
      cwd: workerDir,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'ap-southeast-3',
        TABLE_NAME: 'probe-table',
        BUCKET_NAME: 'probe-bucket',
        [DATA_ROLES.tenant.envVar]: 'arn:aws:iam::111122223333:role/TenantDataRole',
        POWERTOOLS_SERVICE_NAME: 'inovasi-evidence-worker',
      },
    });
    // Assess
    const line = result.stdout.split('\n').find((output) => output.startsWith('PROBE '));
    expect(line, `probe failed:\n${result.stderr}`).toBeDefined();
    expect(JSON.parse(line?.slice('PROBE '.length) ?? '{}')).toEqual({
      records: [{ key: 'tenants/35.22/evidence/X/a.pdf', outcome: 'ignored', reason: 'another bucket' }],
    });
  });
});
