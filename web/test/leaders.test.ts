import { describe, expect, it } from 'vitest';
import { leagueOrder, ruleLeagueRows } from '../src/features/leaders/league.ts';
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

describe('the league under a target rule', () => {
  it('takes each OPD’s target from the rule and its units, and what is still owed as behind', () => {
    const unit = (unitId: string, required: number, counted: number) => ({
      unitId,
      opdId: 'dinkes',
      name: unitId,
      kind: 'puskesmas' as const,
      required,
      counted,
      lacks: Math.max(0, required - counted),
      meets: counted >= required,
    });
    const rows = ruleLeagueRows(
      [
        {
          opdId: 'dinkes',
          name: 'Dinas Kesehatan',
          required: 2,
          counted: 2,
          countedWithUnits: 3,
          lacks: 0,
          meets: true,
          units: [unit('pkm-a', 2, 1), unit('pkm-b', 2, 2)],
          unitsLack: 1,
        },
        {
          opdId: 'dishub',
          name: 'Dinas Perhubungan',
          required: 0,
          counted: 1,
          countedWithUnits: 1,
          lacks: 0,
          meets: true,
          units: [],
          unitsLack: 0,
        },
      ],
      new Map([['dinkes', 1]]),
    );
    // Dishub is bound by no clause: it is not in the league.
    expect(rows).toEqual([
      {
        opdId: 'dinkes',
        name: 'Dinas Kesehatan',
        target: 6,
        submitted: 5,
        verified: 1,
        behind: 1,
        unitsBehind: 1,
      },
    ]);
  });
});
