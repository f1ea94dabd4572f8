import { describe, expect, it } from 'vitest';
import { daysUntil, type Period, periodLock, todayInJakarta } from '../../src/index.ts';

const period: Period = {
  year: 2026,
  rubricId: 'iid-2026',
  internalDeadline: '2026-08-10',
  nationalDeadline: '2026-08-23',
  extensions: [
    {
      opdId: 'opd-dinkes',
      until: '2026-08-15',
      reason: 'SK belum terbit',
      by: 'u',
      at: '2026-08-09T00:00:00.000Z',
    },
  ],
  openedAt: '2026-05-01T00:00:00.000Z',
  openedBy: 'u',
  version: 1,
};

describe('period deadlines', () => {
  it.each([
    ['2026-08-10', 'opd-disdik', 'open'],
    ['2026-08-11', 'opd-disdik', 'operators_locked'],
    ['2026-08-11', 'opd-dinkes', 'open'],
    ['2026-08-15', 'opd-dinkes', 'open'],
    ['2026-08-16', 'opd-dinkes', 'operators_locked'],
    ['2026-08-23', undefined, 'operators_locked'],
    ['2026-08-24', 'opd-dinkes', 'read_only'],
  ] as const)('on %s for %s the period is %s', (today, opdId, expected) => {
    expect(periodLock(period, today, opdId)).toBe(expected);
  });

  it('opens for every OPD with an extension that names none', () => {
    const all = {
      ...period,
      extensions: [{ ...period.extensions[0]!, opdId: undefined, until: '2026-08-20' }],
    };
    expect(periodLock(all, '2026-08-18', 'opd-disdik')).toBe('open');
  });

  it('counts days to a deadline in the Jakarta calendar', () => {
    expect(daysUntil('2026-08-03', '2026-08-10')).toBe(7);
    expect(daysUntil('2026-08-11', '2026-08-10')).toBe(-1);
    // 18:00 UTC on 9 Aug is already 10 Aug in Jakarta.
    expect(todayInJakarta(new Date('2026-08-09T18:00:00Z'))).toBe('2026-08-10');
  });
});
