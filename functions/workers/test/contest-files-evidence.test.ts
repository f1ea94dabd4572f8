import { CONTEST_FILES_INDICATOR, linkFindings } from '@inovasi/core';
import { getRubric } from '@inovasi/core/scoring';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { evidenceFixture } from '../../../packages/core/test/fixtures.ts';
import { summaryChangeOfRecord } from '../src/summary-projector.ts';

/**
 * A contest winner's files are kept on the innovation under the pseudo-indicator `lomba`
 * (docs/decisions/0042): they support no answer, so they must not move a summary nor look like a
 * file shared across indicators.
 */
const evidenceRecord = (codes: Record<string, number>): DynamoDBRecord => {
  const image = {
    pk: { S: 'T#35.22#EVIDENCE' },
    sk: { S: 'EVIDENCE#ev-1' },
    linkedCodes: {
      M: Object.fromEntries(Object.entries(codes).map(([code, n]) => [code, { N: String(n) }])),
    },
  };
  return {
    eventID: '1',
    dynamodb: {
      Keys: { pk: { S: 'T#35.22#EVID#ev-1' }, sk: { S: 'A' } },
      OldImage: image,
      NewImage: image,
    },
  } as DynamoDBRecord;
};

describe('files kept from a contest', () => {
  it('an item linked only under lomba moves no summary; one also linked to an answer does', () => {
    expect(CONTEST_FILES_INDICATOR).toBe('lomba');
    const onlyContest = summaryChangeOfRecord(evidenceRecord({ lomba: 1 }));
    const answered = summaryChangeOfRecord(evidenceRecord({ lomba: 1, 'sid.16': 1 }));
    const nothing = summaryChangeOfRecord(evidenceRecord({}));
    expect(onlyContest).toEqual(nothing);
    expect(answered).toBeDefined();
    expect(answered).not.toEqual(onlyContest);
  });

  it('linking a winner’s file to an indicator does not flag it as shared with lomba', () => {
    const rubric = getRubric('iid-2026');
    const item = (linkedCodes: Record<string, number>) =>
      evidenceFixture({ kind: 'laporan', title: 'Proposal lomba', documentDate: '2026-03-01', linkedCodes });
    const context = { rubric, code: 'sid.16', level: 1, periodYear: 2026 };
    const codesOf = (linkedCodes: Record<string, number>) =>
      linkFindings(context, item(linkedCodes)).map((finding) => finding.code);
    expect(codesOf({ lomba: 1 })).not.toContain('shared_across_indicators');
    // The same item linked to an unrelated indicator is still flagged: the rule itself still runs.
    expect(codesOf({ lomba: 1, 'sid.35': 1 })).toContain('shared_across_indicators');
  });
});
