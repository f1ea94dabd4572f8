import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_DIR } from './support/paths.ts';

/**
 * The first-screen JavaScript budget (200 KB gzip per route, issue #20), checked on the build the
 * journeys use: the e2e project's global setup has just built web/dist when its sources changed.
 * The report exits non-zero above budget or when its list of first-screen panels went stale.
 */
describe('first-screen JavaScript budget', () => {
  it('keeps every first route, and the contest page with each role panel, under 200 KB gzip', () => {
    const report = spawnSync(process.execPath, [join(WEB_DIR, 'scripts/bundle-report.mjs')], {
      encoding: 'utf8',
    });
    expect(report.stderr).toBe('');
    expect(report.stdout).not.toContain('OVER BUDGET');
    // The panels are measured, not skipped: a route that paints one of them counts it.
    expect(report.stdout).toMatch(/ContestDetailPage\.tsx \+ EntrantPanel\.tsx\s+[\d.]+ KB gzip/);
    expect(report.status).toBe(0);
  });
});
