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
