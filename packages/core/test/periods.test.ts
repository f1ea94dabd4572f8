import { describe, expect, it } from 'vitest';
import { rubricForYear, rubricIdForPeriod } from '../src/periods.ts';

describe('the rubric of a period', () => {
  it('is the rubric the period pinned, not the one its year suggests', () => {
    // Act / Assess
    expect(rubricIdForPeriod(2026, { rubricId: 'iid-2027' })).toBe(rubricForYear(2027));
    expect(rubricIdForPeriod(2026, { rubricId: 'iid-2026' })).toBe('iid-2026');
  });

  it('falls back to the year only while the period is not opened', () => {
    // Act / Assess
    expect(rubricIdForPeriod(2026, undefined)).toBe('iid-2026');
    expect(rubricIdForPeriod(2030, undefined)).toBeUndefined();
  });

  it('knows no rubric for a period pinned to one this build does not ship', () => {
    // Act / Assess
    expect(rubricIdForPeriod(2026, { rubricId: 'iid-1999' })).toBeUndefined();
  });
});
