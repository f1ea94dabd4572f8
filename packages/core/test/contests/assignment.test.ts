import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignableJudge, assignJudges, mayJudge } from '../../src/contests/index.ts';

describe('assignJudges', () => {
  const judges: AssignableJudge[] = [
    { userId: 'internal', opdId: 'dinkes', conflicts: [] },
    { userId: 'conflicted', conflicts: [{ entryId: 'e2' }] },
    { userId: 'external', conflicts: [] },
  ];

  it('never assigns a judge from the entrant’s OPD or with a declared conflict', () => {
    const plan = assignJudges(
      [{ id: 'e1', opdId: 'dinkes' }, { id: 'e2', opdId: 'dishub' }, { id: 'e3' }],
      judges,
      2,
    );
    expect(plan.assignments.get('e1')).toEqual(['conflicted', 'external']);
    expect(plan.assignments.get('e2')).toEqual(['internal', 'external']);
    expect(plan.assignments.get('e3')).toHaveLength(2);
    expect(plan.shortOfJudges).toEqual([]);
  });

  it('reports entries that cannot get enough eligible judges', () => {
    const plan = assignJudges([{ id: 'e2', opdId: 'dinkes' }], judges, 3);
    expect(plan.assignments.get('e2')).toEqual(['external']);
    expect(plan.shortOfJudges).toEqual(['e2']);
  });

  it('keeps eligible judges already assigned and replaces one who declared a conflict since', () => {
    const plan = assignJudges([{ id: 'e2', assigned: ['conflicted', 'external'] }], judges, 2);
    expect(plan.assignments.get('e2')).toEqual(['external', 'internal']);
  });

  it('respects conflicts and OPDs, never repeats a judge and spreads the load (property)', () => {
    const opd = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), opdId: opd }), {
          selector: (entry) => entry.id,
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (entries, panelSize, perEntry) => {
          const panel: AssignableJudge[] = Array.from({ length: panelSize }, (_, index) => ({
            userId: `j${index}`,
            opdId: ['a', 'b', undefined][index % 3],
            conflicts: entries
              .filter((_, position) => (position + index) % 5 === 0)
              .map((entry) => ({ entryId: entry.id })),
          }));
          const plan = assignJudges(entries, panel, perEntry);
          for (const entry of entries) {
            const chosen = plan.assignments.get(entry.id) ?? [];
            expect(new Set(chosen).size).toBe(chosen.length);
            for (const userId of chosen) {
              const judge = panel.find((candidate) => candidate.userId === userId) as AssignableJudge;
              expect(mayJudge(judge, entry)).toBe(true);
            }
            const eligible = panel.filter((judge) => mayJudge(judge, entry)).length;
            expect(chosen.length).toBe(Math.min(perEntry, eligible));
          }
        },
      ),
    );
  });
});
