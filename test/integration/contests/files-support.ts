import { createHash } from 'node:crypto';
import { todayInJakarta } from '@inovasi/core';
import { contestCallFixture } from '../../../packages/core/test/contests/fixtures.ts';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/** The set-up the contest entry-file suites share: Bojonegoro's call, its people, one real PNG. */
export const CODE = '35.22';

/** A call of the shared fixture, open today, one judge per entry. */
export const filesCall = (title: string, blindMode: boolean) => ({
  ...contestCallFixture({ today: todayInJakarta() }),
  title,
  blindMode,
  judgesPerEntry: 1,
});

/** A small real PNG (1×1): the intake's type, size and hash checks pass on it. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The entry-file route's body describing `PNG`; the fields given replace or add to it. */
export const pngFileBody = (fields: Record<string, unknown>) => ({
  kind: 'foto',
  mediaType: 'image/png',
  size: PNG.length,
  sha256: sha256(PNG),
  ...fields,
});

export interface ContestFilesPeople {
  readonly env: TestEnvironment;
  readonly admin: string;
  readonly opd1: string;
  readonly opd2: string;
  /** Magetan's admin: another region, refused everywhere here. */
  readonly otherRegion: string;
}

/** A seeded environment (member changes seen at once) and the tokens of the people who act in it. */
export async function contestFilesSetUp(): Promise<ContestFilesPeople> {
  const env = await createTestEnvironment({ memberCacheMs: 0 });
  return {
    env,
    admin: await env.login('admin.3522@demo.local'),
    opd1: await env.login('opd1.3522@demo.local'),
    opd2: await env.login('opd2.3522@demo.local'),
    otherRegion: await env.login('admin.3520@demo.local'),
  };
}
