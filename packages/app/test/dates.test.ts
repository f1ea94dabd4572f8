import { describe, expect, it } from 'vitest';
import { longDate } from '../src/dates.ts';

describe('dates in the sentences the product sends', () => {
  it('writes a deadline the Indonesian way, never 2026-12-20', () => {
    expect(longDate('2026-12-20', 'id')).toBe('20 Desember 2026');
    expect(longDate('2027-01-05', 'id')).toBe('5 Januari 2027');
    expect(longDate('2026-12-20', 'en')).toBe('20 December 2026');
  });

  it('keeps the calendar day whatever the server’s time zone', () => {
    expect(longDate('2026-01-01', 'id')).toBe('1 Januari 2026');
  });
});
