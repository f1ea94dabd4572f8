import { describe, expect, it } from 'vitest';
import { dateWindowFor, linkFindings, windowDates } from '../../packages/core/src/evidence/rules.ts';
import type { Evidence } from '../../packages/core/src/evidence/schemas.ts';
import { getRubric } from '../../packages/core/src/rubrics/index.ts';
import { type Period, periodLock } from '../../packages/core/src/workflow/periods.ts';
import { ApiError } from '../src/api/errors.ts';
import type { Innovation } from '../src/api/model.ts';
import { parseDateInput } from '../src/components/dateInput.ts';
import { describeError } from '../src/components/errorText.ts';
import { regionLine, urusanLabel } from '../src/features/catalog/labels.ts';
import { documentDateRequired } from '../src/features/evidence/documentDate.ts';
import { operatorDeadline } from '../src/features/workflow/deadline.ts';
import { stepBlocker } from '../src/features/workflow/permissions.ts';
import type { Translate } from '../src/i18n/I18nProvider.tsx';
import { id } from '../src/i18n/id.ts';
import { idPolish } from '../src/i18n/id-polish.ts';

const dictionary: Record<string, string> = { ...id, ...idPolish };
const t: Translate = (key) => dictionary[key] ?? key;

const period = (overrides: Partial<Period> = {}): Period => ({
  year: 2026,
  rubricId: 'iid-2026',
  internalDeadline: '2026-12-20',
  nationalDeadline: '2027-01-10',
  extensions: [],
  openedAt: '2026-01-02T00:00:00.000Z',
  openedBy: 'admin',
  version: 1,
  ...overrides,
});
const extension = (until: string, opdId?: string) => ({
  ...(opdId ? { opdId } : {}),
  until,
  reason: 'banjir',
  by: 'admin',
  at: '2026-12-01T00:00:00.000Z',
});

describe("the operator's deadline", () => {
  it('counts the days to the internal deadline, the day itself still open', () => {
    // Act
    const deadline = operatorDeadline(period(), 'opd-1', '2026-12-06');

    // Assess
    expect(deadline).toEqual({ lastDay: '2026-12-20', daysLeft: 14, extended: false, lock: 'open' });
    expect(operatorDeadline(period(), 'opd-1', '2026-12-20').daysLeft).toBe(0);
  });

  it("follows an extension for the operator's OPD or for every OPD, not another OPD's", () => {
    const extended = period({
      extensions: [extension('2026-12-27', 'opd-2'), extension('2026-12-24', 'opd-1')],
    });
    expect(operatorDeadline(extended, 'opd-1', '2026-12-22')).toMatchObject({
      lastDay: '2026-12-24',
      daysLeft: 2,
      extended: true,
      lock: 'open',
    });
    expect(
      operatorDeadline(period({ extensions: [extension('2026-12-23')] }), 'opd-9', '2026-12-21'),
    ).toMatchObject({ lastDay: '2026-12-23', daysLeft: 2, lock: 'open' });
    expect(operatorDeadline(extended, 'opd-3', '2026-12-22')).toMatchObject({
      lastDay: '2026-12-20',
      daysLeft: -2,
      lock: 'operators_locked',
    });
  });

  it("locks on the same days as the server's rule", () => {
    const extended = period({
      extensions: [
        extension('2026-12-27', 'opd-2'),
        extension('2026-12-24', 'opd-1'),
        extension('2026-12-22'),
      ],
    });
    for (let day = 10; day <= 41; day += 1) {
      const today = new Date(Date.UTC(2026, 11, day)).toISOString().slice(0, 10);
      for (const opdId of ['opd-1', 'opd-2', 'opd-3', undefined]) {
        expect(operatorDeadline(extended, opdId, today).lock, `${opdId} on ${today}`).toBe(
          periodLock(extended, today, opdId),
        );
      }
    }
  });

  it('never promises a day past the national deadline', () => {
    const late = period({ extensions: [extension('2027-02-01')] });
    expect(operatorDeadline(late, 'opd-1', '2027-01-05').lastDay).toBe('2027-01-10');
  });
});

describe('errors a person can see', () => {
  it('describes a gateway’s non-JSON 503 in Bahasa Indonesia instead of “Service Unavailable”', () => {
    // openapi-fetch passes the raw text when the body is not JSON; API Gateway sends a JSON of its own.
    for (const body of ['Service Unavailable', { message: 'Service Unavailable' }, undefined]) {
      const text = describeError(new ApiError(503, body as never), t);
      expect(text).toBe(idPolish['app.error.unavailable']);
      expect(text).not.toMatch(/Service Unavailable|HTTP/);
    }
    expect(describeError(new ApiError(502, '<html>Bad Gateway</html>' as never), t)).toBe(
      idPolish['app.error.unavailable'],
    );
    expect(describeError(new ApiError(500, 'Internal Server Error' as never), t)).toBe(
      idPolish['app.error.server'],
    );
    expect(describeError(new ApiError(429, { message: 'Too Many Requests' } as never), t)).toBe(
      idPolish['app.error.tooMany'],
    );
  });

  it("keeps the API's own localised sentence", () => {
    const error = new ApiError(503, {
      error: { code: 'service_unavailable', message: 'Layanan data sedang sibuk.' },
    } as never);
    expect(describeError(error, t)).toBe('Layanan data sedang sibuk.');
  });
});

describe('steps the server would refuse', () => {
  const innovation = (answers: Innovation['answers']) =>
    ({ status: 'in_review', archived: false, answers }) as unknown as Innovation;
  const accepted = { status: 'accepted', by: 'v', at: '2026-01-07T00:00:00.000Z' } as const;

  it('blocks “Nyatakan terverifikasi” while an answer with a level is not accepted', () => {
    const pending = innovation({
      'sid.16': { level: 2, review: accepted },
      'sid.17': { level: 1 },
      'sid.18': { level: 1, review: { ...accepted, status: 'returned', note: 'x' } },
      'sid.19': { level: 0 },
    } as unknown as Innovation['answers']);
    expect(stepBlocker('verify', pending)).toEqual({ kind: 'answers_not_reviewed', count: 2 });
    expect(stepBlocker('return', pending)).toBeUndefined();
    expect(
      stepBlocker('verify', innovation({ 'sid.16': { level: 2, review: accepted } } as never)),
    ).toBeUndefined();
  });
});

describe('the evidence date', () => {
  const upload = { source: 'upload', status: 'passed', documentDate: undefined } as unknown as Evidence;

  it('is asked for exactly where an undated upload would be flagged', () => {
    const rubric = getRubric('iid-2026');
    let required = 0;
    for (const indicator of rubric.sidIndicators) {
      for (const level of [1, 2, 3]) {
        const window = dateWindowFor(rubric, indicator.code, level);
        const dates = window ? windowDates(window, 2026) : undefined;
        const flagged = linkFindings({ rubric, code: indicator.code, level, periodYear: 2026 }, upload).some(
          (finding) => finding.code === 'document_date_missing',
        );
        expect(documentDateRequired(dates), `${indicator.code} level ${level}`).toBe(flagged);
        if (flagged) required += 1;
      }
    }
    expect(required).toBeGreaterThan(0);
  });
});

describe('the public catalogue', () => {
  it('names an urusan, not its code', () => {
    expect(urusanLabel('penanaman_modal')).toBe('Penanaman Modal');
    expect(urusanLabel('kesehatan')).toBe('Kesehatan');
  });

  it("names a province once on a province's own innovation", () => {
    const province = { code: '35', name: 'Provinsi Jawa Timur' };
    expect(regionLine(province, province)).toBe('Provinsi Jawa Timur');
    expect(regionLine({ code: '35.22', name: 'Kabupaten Bojonegoro' }, province)).toBe(
      'Kabupaten Bojonegoro · Provinsi Jawa Timur',
    );
  });
});

describe('what a person types into a date field', () => {
  it('is read day first, with Indonesian or English month names, or in the ISO form', () => {
    expect(parseDateInput('20/12/2026')).toBe('2026-12-20');
    expect(parseDateInput('5-1-2027')).toBe('2027-01-05');
    expect(parseDateInput('20.12.2026')).toBe('2026-12-20');
    expect(parseDateInput('20 Desember 2026')).toBe('2026-12-20');
    expect(parseDateInput('17 Agu 2026')).toBe('2026-08-17');
    expect(parseDateInput('20 December 2026')).toBe('2026-12-20');
    expect(parseDateInput('2026-12-20')).toBe('2026-12-20');
  });

  it('is never read month first, and refuses a day the calendar does not have', () => {
    expect(parseDateInput('12/20/2026')).toBeNull();
    expect(parseDateInput('31/02/2026')).toBeNull();
    expect(parseDateInput('20/12/202')).toBeNull();
    expect(parseDateInput('besok')).toBeNull();
  });
});
