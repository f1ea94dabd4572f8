/**
 * The web client's types (web/src/api/schema.d.ts) generated from this API's OpenAPI document,
 * without a running server: the app is built with the embedded default's shape (local mode, with
 * the demo sign-in routes, as `pnpm start` serves it) and asked for its document in-process.
 *
 *   tsx functions/api/scripts/web-api-types.ts           writes the file
 *   tsx functions/api/scripts/web-api-types.ts --check   exits 1 when the file is out of date
 *
 * functions/api/test/web-api-types.test.ts runs the check in the test command, so a change to a
 * route's schema cannot reach the web without its types.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { officialAreas } from '@inovasi/app/areas';
import { demoIdentity } from '@inovasi/app/identity/local-tokens';
import { createLogger } from '@inovasi/app/logging';
import { ScopedClientFactory } from '@inovasi/data';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { API_BASE, createApp } from '../src/app.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const WEB_API_TYPES_FILE = resolve(REPO_ROOT, 'web/src/api/schema.d.ts');

/** The document the embedded default serves; no request reaches a table. */
async function openApiDocument(): Promise<OpenAPI3> {
  const app = createApp({
    mode: 'local',
    data: new ScopedClientFactory({ tableName: 'unused', bucketName: 'unused', region: 'ap-southeast-3' }),
    ...(await demoIdentity()),
    areas: officialAreas(),
    logger: createLogger({ serviceName: 'web-api-types', logLevel: 'ERROR' }),
  });
  const response = await app.request(`${API_BASE}/openapi.json`);
  if (response.status !== 200) throw new Error(`the OpenAPI document answered ${response.status}`);
  return (await response.json()) as OpenAPI3;
}

/** The file's text: openapi-typescript's output, formatted by the repository's formatter. */
export async function webApiTypes(): Promise<string> {
  const document = await openApiDocument();
  const generated = `${COMMENT_HEADER}${astToString(await openapiTS(document))}`;
  const formatted = spawnSync(
    resolve(REPO_ROOT, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${WEB_API_TYPES_FILE}`],
    { cwd: REPO_ROOT, input: generated, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (formatted.status !== 0) throw new Error(`biome format failed: ${formatted.stderr}`);
  return formatted.stdout;
}

if (import.meta.main) {
  const types = await webApiTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(WEB_API_TYPES_FILE, 'utf8') !== types) {
      console.error(`${WEB_API_TYPES_FILE} is out of date: run pnpm --filter @inovasi/web gen:api`);
      process.exit(1);
    }
  } else {
    writeFileSync(WEB_API_TYPES_FILE, types);
    console.log(`wrote ${WEB_API_TYPES_FILE}`);
  }
}
