import { describe, expect, it } from 'vitest';
import { contestWindow, contestWindowState } from '../../src/contests/index.ts';
import { contestCallFixture, stageDatesAround } from './fixtures.ts';

const dates = contestCallFixture().stageDates;

describe('contest stage windows', () => {
  it('takes entries from the opening day to the closing day, both included', () => {
    expect(contestWindowState(dates, 'entries', '2026-02-28')).toBe('before');
    expect(contestWindowState(dates, 'entries', '2026-03-01')).toBe('open');
    expect(contestWindowState(dates, 'entries', '2026-04-30')).toBe('open');
    expect(contestWindowState(dates, 'entries', '2026-05-01')).toBe('after');
  });

  it('scores desk judging from the end of screening to its own end, the final after it', () => {
    expect(contestWindow(dates, 'desk')).toEqual({ from: '2026-05-10', to: '2026-06-10' });
    expect(contestWindowState(dates, 'desk', '2026-05-09')).toBe('before');
    expect(contestWindowState(dates, 'desk', '2026-06-10')).toBe('open');
    expect(contestWindowState(dates, 'desk', '2026-06-11')).toBe('after');
    expect(contestWindow(dates, 'final')).toEqual({ from: '2026-06-10', to: '2026-07-10' });
    expect(contestWindowState(dates, 'final', '2026-06-09')).toBe('before');
    expect(contestWindowState(dates, 'final', '2026-07-11')).toBe('after');
  });

  it('lets a call run every stage on one day (the hand-over day belongs to both stages)', () => {
    const oneDay = stageDatesAround('2026-12-06');
    for (const window of ['entries', 'desk', 'final'] as const)
      expect(contestWindowState(oneDay, window, '2026-12-06')).toBe('open');
    expect(contestWindowState(oneDay, 'entries', '2026-12-07')).toBe('after');
    expect(contestWindowState(oneDay, 'entries', '2026-11-29')).toBe('open');
  });
});
