import {
  type AnswerReview,
  type Completeness,
  completenessOf,
  type GapAnalysis,
  gapAnalysis,
  type IndicatorEvidence,
  type Innovation,
  indicatorEvidence,
  type Opd,
  type SpdAnswers,
  type SummaryInnovation,
  sumCompleteness,
} from '@inovasi/core';
import {
  getRubric,
  KEMANFAATAN_CODE,
  type Rubric,
  type Sid33Basis,
  spdAnswerLevel,
} from '@inovasi/core/scoring';
import type { LinkedEvidence } from '@inovasi/data';

const asLinked = (entries: readonly LinkedEvidence[] | undefined) =>
  (entries ?? []).map((entry) => ({ evidence: entry.evidence, linkedAt: entry.link.linkedAt }));

/** Each SID indicator of one innovation: what its level asks for, what is attached, what is missing. */
export function innovationChecklist(
  rubric: Rubric,
  innovation: SummaryInnovation,
  linked: ReadonlyMap<string, readonly LinkedEvidence[]>,
): { indicators: IndicatorEvidence[]; completeness: Completeness } {
  const indicators = rubric.sidIndicators.map((indicator) => {
    const answer = innovation.answers?.[indicator.code];
    return indicatorEvidence(
      rubric,
      indicator,
      answer && {
        level: answer.level,
        basis: answer.basis as Sid33Basis | undefined,
        // A summary's contribution row keeps only the review's status (docs/decisions/0040): the
        // checklist's state and completeness, all a summary reads of it, depend on nothing else.
        review: answer.review as AnswerReview | undefined,
      },
      asLinked(linked.get(indicator.code)),
      innovation.periodYear,
    );
  });
  return { indicators, completeness: completenessOf(indicators) };
}

/** Each SPD row of a year, with the level a quantitative row derives from its figures. */
export function spdChecklist(
  rubric: Rubric,
  year: number,
  spd: SpdAnswers | undefined,
  linked: ReadonlyMap<string, readonly LinkedEvidence[]>,
): { rows: IndicatorEvidence[]; completeness: Completeness } {
  const rows = rubric.spdRows.map((row) => {
    const answer = spd?.answers[row.code];
    const level = answer
      ? spdAnswerLevel(row, {
          level: answer.level as 0 | 1 | 2 | 3 | undefined,
          figures: answer.figures,
          verified: false,
        })
      : 0;
    return indicatorEvidence(
      rubric,
      row,
      answer && { level, review: answer.review },
      asLinked(linked.get(row.code)),
      year,
    );
  });
  return { rows, completeness: completenessOf(rows) };
}

/** A region's evidence links by innovation and indicator, and by SPD row of one year. */
function groupLinks(links: readonly LinkedEvidence[], year: number) {
  const byInnovation = new Map<string, Map<string, LinkedEvidence[]>>();
  const bySpdRow = new Map<string, LinkedEvidence[]>();
  for (const entry of links) {
    const { target } = entry.link;
    if (target.type === 'innovation') {
      const codes = byInnovation.get(target.innovationId) ?? new Map<string, LinkedEvidence[]>();
      codes.set(target.indicator, [...(codes.get(target.indicator) ?? []), entry]);
      byInnovation.set(target.innovationId, codes);
    } else if (target.type === 'spd' && target.year === year) {
      bySpdRow.set(target.row, [...(bySpdRow.get(target.row) ?? []), entry]);
    }
  }
  return { byInnovation, bySpdRow };
}

/**
 * The period's gap heat map (docs/decisions/0028), from the same checklists as the completeness
 * figures, so the two screens never disagree about what is answered or evidenced.
 */
export function regionGaps(
  rubric: Rubric,
  year: number,
  innovations: readonly Innovation[],
  links: readonly LinkedEvidence[],
  opds: readonly Opd[],
): GapAnalysis {
  const { byInnovation } = groupLinks(links, year);
  return gapAnalysis(
    rubric,
    year,
    innovations.map((innovation) => ({
      id: innovation.id,
      name: innovation.profile.name,
      opdId: innovation.opdId,
      status: innovation.status,
      checklist: innovationChecklist(rubric, innovation, byInnovation.get(innovation.id) ?? new Map())
        .indicators,
      sid33Basis: innovation.answers?.[KEMANFAATAN_CODE]?.basis as Sid33Basis | undefined,
      nationalKematangan: innovation.finalKematangan,
    })),
    new Map(opds.map((opd) => [opd.id, opd.name])),
  );
}

/** Per innovation and for the region: answered, evidenced (passed intake) and verified shares. */
export function regionCompleteness(
  rubricId: string,
  year: number,
  innovations: readonly SummaryInnovation[],
  spd: SpdAnswers | undefined,
  links: readonly LinkedEvidence[],
) {
  const rubric = getRubric(rubricId);
  const { byInnovation, bySpdRow } = groupLinks(links, year);
  const perInnovation = innovations.map((innovation) => ({
    id: innovation.id,
    name: innovation.profile.name,
    opdId: innovation.opdId,
    status: innovation.status,
    completeness: innovationChecklist(rubric, innovation, byInnovation.get(innovation.id) ?? new Map())
      .completeness,
  }));
  return {
    year,
    rubricId,
    region: sumCompleteness(perInnovation.map((item) => item.completeness)),
    spd: spdChecklist(rubric, year, spd, bySpdRow).completeness,
    innovations: perInnovation,
  };
}
