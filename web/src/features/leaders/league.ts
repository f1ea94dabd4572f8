import type { OpdProgressBoard } from '../../api/model.ts';
import type { components } from '../../api/schema.d.ts';

export type OpdRow = components['schemas']['RegionDashboard']['summary']['opds']['rows'][number];

/**
 * The leaders' league table: whoever has submitted the largest share of its target first, so the
 * laggards a Sekda names in the rakor sit at the bottom. The summary's own order (furthest behind
 * first) is Bappeda's chasing list; a leader reads a ranking.
 */
export function leagueOrder<Row extends Pick<OpdRow, 'name' | 'target' | 'submitted' | 'verified'>>(
  rows: readonly Row[],
): Row[] {
  const share = (row: Row) => (row.target > 0 ? row.submitted / row.target : 1);
  return [...rows].sort(
    (a, b) =>
      share(b) - share(a) ||
      b.verified - a.verified ||
      b.submitted - a.submitted ||
      a.name.localeCompare(b.name, 'id'),
  );
}

type RuleStanding = NonNullable<OpdProgressBoard['rule']>['opds'][number];

/**
 * The league rows under the period's target rule (ADR 0036): each OPD's target is what the rule
 * asks of it and of its bound units together, "submitted" what of that is met, and "behind" what
 * is still owed, so the ranking and the "lacks N" badges say what the progress board says.
 */
export function ruleLeagueRows(
  standings: readonly RuleStanding[],
  verifiedByOpd: ReadonlyMap<string, number>,
): (Pick<OpdRow, 'opdId' | 'name' | 'target' | 'submitted' | 'verified' | 'behind'> & {
  unitsBehind: number;
})[] {
  return standings
    .map((opd) => {
      const target = opd.required + opd.units.reduce((total, unit) => total + unit.required, 0);
      const owed = opd.lacks + opd.unitsLack;
      return {
        opdId: opd.opdId,
        name: opd.name,
        target,
        submitted: target - owed,
        verified: verifiedByOpd.get(opd.opdId) ?? 0,
        behind: owed,
        unitsBehind: opd.units.filter((unit) => !unit.meets).length,
      };
    })
    .filter((row) => row.target > 0);
}
