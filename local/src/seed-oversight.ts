import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import type { OfficialResultInput } from '@inovasi/core';
import { repositoriesFor, type ScopedClientFactory, SYSTEM_AUDIT, tenantScope } from '@inovasi/data';
import { DEMO_TENANTS } from './demo-data.ts';
import { once } from './seed-steps.ts';

const SEEDED_AT = '2026-01-05T08:00:00.000Z';

/**
 * Official results of past years for the demo regions, as a Bappeda admin would type them from the
 * Kepmendagri. Magetan 53 → 43 and Banjar 52.53 → 57.64 follow the examples; the ranks and
 * the other values are illustrative, chosen so that the cockpit shows each kind of warning
 * (Magetan and Mojokerto project below last year's predicate). Ranks are among kabupaten (415),
 * kota (93) or provinsi (38).
 */
export const DEMO_RESULTS: Readonly<Record<string, Readonly<Record<number, OfficialResultInput>>>> = {
  '35': {
    2023: { index: 71.5, rank: 3, rankOf: 38 },
    2024: { index: 74.1, rank: 2, rankOf: 38 },
    2025: { index: 76.8, rank: 2, rankOf: 38 },
  },
  '35.22': {
    2023: { index: 61.2, rank: 38, rankOf: 415 },
    2024: { index: 63.85, rank: 31, rankOf: 415 },
    2025: { index: 66.4, rank: 27, rankOf: 415 },
  },
  '35.20': {
    2023: { index: 53, rank: 171, rankOf: 415 },
    2024: { index: 43, rank: 302, rankOf: 415 },
    2025: { index: 41.5, rank: 318, rankOf: 415 },
  },
  '35.16': {
    2023: { index: 47.1, rank: 236, rankOf: 415 },
    2024: { index: 50.35, rank: 204, rankOf: 415 },
    2025: { index: 48.9, rank: 221, rankOf: 415 },
  },
  '63.03': {
    2023: { index: 52.53, rank: 187, rankOf: 415 },
    2024: { index: 57.64, rank: 121, rankOf: 415 },
    2025: { index: 60.12, rank: 104, rankOf: 415 },
  },
  '17.71': {
    2023: { index: 38.4, rank: 71, rankOf: 93 },
    2024: { index: 36.1, rank: 78, rankOf: 93 },
    2025: { index: 34.2, rank: 83, rankOf: 93 },
  },
};

/**
 * The demo's official past results (once), then every demo region's summaries from source, so
 * the province cockpit and the dashboards open with live figures. Safe to run on every start.
 */
export async function seedDemoOversight(data: ScopedClientFactory): Promise<void> {
  for (const code of DEMO_TENANTS) {
    const results = repositoriesFor(data.forScope(tenantScope(code)), {
      audit: SYSTEM_AUDIT,
    }).officialResults;
    for (const [year, input] of Object.entries(DEMO_RESULTS[code] ?? {})) {
      // Saved at version 0 once: a later start finds version 1 and leaves it as people changed it.
      await once(() => results.save(Number(year), 0, input, SEEDED_AT), ['version_conflict']);
    }
  }
  await rebuildSummaries(data, { tenants: DEMO_TENANTS });
}
