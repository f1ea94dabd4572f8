import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { WEB_API_TYPES_FILE, webApiTypes } from '../scripts/web-api-types.ts';

it('keeps the web client’s types equal to what the API’s OpenAPI document generates', async () => {
  const committed = readFileSync(WEB_API_TYPES_FILE, 'utf8');
  const generated = await webApiTypes();
  // A mismatch means a route's schema changed without `pnpm --filter @inovasi/web gen:api`.
  expect(
    generated === committed,
    'web/src/api/schema.d.ts is out of date: run pnpm --filter @inovasi/web gen:api',
  ).toBe(true);
}, 60_000);
