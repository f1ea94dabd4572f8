import { describe, expect, it } from 'vitest';
import {
  canShare,
  completenessOf,
  DEFAULT_EVIDENCE_LIMITS,
  dateWindowFor,
  type Evidence,
  evidenceLimitsFrom,
  evidenceTargetInputSchema,
  evidenceUploadInputSchema,
  extensionMatches,
  indicatorEvidence,
  linkFindings,
  parseVideoLink,
  parseWebLink,
  sumCompleteness,
  windowDates,
} from '../src/index.ts';
import { getRubric, type Rubric, validateRubric } from '../src/scoring/index.ts';
import { evidenceFixture } from './fixtures.ts';

const rubric = getRubric('iid-2026');
const sid = (code: string) => rubric.sidIndicators.find((indicator) => indicator.code === code)!;

const evidence = evidenceFixture;
const linked = (...items: Evidence[]) =>
  items.map((item) => ({ evidence: item, linkedAt: '2026-01-06T00:00:00.000Z' }));
const accepted = { status: 'accepted' as const, by: 'v', at: '2026-01-07T00:00:00.000Z' };

describe('video and web links', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    [
      'https://drive.google.com/file/d/1A2b3C4d5E6f7G8h9/view?usp=sharing',
      'google_drive',
      '1A2b3C4d5E6f7G8h9',
    ],
    ['https://drive.google.com/open?id=1A2b3C4d5E6f7G8h9', 'google_drive', '1A2b3C4d5E6f7G8h9'],
    ['https://www.tiktok.com/@diskominfo/video/7212345678901234567', 'tiktok', '7212345678901234567'],
    ['https://www.instagram.com/reel/C1a2B3c4D5e/', 'instagram', 'C1a2B3c4D5e'],
  ])('recognises %s', (url, host, id) => {
    expect(parseVideoLink(url)).toMatchObject({ host, videoId: id });
  });

  it.each([
    'http://youtu.be/dQw4w9WgXcQ',
    'https://youtube.com/watch?v=short',
    'https://vimeo.com/123456',
    'https://user:pw@youtu.be/dQw4w9WgXcQ',
    'https://drive.google.com/drive/folders/abc',
    'bukan tautan',
  ])('refuses %s', (url) => {
    expect(parseVideoLink(url)).toBeUndefined();
  });

  it('gives one canonical address per video, so duplicates are found', () => {
    expect(parseVideoLink('https://youtu.be/dQw4w9WgXcQ?t=3')?.canonicalUrl).toBe(
      parseVideoLink('https://www.youtube.com/watch?v=dQw4w9WgXcQ')?.canonicalUrl,
    );
  });

  it('accepts https web pages and drops the fragment', () => {
    expect(parseWebLink('https://inovasi.go.id/pedoman#bab-1')?.canonicalUrl).toBe(
      'https://inovasi.go.id/pedoman',
    );
    expect(parseWebLink('http://inovasi.go.id')).toBeUndefined();
  });
});

describe('upload requests', () => {
  const valid = {
    kind: 'sk',
    title: 'SK Inovasi',
    fileName: 'sk.PDF',
    mediaType: 'application/pdf',
    size: 1000,
    sha256: 'a'.repeat(64),
  };

  it('matches the file name to the media type', () => {
    expect(extensionMatches('foto.JPEG', 'image/jpeg')).toBe(true);
    expect(extensionMatches('foto.png', 'image/jpeg')).toBe(false);
    expect(extensionMatches('tanpa-ekstensi', 'application/pdf')).toBe(false);
    expect(evidenceUploadInputSchema.safeParse(valid).success).toBe(true);
    const mismatch = evidenceUploadInputSchema.safeParse({ ...valid, fileName: 'sk.docx' });
    expect(mismatch.error?.issues[0]?.path).toEqual(['fileName']);
  });

  it('refuses a validity period that ends before it starts', () => {
    const result = evidenceUploadInputSchema.safeParse({
      ...valid,
      validFrom: '2026-01-01',
      validUntil: '2025-01-01',
    });
    expect(result.error?.issues[0]?.path).toEqual(['validUntil']);
  });

  it('asks each link target for its own fields', () => {
    expect(evidenceTargetInputSchema.safeParse({ type: 'spd', year: 2026 }).error?.issues[0]?.path).toEqual([
      'row',
    ]);
    expect(
      evidenceTargetInputSchema.safeParse({ type: 'innovation', innovationId: 'x' }).error?.issues[0]?.path,
    ).toEqual(['indicator']);
    expect(evidenceTargetInputSchema.safeParse({ type: 'agreement', agreementId: 'a1' }).success).toBe(true);
  });

  it('reads limits from the environment, falling back to the defaults', () => {
    expect(evidenceLimitsFrom({})).toEqual(DEFAULT_EVIDENCE_LIMITS);
    expect(
      evidenceLimitsFrom({ EVIDENCE_MAX_DOCUMENT_MB: '5', EVIDENCE_TENANT_QUOTA_GB: 'x' }),
    ).toMatchObject({
      maxDocumentBytes: 5 * 1024 * 1024,
      tenantQuotaBytes: DEFAULT_EVIDENCE_LIMITS.tenantQuotaBytes,
    });
  });
});

describe('the rubric’s evidence rules', () => {
  it('gives sid.16 a window per level: an SK of the year, or a regulation in force from before it', () => {
    expect(windowDates(dateWindowFor(rubric, 'sid.16', 1)!, 2026)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(windowDates(dateWindowFor(rubric, 'sid.16', 3)!, 2026)).toEqual({
      to: '2025-12-31',
      inForce: true,
    });
    expect(windowDates(dateWindowFor(rubric, 'sid.17', 2)!, 2026)).toEqual({
      from: '2024-01-01',
      to: '2026-12-31',
    });
    expect(dateWindowFor(rubric, 'sid.19', 2)).toBeUndefined();
  });

  it('lets a file support the same indicator everywhere, and indicators of one group', () => {
    expect(canShare(rubric, 'sid.16', 'sid.16')).toBe(true);
    expect(canShare(rubric, 'sid.17', 'sid.23')).toBe(true);
    expect(canShare(rubric, 'sid.17', 'sid.35')).toBe(false);
  });

  it('is checked with the rubric: unknown codes and reversed windows are problems', () => {
    const broken: Rubric = {
      ...rubric,
      evidenceRules: {
        ...rubric.evidenceRules!,
        dateWindows: { 'sid.99': { fromYear: 0, toYear: -1 } },
        sharingGroups: [['sid.16', 'spd.42']],
      },
    };
    expect(validateRubric(broken).problems).toEqual([
      'evidence date window for unknown indicator sid.99',
      'evidence date window of sid.99 ends before it starts',
      'evidence sharing group names unknown indicator spd.42',
    ]);
    expect(validateRubric(rubric).valid).toBe(true);
  });
});

describe('an indicator’s evidence checklist', () => {
  it('walks from not answered to verified', () => {
    const states = [
      indicatorEvidence(rubric, sid('sid.17'), undefined, [], 2026),
      indicatorEvidence(rubric, sid('sid.17'), { level: 2 }, [], 2026),
      indicatorEvidence(rubric, sid('sid.17'), { level: 2 }, linked(evidence({ status: 'pending' })), 2026),
      indicatorEvidence(rubric, sid('sid.17'), { level: 2 }, linked(evidence()), 2026),
      indicatorEvidence(
        rubric,
        sid('sid.17'),
        { level: 2, review: { status: 'returned', by: 'v', at: accepted.at } },
        linked(evidence()),
        2026,
      ),
      indicatorEvidence(rubric, sid('sid.17'), { level: 2, review: accepted }, linked(evidence()), 2026),
    ];
    expect(states.map((state) => [state.state, state.missing])).toEqual([
      ['not_answered', []],
      ['missing_evidence', ['evidence', 'verification']],
      ['awaiting_intake', ['passed_evidence', 'verification']],
      ['awaiting_verification', ['verification']],
      ['returned', ['verification']],
      ['verified', []],
    ]);
  });

  it('never counts an accepted answer whose evidence was rejected or deleted', () => {
    const rejected = indicatorEvidence(
      rubric,
      sid('sid.17'),
      { level: 3, review: accepted },
      linked(evidence({ status: 'rejected' })),
      2026,
    );
    expect(rejected.state).toBe('missing_evidence');
    const deleted = indicatorEvidence(
      rubric,
      sid('sid.17'),
      { level: 3, review: accepted },
      linked(evidence({ deleted: { by: 'u', at: accepted.at, reason: 'salah' } })),
      2026,
    );
    expect(deleted).toMatchObject({ state: 'missing_evidence', attached: [] });
  });

  it('shows what the chosen level asks for, for sid.33 from the chosen basis', () => {
    const view = indicatorEvidence(rubric, sid('sid.33'), { level: 2, basis: 'c' }, [], 2026);
    expect(view.requirement).toMatchObject({
      level: 2,
      text: 'Efisiensi belanja 10,01%–20,00%',
      fileKinds: ['pdf'],
      dates: { from: '2024-01-01', to: '2026-12-31' },
    });
  });

  it('flags dates, validity, file kinds and sharing for one use of a file', () => {
    const context = {
      rubric,
      code: 'sid.16',
      level: 2,
      periodYear: 2026,
      requirement: sid('sid.16').levels[1].evidence,
    };
    const perkada = evidence({
      kind: 'perkada',
      documentDate: '2026-02-01',
      validUntil: '2025-06-30',
      fileKind: 'jpg',
      linkedCodes: { 'sid.16': 3, 'sid.35': 1, 'sid.17': 1, agreement: 1 },
      intake: { checkedAt: accepted.at, checkedBy: 'api', findings: [{ code: 'needs_readable_copy' }] },
    });
    expect(linkFindings(context, perkada)).toEqual([
      { code: 'needs_readable_copy' },
      { code: 'file_kind_not_accepted', refs: ['pdf'] },
      { code: 'date_outside_window', refs: ['', '2025-12-31'] },
      { code: 'not_valid_in_period' },
      { code: 'shared_across_indicators', refs: ['sid.35'] },
    ]);
    expect(
      linkFindings(context, evidence({ kind: 'perkada', documentDate: undefined, validFrom: '2024-01-01' })),
    ).toEqual([{ code: 'document_date_missing' }]);
  });
});

describe('completeness', () => {
  it('counts answered, evidenced and verified indicators and adds them up', () => {
    const views = [
      indicatorEvidence(rubric, sid('sid.16'), { level: 1, review: accepted }, linked(evidence()), 2026),
      indicatorEvidence(rubric, sid('sid.17'), { level: 2 }, linked(evidence()), 2026),
      indicatorEvidence(rubric, sid('sid.18'), { level: 2 }, [], 2026),
      indicatorEvidence(rubric, sid('sid.19'), undefined, [], 2026),
    ];
    const one = completenessOf(views, 20);
    expect(one).toEqual({
      total: 20,
      answered: 3,
      evidenced: 2,
      verified: 1,
      shares: { answered: 0.15, evidenced: 0.1, verified: 0.05 },
    });
    expect(sumCompleteness([one, one]).shares).toEqual(one.shares);
    expect(sumCompleteness([]).shares).toEqual({ answered: 0, evidenced: 0, verified: 0 });
  });
});
