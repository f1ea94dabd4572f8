import { Anchor, List, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Innovation, Rubric } from '../../api/model.ts';
import { useSettings } from '../../api/queries.ts';
import { type Translate, useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { useEvidenceChecklist } from '../evidence/useEvidence.ts';
import { answerProgress, eligibilityOf, kematangan } from '../scoring/kematangan.ts';

interface Props {
  code: string;
  innovation: Innovation;
  rubric: Rubric | undefined;
  /** Where the list sits: the page's panel, or the confirmation dialog (ids must not repeat). */
  place: 'panel' | 'dialog';
}

type EvidenceChecklist = NonNullable<ReturnType<typeof useEvidenceChecklist>['data']>;

interface Gap {
  code: string;
  name: string;
  number: string;
  missing: 'unanswered' | 'no_evidence';
}

/**
 * What still stands between this draft and an innovation BSKDN would count, shown before it goes to
 * the verifier. Submitting stays possible (the verifier may return single answers), but marking it
 * ready later requires the mandatory indicators with evidence and the region's threshold (ADR 0017),
 * so the operator learns that now rather than from a refusal weeks later (ADR 0026).
 */
export function SubmissionChecklist({ code, innovation, rubric, place }: Props) {
  const t = useT();
  const format = useFormat();
  const checklist = useEvidenceChecklist(code, innovation.id);
  const settings = useSettings(code);
  if (!rubric) return null;

  const mandatoryGaps = findMandatoryGaps(rubric, innovation, checklist.data);
  const progress = answerProgress(rubric, innovation.answers);
  const withoutEvidence = (checklist.data?.indicators ?? []).filter(
    (entry) => entry.level > 0 && !entry.mandatory && entry.missing.includes('evidence'),
  ).length;
  const claimed = kematangan(rubric, innovation.answers, 'claimed');
  const threshold = settings.data?.minKematanganToSend ?? null;
  const eligibility = eligibilityOf(innovation.profile, rubric);
  const headingId = `cek-pengajuan-${place}`;

  return (
    <Stack
      gap="xs"
      component="section"
      aria-labelledby={headingId}
      data-testid={`submission-checklist-${place}`}
    >
      <Title order={place === 'panel' ? 3 : 2} size="h5" id={headingId}>
        {t('submission.title')}
      </Title>
      <List size="sm" spacing={6} center>
        <Item ok={progress.answered === progress.total} testId="check-answers">
          {t('submission.answers', { answered: progress.answered, total: progress.total })}
        </Item>
        <Item ok={mandatoryGaps.length === 0} testId="check-mandatory">
          {mandatoryGaps.length === 0
            ? t('submission.mandatoryOk')
            : t('submission.mandatoryMissing', { count: mandatoryGaps.length })}
          {mandatoryGaps.length > 0 && (
            <List size="sm" withPadding spacing={2} mt={2}>
              {mandatoryGaps.map((gap) => (
                <List.Item key={gap.code}>
                  <Anchor href={`#indikator-${gap.code.replace('.', '-')}`} size="sm">
                    {gap.number}. {gap.name}
                  </Anchor>{' '}
                  — {t(`submission.gap.${gap.missing}`)}
                </List.Item>
              ))}
            </List>
          )}
        </Item>
        <Item ok={withoutEvidence === 0} testId="check-evidence">
          {withoutEvidence === 0
            ? t('submission.evidenceOk')
            : t('submission.evidenceMissing', { count: withoutEvidence })}
        </Item>
        <Item ok={threshold === null || claimed >= threshold} testId="check-threshold">
          {thresholdText(claimed, threshold, t, format)}
        </Item>
        <Item ok={eligibility.eligible} testId="check-eligibility">
          {eligibility.eligible ? t('submission.eligibleOk') : t('submission.notEligible')}
        </Item>
      </List>
      <Text size="sm" data-testid="submission-meaning">
        {mandatoryGaps.length === 0 && eligibility.eligible && (threshold === null || claimed >= threshold)
          ? t('submission.meaningComplete')
          : t('submission.meaningIncomplete')}
      </Text>
    </Stack>
  );
}

/**
 * Mandatory indicators still unanswered, or answered without evidence that passed (known only once
 * the evidence checklist has loaded), in rubric order.
 */
function findMandatoryGaps(
  rubric: Rubric,
  innovation: Innovation,
  checklist: EvidenceChecklist | undefined,
): Gap[] {
  const evidence = new Map((checklist?.indicators ?? []).map((entry) => [entry.code, entry]));
  const hasPassedEvidence = (indicatorCode: string) => {
    const entry = evidence.get(indicatorCode);
    return (
      entry !== undefined && !entry.missing.includes('evidence') && !entry.missing.includes('passed_evidence')
    );
  };
  const mandatoryGaps: Gap[] = [];
  for (const indicator of rubric.sidIndicators) {
    if (!indicator.mandatory) continue;
    const level = innovation.answers[indicator.code]?.level ?? 0;
    const { code: indicatorCode, name, number } = indicator;
    if (level <= 0) mandatoryGaps.push({ code: indicatorCode, name, number, missing: 'unanswered' });
    else if (checklist && !hasPassedEvidence(indicatorCode))
      mandatoryGaps.push({ code: indicatorCode, name, number, missing: 'no_evidence' });
  }
  return mandatoryGaps;
}

/** The region's threshold beside the kematangan claimed, with the gap still to close when short. */
function thresholdText(
  claimed: number,
  threshold: number | null,
  t: Translate,
  format: ReturnType<typeof useFormat>,
): string {
  if (threshold === null) return t('submission.noThreshold');
  if (claimed >= threshold)
    return t('submission.thresholdClaimedOk', {
      claimed: format.decimal(claimed),
      min: format.decimal(threshold),
    });
  return t('submission.thresholdShort', {
    claimed: format.decimal(claimed),
    min: format.decimal(threshold),
    gap: format.decimal(threshold - claimed),
  });
}

function Item({ ok, testId, children }: { ok: boolean; testId: string; children: ReactNode }) {
  const t = useT();
  return (
    <List.Item
      data-testid={testId}
      data-state={ok ? 'ok' : 'missing'}
      icon={
        <ThemeIcon size={20} radius="xl" color={ok ? 'teal' : 'orange'} aria-hidden>
          <Text size="xs" fw={700} c="white" component="span">
            {ok ? '✓' : '!'}
          </Text>
        </ThemeIcon>
      }
    >
      <VisuallyHidden>{ok ? t('submission.done') : t('submission.todo')}: </VisuallyHidden>
      {children}
    </List.Item>
  );
}
