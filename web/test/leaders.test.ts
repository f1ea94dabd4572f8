import { describe, expect, it } from 'vitest';
import { leagueOrder } from '../src/features/leaders/league.ts';
import { homePathFor, navItemsFor } from '../src/shell/navigation.ts';

const row = (name: string, submitted: number, target: number, verified = 0) => ({
  name,
  submitted,
  target,
  verified,
});

describe('the leaders’ command centre', () => {
  it('ranks OPDs by the share of their target submitted, laggards last', () => {
    const ranked = leagueOrder([
      row('Dinas Kesehatan', 1, 2),
      row('Dinas Pendidikan', 3, 2),
      row('Satpol PP', 0, 2),
      row('Bappeda', 2, 2, 2),
      row('RSUD', 2, 2, 1),
    ]);
    expect(ranked.map((entry) => entry.name)).toEqual([
      'Dinas Pendidikan',
      'Bappeda',
      'RSUD',
      'Dinas Kesehatan',
      'Satpol PP',
    ]);
  });

  it('counts an OPD without a target as having met it', () => {
    const ranked = leagueOrder([row('Kecamatan Kota', 0, 2), row('Sekretariat DPRD', 0, 0)]);
    expect(ranked[0]?.name).toBe('Sekretariat DPRD');
  });

  it('lands a pimpinan on the command centre and offers it nothing to edit', () => {
    expect(homePathFor(['pimpinan'])).toBe('/pimpinan');
    expect(navItemsFor(['pimpinan']).map((item) => item.to)).toEqual(['/pimpinan']);
  });
});
