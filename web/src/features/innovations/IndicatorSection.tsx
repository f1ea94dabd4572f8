import '../../i18n/id-evidence.ts';
import { Group, Stack, Text, Title } from '@mantine/core';
import type { Innovation, Rubric } from '../../api/model.ts';
import { ErrorState } from '../../components/PageStates.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useEvidenceChecklist } from '../evidence/useEvidence.ts';
import { answerProgress } from '../scoring/kematangan.ts';
import { IndicatorCard } from './IndicatorCard.tsx';
import { IndicatorJumpList } from './IndicatorJumpList.tsx';
import { isLocalId } from './offlineCreate.ts';

/** The innovation page's indicators: the jump list, then one card per SID indicator. */
export default function IndicatorSection(props: {
  code: string;
  innovation: Innovation;
  rubric: Rubric;
  canEdit: boolean;
  canReview: boolean;
}) {
  const t = useT();
  const { rubric, innovation } = props;
  const progress = answerProgress(rubric, innovation.answers);
  const checklist = useEvidenceChecklist(props.code, innovation.id);
  const evidenceOf = new Map((checklist.data?.indicators ?? []).map((entry) => [entry.code, entry]));
  return (
    <Stack gap="sm" component="section" aria-labelledby="indikator-judul">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h3" id="indikator-judul">
          {t('detail.indicators')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('detail.answered', { answered: progress.answered, total: progress.total })}
        </Text>
      </Group>
      <Text size="sm">{props.canEdit ? t('detail.indicatorsHint') : t('detail.indicatorsReadOnly')}</Text>
      {checklist.data && (
        <Text size="sm" data-testid="evidence-completeness">
          {t('evidence.completeness', {
            evidenced: checklist.data.completeness.evidenced,
            answered: checklist.data.completeness.answered,
            verified: checklist.data.completeness.verified,
          })}
        </Text>
      )}
      <IndicatorJumpList
        innovation={innovation}
        rubric={rubric}
        canEdit={props.canEdit}
        canReview={props.canReview}
      />
      {/* Created offline: no evidence before the server has it (docs/decisions/0049). */}
      {checklist.isError && !isLocalId(innovation.id) && (
        <ErrorState error={checklist.error} onRetry={() => checklist.refetch()} />
      )}
      {rubric.sidIndicators.map((indicator) => (
        <IndicatorCard
          key={indicator.code}
          code={props.code}
          innovation={innovation}
          indicator={indicator}
          canEdit={props.canEdit}
          canReview={props.canReview}
          evidence={evidenceOf.get(indicator.code)}
        />
      ))}
    </Stack>
  );
}
