import type { Language } from '../i18n/messages.ts';
import type { Rubric } from '../rubrics/index.ts';

/** What an innovation's mandatory indicator still lacks before the innovation may be marked ready. */
export interface ReadinessGap {
  readonly code: string;
  readonly name: string;
  /** `unanswered`: no level selected; `no_evidence`: answered, but no attached evidence passed intake. */
  readonly missing: 'unanswered' | 'no_evidence';
}

/**
 * The mandatory indicators (`mandatory: true` in the rubric) an innovation has not answered with
 * evidence. Marking it ready requires none: the badge alone let innovations go to BSKDN without the
 * indicators it rejects them for (issue 18, item 4).
 */
export function readinessGaps(
  rubric: Rubric,
  answeredLevel: (code: string) => number,
  hasEvidence: (code: string) => boolean,
): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  for (const indicator of rubric.sidIndicators) {
    if (!indicator.mandatory) continue;
    const { code, name } = indicator;
    if (answeredLevel(code) <= 0) gaps.push({ code, name, missing: 'unanswered' });
    else if (!hasEvidence(code)) gaps.push({ code, name, missing: 'no_evidence' });
  }
  return gaps;
}

const SENTENCES: Record<ReadinessGap['missing'], Record<Language, (name: string) => string>> = {
  unanswered: {
    id: (name) => `Indikator wajib "${name}" belum dijawab.`,
    en: (name) => `The mandatory indicator "${name}" is not answered.`,
  },
  no_evidence: {
    id: (name) => `Indikator wajib "${name}" belum dilengkapi data dukung.`,
    en: (name) => `The mandatory indicator "${name}" has no evidence attached.`,
  },
};

/** The sentence a person reads for one gap: the indicator by its name, never by its code. */
export const readinessGapSentence = (gap: ReadinessGap, language: Language): string =>
  SENTENCES[gap.missing][language](gap.name);

const REVIEW_PENDING: Record<Language, (name: string) => string> = {
  id: (name) => `Jawaban indikator "${name}" belum diterima verifikator.`,
  en: (name) => `The answer to the indicator "${name}" has not been accepted by the verifier yet.`,
};

/** Why `verify` waits on one answer, named by its indicator: a code such as `sid.17` means nothing to people. */
export const reviewPendingSentence = (name: string, language: Language): string =>
  REVIEW_PENDING[language](name);

const figure = (value: number, language: Language): string =>
  new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(value);

/** The region's send threshold, as a sentence with both figures written the reader's way (20,5 in Bahasa). */
export const belowThresholdSentence = (kematangan: number, minimum: number, language: Language): string =>
  language === 'id'
    ? `Kematangan terverifikasi ${figure(kematangan, language)} masih di bawah batas minimal daerah ${figure(minimum, language)}; kurang ${figure(minimum - kematangan, language)} poin.`
    : `The verified maturity ${figure(kematangan, language)} is below the region's minimum of ${figure(minimum, language)}; ${figure(minimum - kematangan, language)} points short.`;
