import { describe, expect, it } from 'vitest';
import {
  bandsOfYear,
  buildRegionSummary,
  cockpitRow,
  disclaimerRiskOf,
  type Innovation,
  isResultYear,
  nextSteps,
  type Opd,
  type ProvinceRow,
  predicateOfYear,
  provinceRowOf,
  type SummaryInput,
} from '../../src/index.ts';
import { checkEligibility, getRubric, type ProjectionInnovation } from '../../src/scoring/index.ts';

describe('official results: the predicate of the result’s own year', () => {
  it.each([
    [2022, 60, 'Inovatif', 'confirmed'],
    [2022, 60.01, 'Sangat Inovatif', 'confirmed'],
    [2023, 53, 'Inovatif', 'confirmed'],
    [2023, 34.99, 'Kurang Inovatif', 'confirmed'],
    [2024, 43, 'Inovatif', 'confirmed'],
    [2024, 57.64, 'Inovatif', 'confirmed'],
    [2025, 62, 'Inovatif', 'assumed'],
    [2025, 65.01, 'Sangat Inovatif', 'confirmed'],
    [2026, 65, 'Inovatif', 'inferred'],
    [2026, 0, 'Tidak Dapat Dinilai', 'confirmed'],
  ] as const)('%i: %d is %s (%s)', (year, index, predicate, status) => {
    const result = predicateOfYear(year, index);
    expect(result?.predicate).toBe(predicate);
    if (index > 0) expect(result?.status).toBe(status);
  });

  it('knows the bands of 2022 onwards and no earlier; results only up to the current year', () => {
    expect(bandsOfYear(2021)).toBeUndefined();
    expect(bandsOfYear(2024)?.[0]).toMatchObject({ predicate: 'Sangat Inovatif', min: 60.01 });
    expect(bandsOfYear(2026)?.[0]).toMatchObject({ predicate: 'Sangat Inovatif', min: 65.01 });
    expect(isResultYear(2021, 2026)).toBe(false);
    expect(isResultYear(2026, 2026)).toBe(true);
    expect(isResultYear(2027, 2026)).toBe(false);
  });
});

const rubric = getRubric('iid-2026');
const opds: Opd[] = ['opd-a', 'opd-b'].map((id) => ({
  id,
  name: id === 'opd-a' ? 'Dinas Kesehatan' : 'Dinas Pendidikan',
  kind: 'dinas',
  archived: false,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}));

function innovation(index: number, status: Innovation['status']): Innovation {
  return {
    id: `i${index}`,
    tenantCode: '35.22',
    opdId: index % 2 ? 'opd-a' : 'opd-b',
    status,
    archived: false,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'u',
    updatedBy: 'u',
    periodYear: 2026,
    profile: {
      name: `Inovasi ${index}`,
      stage: 'penerapan',
      urusanMain: index % 2 ? 'kesehatan' : 'pendidikan',
      implementationDate: '2025-02-03',
    },
    answers: { 'sid.16': { level: 3, updatedAt: 'x', updatedBy: 'u' } },
  };
}

function inputOf(innovations: Innovation[]): SummaryInput {
  const projection: ProjectionInnovation[] = innovations.map((item) => ({
    id: item.id,
    opdId: item.opdId,
    status: item.status === 'rejected' ? 'rejected' : 'draft',
    eligible: true,
    urusan: item.profile.urusanMain ? [item.profile.urusanMain] : [],
    answers: { 'sid.16': { level: 3, verified: item.status === 'verified' } },
  }));
  return {
    tenant: { code: '35.22', name: 'Kabupaten Bojonegoro', kind: 'kabupaten', provinceCode: '35' },
    year: 2026,
    state: { rubricId: rubric.id, spd: {}, innovations: projection },
    innovations,
    eligibility: new Map(innovations.map((item) => [item.id, checkEligibility(item.profile, rubric)])),
    opds,
    defaultOpdTarget: 2,
    period: { internalDeadline: '2026-08-01', nationalDeadline: '2026-08-20' },
    results: [
      {
        year: 2025,
        index: 41.5,
        rank: 318,
        rankOf: 415,
        enteredBy: 'u',
        enteredAt: '2026-01-05T08:00:00.000Z',
        version: 1,
      },
    ],
    contacts: [
      { role: 'verifier', name: 'Verifikator', email: 'v@demo.local' },
      { role: 'tenant_admin', name: 'Admin', email: 'a@demo.local' },
    ],
  };
}

describe('the region summary', () => {
  const innovations = [
    innovation(1, 'draft'),
    innovation(2, 'returned'),
    innovation(3, 'verified'),
    innovation(4, 'rejected'),
    innovation(5, 'returned'),
  ];

  it('is the same whatever order its sources were read in', () => {
    const forward = buildRegionSummary(inputOf(innovations));
    const backward = buildRegionSummary(inputOf([...innovations].reverse()));
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  it('counts by status, stage and urusan, and carries last year’s official result', () => {
    const { summary, innovations: briefs } = buildRegionSummary(inputOf(innovations));
    expect(summary.innovations.total).toBe(5);
    expect(summary.innovations.byStatus).toMatchObject({ draft: 1, returned: 2, verified: 1, rejected: 1 });
    expect(summary.innovations.byStage.penerapan).toBe(5);
    expect(summary.innovations.byUrusan).toEqual([
      { urusan: 'kesehatan', basicService: true, count: 3 },
      { urusan: 'pendidikan', basicService: true, count: 2 },
    ]);
    expect(summary.innovations.sent).toBe(1);
    expect(summary.emptySeats).toBe(7);
    expect(summary.lastYear).toMatchObject({ year: 2025, predicate: 'Inovatif', rank: 318 });
    expect(summary.contacts.map((contact) => contact.role)).toEqual(['tenant_admin', 'verifier']);
    expect(summary.completeness).toBeNull();
    expect(briefs.map((brief) => brief.id)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
    expect(briefs[0]).toMatchObject({ opdName: 'Dinas Kesehatan', kematanganClaimed: expect.any(Number) });
  });

  it('warns from the row on the day it is read', () => {
    const { summary } = buildRegionSummary(inputOf(innovations));
    const row = { ...provinceRowOf(summary), computedAt: '2026-08-01T00:00:00.000Z' };
    // Sent: one (rejected counts as sent), so no "Tidak Dapat Dinilai" risk.
    expect(disclaimerRiskOf(row, '2026-08-18')).toBe('none');
    const nothingSent: ProvinceRow = { ...row, innovations: { ...row.innovations, sent: 0 } };
    expect(disclaimerRiskOf(nothingSent, '2026-07-01')).toBe('none');
    expect(disclaimerRiskOf(nothingSent, '2026-07-25')).toBe('watch');
    expect(disclaimerRiskOf(nothingSent, '2026-08-15')).toBe('high');
    expect(disclaimerRiskOf(nothingSent, '2026-09-01')).toBe('high');
    expect(disclaimerRiskOf({ ...nothingSent, deadlines: null }, '2026-08-15')).toBe('unknown');

    const view = cockpitRow({ ...nothingSent, computedAt: row.computedAt }, '2026-08-15');
    expect(view.daysToNationalDeadline).toBe(5);
    expect(view.warnings.map((warning) => warning.code)).toEqual([
      'not_assessable_risk',
      'below_last_year',
      'many_returned',
    ]);
    expect(view.changeSinceLastYear?.claimed).toBeCloseTo(summary.claimed.index - 41.5, 2);
  });

  it('names the next steps, most urgent first', () => {
    const { summary } = buildRegionSummary(inputOf(innovations));
    const steps = nextSteps({ ...summary, innovations: { ...summary.innovations, sent: 0 } }, '2026-08-15');
    expect(steps.map((step) => step.code)).toEqual([
      'send_before_deadline',
      'fill_empty_seats',
      'cover_basic_services',
      'get_evidence_accepted',
      'fix_returned',
      // The test profiles lack mandatory fields: every one would be rejected if sent.
      'fix_ineligible',
      'chase_opds',
    ]);
    expect(steps.find((step) => step.code === 'fill_empty_seats')?.amount).toBe(7);
  });
});
