import { describe, expect, it } from 'vitest';
import {
  applyIntake,
  awaitsIntake,
  decideIntake,
  type Evidence,
  type IntakeFacts,
  quotaRefused,
} from '../src/index.ts';

const AT = '2026-03-01T08:00:00.000Z';

const pending: Evidence = {
  id: 'ev-1',
  tenantCode: '35.22',
  source: 'upload',
  kind: 'sk',
  title: 'SK Tim Inovasi',
  fileName: 'sk.pdf',
  mediaType: 'application/pdf',
  size: 1000,
  sha256: 'a'.repeat(64),
  public: false,
  status: 'pending',
  linkedCodes: {},
  version: 1,
  createdAt: '2026-03-01T07:00:00.000Z',
  updatedAt: '2026-03-01T07:00:00.000Z',
  createdBy: 'u',
  updatedBy: 'u',
};

const facts = (overrides: Partial<IntakeFacts> = {}): IntakeFacts => ({
  evidenceId: 'ev-1',
  mediaType: 'application/pdf',
  size: 1000,
  inspection: {
    passed: true,
    measured: { size: 1000, mediaType: 'application/pdf', sha256: 'a'.repeat(64), textLayer: true },
  },
  checkedAt: AT,
  checkedBy: 'api',
  quotaBytes: 10_000,
  sameBytes: [],
  ...overrides,
});

describe('awaitsIntake', () => {
  it('runs on a pending upload with an object key only', () => {
    expect(awaitsIntake({ ...pending, objectKey: 'k' })).toBe(true);
    expect(awaitsIntake(pending)).toBe(false);
    expect(awaitsIntake({ ...pending, objectKey: 'k', status: 'passed' })).toBe(false);
    expect(awaitsIntake({ ...pending, objectKey: 'k', status: 'rejected' })).toBe(false);
    expect(awaitsIntake({ ...pending, objectKey: 'k', source: 'url' })).toBe(false);
    expect(awaitsIntake({ ...pending, objectKey: 'k', deleted: { by: 'u', at: AT, reason: 'x' } })).toBe(
      false,
    );
  });
});

describe('decideIntake', () => {
  it('passes clean bytes with the file kind of the announced type and only measured facts', () => {
    const decision = decideIntake(facts());
    expect(decision).toEqual({
      verdict: 'pass',
      fileKind: 'pdf',
      intake: {
        checkedAt: AT,
        checkedBy: 'api',
        mediaType: 'application/pdf',
        size: 1000,
        sha256: 'a'.repeat(64),
        textLayer: true,
        findings: [],
      },
    });
  });

  it('keeps the inspection refusal with what was measured and no findings', () => {
    const decision = decideIntake(
      facts({
        inspection: {
          passed: false,
          rejection: 'type_mismatch',
          measured: { size: 1000, mediaType: 'image/png' },
        },
      }),
    );
    expect(decision).toEqual({
      verdict: 'reject',
      rejection: 'type_mismatch',
      intake: { checkedAt: AT, checkedBy: 'api', mediaType: 'image/png', size: 1000, findings: [] },
    });
  });

  it('refuses a file larger than the whole quota even when its bytes are fine', () => {
    const decision = decideIntake(facts({ size: 20_000, sameBytes: [{ id: 'ev-0', status: 'passed' }] }));
    expect(decision.verdict).toBe('reject');
    expect(decision.verdict === 'reject' && decision.rejection).toBe('quota_exceeded');
    expect(decision.intake.findings).toEqual([]);
  });

  it('flags an image-only scan, an unknown video duration and passed duplicates, not itself', () => {
    const scan = decideIntake(
      facts({
        inspection: { passed: true, measured: { size: 1000, textLayer: false } },
        sameBytes: [
          { id: 'ev-1', status: 'pending' },
          { id: 'ev-0', status: 'passed' },
          { id: 'ev-2', status: 'pending' },
          { id: 'ev-3', status: 'passed', deleted: { by: 'u', at: AT, reason: 'x' } },
        ],
      }),
    );
    expect(scan.intake.findings).toEqual([
      { code: 'needs_readable_copy' },
      { code: 'duplicate', refs: ['ev-0'] },
    ]);
    const video = decideIntake(
      facts({ mediaType: 'video/mp4', inspection: { passed: true, measured: { size: 1000 } } }),
    );
    expect(video).toMatchObject({ verdict: 'pass', fileKind: 'mp4' });
    expect(video.intake.findings).toEqual([{ code: 'video_duration_unknown' }]);
    const timed = decideIntake(
      facts({
        mediaType: 'video/mp4',
        inspection: { passed: true, measured: { size: 1000, durationSeconds: 42 } },
      }),
    );
    expect(timed.intake).toMatchObject({ durationSeconds: 42, findings: [] });
  });
});

describe('quotaRefused and applyIntake', () => {
  it('turns a pass whose bytes no longer fit into a quota refusal without findings', () => {
    const pass = decideIntake(
      facts({ inspection: { passed: true, measured: { size: 1000, textLayer: false } } }),
    );
    const refused = quotaRefused(pass);
    expect(refused).toEqual({
      verdict: 'reject',
      rejection: 'quota_exceeded',
      intake: { ...pass.intake, findings: [] },
    });
  });

  it('leaves the item passed with its file kind, or rejected with the reason in its intake', () => {
    const pass = decideIntake(facts());
    expect(applyIntake(pending, pass)).toEqual({
      ...pending,
      status: 'passed',
      intake: pass.intake,
      fileKind: 'pdf',
      updatedAt: AT,
    });
    const reject = decideIntake(
      facts({ inspection: { passed: false, rejection: 'too_large', measured: { size: 9 } } }),
    );
    const rejected = applyIntake(pending, reject);
    expect(rejected.status).toBe('rejected');
    expect(rejected.intake?.rejection).toBe('too_large');
    expect(rejected.fileKind).toBeUndefined();
    expect(rejected.updatedAt).toBe(AT);
  });
});
