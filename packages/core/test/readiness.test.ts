import { describe, expect, it } from 'vitest';
import {
  belowThresholdSentence,
  getRubric,
  readinessGapSentence,
  readinessGaps,
  reviewPendingSentence,
} from '../src/scoring/index.ts';

const rubric = getRubric('iid-2026');

describe('readinessGaps', () => {
  it('lists each mandatory indicator not answered, or answered without evidence, in rubric order', () => {
    // Prepare: sid.16 complete, sid.17 answered without evidence, the other three not answered
    const levels: Record<string, number> = { 'sid.16': 2, 'sid.17': 1, 'sid.19': 3 };
    const evidenced = new Set(['sid.16', 'sid.19']);
    // Act
    const gaps = readinessGaps(
      rubric,
      (code) => levels[code] ?? 0,
      (code) => evidenced.has(code),
    );
    // Assess: sid.19 is not mandatory, so it never appears
    expect(gaps.map((gap) => [gap.code, gap.missing])).toEqual([
      ['sid.17', 'no_evidence'],
      ['sid.32', 'unanswered'],
      ['sid.33', 'unanswered'],
      ['sid.35', 'unanswered'],
    ]);
  });

  it('says what is missing in a sentence naming the indicator, in Bahasa Indonesia and English', () => {
    // Prepare
    const [gap] = readinessGaps(
      rubric,
      (code) => (code === 'sid.35' ? 2 : 1),
      (code) => code !== 'sid.35',
    );
    if (gap === undefined) throw new Error('no gap');
    // Act / Assess
    expect(readinessGapSentence(gap, 'id')).toBe(
      'Indikator wajib "Video inovasi daerah" belum dilengkapi data dukung.',
    );
    expect(readinessGapSentence(gap, 'en')).toBe(
      'The mandatory indicator "Video inovasi daerah" has no evidence attached.',
    );
  });

  it('has nothing to say once every mandatory indicator is answered with evidence', () => {
    // Act / Assess
    expect(
      readinessGaps(
        rubric,
        () => 1,
        () => true,
      ),
    ).toEqual([]);
  });
});

describe('refusal sentences', () => {
  it('names a waiting answer by its indicator and writes threshold figures the reader’s way', () => {
    // Act
    const waiting = reviewPendingSentence('Regulasi Inovasi Daerah', 'id');
    const below = belowThresholdSentence(20.5, 70, 'id');
    const belowEn = belowThresholdSentence(20.5, 70, 'en');
    // Assess
    expect(waiting).toBe('Jawaban indikator "Regulasi Inovasi Daerah" belum diterima verifikator.');
    expect(below).toBe(
      'Kematangan terverifikasi 20,5 masih di bawah batas minimal daerah 70; kurang 49,5 poin.',
    );
    expect(belowEn).toBe(
      "The verified maturity 20.5 is below the region's minimum of 70; 49.5 points short.",
    );
  });
});
