import type { Evidence } from '../src/index.ts';
import type { Level } from '../src/scoring/index.ts';

/**
 * SID levels of an innovation with kematangan exactly 80 under iid-2026 (111 − 6 − 2 − 2 − 9 − 4 − 8),
 * every mandatory indicator (sid.16, 17, 32, 33, 35) answered, so that the verified view counts it.
 */
export const SID_LEVELS_80: Readonly<Record<string, Level>> = {
  'sid.16': 1,
  'sid.17': 2,
  'sid.18': 2,
  'sid.19': 3,
  'sid.20': 3,
  'sid.21': 3,
  'sid.22': 3,
  'sid.23': 3,
  'sid.24': 3,
  'sid.25': 3,
  'sid.26': 3,
  'sid.27': 3,
  'sid.28': 3,
  'sid.29': 3,
  'sid.30': 3,
  'sid.31': 0,
  'sid.32': 3,
  'sid.33': 3,
  'sid.34': 1,
  'sid.35': 1,
};

/** SPD levels summing to exactly 45 under iid-2026 (63 − 6 − 4.5 − 4.5 − 1 − 1 − 1). */
export const SPD_LEVELS_45: Readonly<Record<string, Level>> = {
  'spd.1': 2,
  'spd.2a': 3,
  'spd.2b': 3,
  'spd.3': 2,
  'spd.4': 2,
  'spd.5a': 3,
  'spd.5b': 3,
  'spd.6': 0,
  'spd.7': 0,
  'spd.8': 3,
  'spd.9': 3,
  'spd.10a': 3,
  'spd.10b': 3,
  'spd.11a': 3,
  'spd.11b': 3,
  'spd.12': 0,
  'spd.13a': 3,
  'spd.13b': 3,
  'spd.14': 3,
  'spd.15': 3,
};

/** Five of the six basic-service urusan: enough for the 2026 gate, one short for 2027. */
export const FIVE_BASIC_SERVICES = ['pendidikan', 'kesehatan', 'pupr', 'perkim', 'sosial'] as const;

/** Round-robin urusan so that `count` innovations cover the first `covered` basic-service urusan. */
export function urusanFor(position: number, covered: number = FIVE_BASIC_SERVICES.length): string[] {
  const urusan = FIVE_BASIC_SERVICES[position % covered];
  return urusan === undefined ? [] : [urusan];
}

/** An uploaded library item that passed intake, linked to nothing: override what a test is about. */
export const evidenceFixture = (overrides: Partial<Evidence> = {}): Evidence => ({
  id: 'ev-1',
  tenantCode: '35.22',
  source: 'upload',
  kind: 'sk',
  title: 'SK Tim Inovasi',
  public: false,
  status: 'passed',
  fileKind: 'pdf',
  documentDate: '2025-03-01',
  linkedCodes: {},
  version: 1,
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
  createdBy: 'u',
  updatedBy: 'u',
  intake: { checkedAt: '2026-01-05T08:00:00.000Z', checkedBy: 'api', findings: [] },
  ...overrides,
});
