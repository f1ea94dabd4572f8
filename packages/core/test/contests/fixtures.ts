/**
 * The one contest call fixture, shared by the core unit tests and the integration flow
 * (test/integration/contests): it imports only from core's own sources, so both can load it.
 */

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Stage dates of a call run entirely on `today`: entries, screening and both judging stages end that day. */
export function stageDatesAround(today: string) {
  return {
    entriesOpen: addDays(today, -7),
    entriesClose: today,
    screeningEnd: today,
    deskEnd: today,
    finalEnd: today,
    announcement: addDays(today, 7),
  };
}

/**
 * A two-category call (OPDs, and citizens with a required extra field), two desk criteria on the
 * default 1–10 scale and a 0–100 final criterion, one prize. `today` puts every stage on that day
 * (the server enforces the stage dates); without it the dates are a fixed 2026 calendar.
 */
export function contestCallFixture(options: { today?: string } = {}) {
  return {
    title: 'Bojonegoro Innovative Award 2026',
    year: 2026,
    description: 'Lomba inovasi tahunan',
    categories: [
      { id: 'opd', label: 'ASN/OPD', entrantKinds: ['opd'] },
      {
        id: 'masyarakat',
        label: 'Masyarakat',
        entrantKinds: ['citizen'],
        extraFields: [{ key: 'desa', label: 'Desa', type: 'text', required: true }],
      },
    ],
    stageDates: options.today
      ? stageDatesAround(options.today)
      : {
          entriesOpen: '2026-03-01',
          entriesClose: '2026-04-30',
          screeningEnd: '2026-05-10',
          deskEnd: '2026-06-10',
          finalEnd: '2026-07-10',
          announcement: '2026-08-17',
        },
    criteria: {
      desk: [
        { id: 'kebaruan', label: 'Kebaruan', weight: 40 },
        { id: 'manfaat', label: 'Manfaat', weight: 60 },
      ],
      final: [{ id: 'presentasi', label: 'Presentasi', weight: 1, scaleMin: 0, scaleMax: 100 }],
    },
    prizes: [{ rank: 1, label: 'Juara I', amount: 10_000_000 }],
  };
}
