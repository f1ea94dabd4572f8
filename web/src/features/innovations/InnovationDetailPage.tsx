import '../../i18n/id-evidence.ts';
import { URUSAN } from '@inovasi/core/browser';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { type Innovation, type Opd, type Rubric, workflowRecord } from '../../api/model.ts';
import { useOpds, useSettings, useYearRubric } from '../../api/queries.ts';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { hasRole } from '../../auth/SessionProvider.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import { useFormat, useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { answerProgress, eligibilityOf, kematangan } from '../scoring/kematangan.ts';
import { UnitOwnerPanel } from '../units/UnitOwnerPanel.tsx';
import { DeadlineNotice } from '../workflow/DeadlineNotice.tsx';
import { canEditAnswers, canReviewAnswers, workflowActionsFor } from '../workflow/permissions.ts';
import { WorkflowPanel } from '../workflow/WorkflowPanel.tsx';
import { countWords } from './formValues.ts';
import { LocalInnovationNotice } from './LocalInnovationNotice.tsx';
import { isLocalId } from './offlineCreate.ts';
import { QueuedProfileNotice } from './QueuedProfileNotice.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useInnovationRecord } from './useInnovationRecord.ts';

// Publishing is Bappeda's: operators and verifiers never download it.
const PublicationPanel = lazy(() => import('../replication/PublicationPanel.tsx'));
const ProfilePdfButton = lazy(() => import('../exports/ProfilePdfButton.tsx'));
// The twenty indicator cards (levels, notes, evidence, review) are the page's long tail: the header,
// scores and workflow paint first, the cards' code follows (docs/decisions/0033).
const IndicatorSection = lazy(() => import('./IndicatorSection.tsx'));

/** Holds the indicators' place while their chunk arrives, so the page below does not jump. */
function IndicatorsLoading() {
  const t = useT();
  return (
    <Text size="sm" c="dimmed" mih={400} role="status">
      {t('detail.indicators')}…
    </Text>
  );
}

export default function InnovationDetailPage() {
  const { innovationId = '' } = useParams();
  const code = useTenantCode();
  const t = useT();
  const innovation = useInnovationRecord(code, innovationId);
  const opds = useOpds(code);
  const rubric = useYearRubric(code, innovation.data?.periodYear);
  usePageTitle(innovation.data?.profile.name ?? t('detail.title'));

  if (innovation.isPending) return <LoadingState />;
  if (innovation.isError) return <ErrorState error={innovation.error} onRetry={() => innovation.refetch()} />;
  if (rubric.isError) return <ErrorState error={rubric.error} onRetry={() => rubric.refetch()} />;
  return (
    <InnovationDetail code={code} innovation={innovation.data} opds={opds.data ?? []} rubric={rubric.data} />
  );
}

interface DetailProps {
  code: string;
  innovation: Innovation;
  opds: Opd[];
  rubric: Rubric | undefined;
}

function InnovationDetail({ code, innovation, opds, rubric }: DetailProps) {
  const t = useT();
  const format = useFormat();
  const { user } = useMe();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const canEdit = canEditAnswers(user, innovation);
  const canReview = canReviewAnswers(user, innovation);
  const actions = workflowActionsFor(user, innovation);
  const record = workflowRecord(innovation);
  const opdName = opds.find((opd) => opd.id === innovation.opdId)?.name ?? t('innovations.unknownOpd');
  // Created offline, not on the server yet: only what can wait on this device is offered.
  const local = isLocalId(innovation.id);

  return (
    <Stack gap="md" maw={1040}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0}>
          <Title order={1}>{innovation.profile.name}</Title>
          <Group gap="xs">
            <StatusBadge status={innovation.status} />
            {innovation.archived && <Badge color="gray">{t('app.archived')}</Badge>}
            <Text size="sm" c="dimmed">
              {opdName} · {t('detail.period', { year: innovation.periodYear })}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" align="flex-start">
          {!local && hasRole(user, 'tenant_admin', 'verifier', 'opd_operator') && (
            <Suspense fallback={null}>
              <ProfilePdfButton code={code} innovationId={innovation.id} />
            </Suspense>
          )}
          <Button component={Link} to="/inovasi" variant="default">
            {t('app.back')}
          </Button>
          <Button component={Link} to={`/inovasi/${innovation.id}/profil`} variant="light">
            {canEdit ? t('detail.editProfile') : t('detail.viewProfile')}
          </Button>
        </Group>
      </Group>

      {created && (
        <Alert color="teal" role="status" data-testid="save-notice">
          {t('profile.created')}
        </Alert>
      )}
      {local ? (
        <LocalInnovationNotice code={code} localId={innovation.id} />
      ) : (
        <QueuedProfileNotice code={code} innovationId={innovation.id} />
      )}
      {innovation.status === 'returned' && (
        <Alert color="orange" title={t('detail.returnedTitle')} data-testid="return-note">
          <Text size="sm">{record.returnNote ?? t('detail.returnedNoNote')}</Text>
        </Alert>
      )}
      {record.registrationNumber && (
        <Alert color="violet" title={t('detail.sentTitle')}>
          <Text size="sm">
            {t('detail.sentBody', {
              number: record.registrationNumber,
              date: record.sentAt ? format.date(record.sentAt) : t('app.none'),
            })}
          </Text>
        </Alert>
      )}
      {!canEdit && innovation.status !== 'returned' && innovation.status !== 'draft' && (
        <Text size="sm" c="dimmed">
          {t('detail.locked')}
        </Text>
      )}

      {/* Whoever holds the pen (the OPD, while draft or returned) needs to know until when. */}
      {canEdit && <DeadlineNotice code={code} year={innovation.periodYear} opdId={innovation.opdId} />}
      {!local && (
        <>
          <UnitOwnerPanel code={code} innovation={innovation} canEdit={canEdit} />
          <WorkflowPanel code={code} innovation={innovation} actions={actions} rubric={rubric} />
        </>
      )}

      {!rubric ? (
        <LoadingState />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <KematanganPanel code={code} innovation={innovation} rubric={rubric} />
            <EligibilityPanel innovation={innovation} rubric={rubric} canEdit={canEdit} />
          </SimpleGrid>
          <ProfileSummary innovation={innovation} />
          {!local && hasRole(user, 'tenant_admin') && (
            <Suspense fallback={<LoadingState />}>
              <PublicationPanel code={code} innovation={innovation} />
            </Suspense>
          )}
          <Suspense fallback={<IndicatorsLoading />}>
            <IndicatorSection
              code={code}
              innovation={innovation}
              rubric={rubric}
              canEdit={canEdit}
              canReview={canReview}
            />
          </Suspense>
        </>
      )}
    </Stack>
  );
}

function KematanganPanel({
  code,
  innovation,
  rubric,
}: {
  code: string;
  innovation: Innovation;
  rubric: Rubric;
}) {
  const t = useT();
  const format = useFormat();
  const settings = useSettings(code);
  const max = rubric.formula.maxKematangan;
  const claimed = kematangan(rubric, innovation.answers, 'claimed');
  const verified = kematangan(rubric, innovation.answers, 'verified');
  const progress = answerProgress(rubric, innovation.answers);
  const threshold = settings.data?.minKematanganToSend ?? null;
  return (
    <SectionPanel id="kematangan-judul" title={t('kematangan.title')}>
      <ScoreBar
        label={t('kematangan.claimed')}
        hint={t('kematangan.claimedHint')}
        value={claimed}
        max={max}
        color="blue"
        testId="kematangan-claimed"
      />
      <ScoreBar
        label={t('kematangan.verified')}
        hint={t('kematangan.verifiedHint')}
        value={verified}
        max={max}
        color="teal"
        testId="kematangan-verified"
      />
      {claimed > verified && (
        <Text size="sm">{t('kematangan.risk', { points: format.decimal(claimed - verified) })}</Text>
      )}
      <Text size="sm" c="dimmed">
        {t('kematangan.progress', {
          answered: progress.answered,
          total: progress.total,
          accepted: progress.accepted,
          returned: progress.returned,
        })}
      </Text>
      {threshold !== null && (
        <Text size="sm" c={verified >= threshold ? undefined : 'orange.9'}>
          {verified >= threshold
            ? t('kematangan.thresholdMet', { min: format.decimal(threshold) })
            : t('kematangan.thresholdMissing', {
                min: format.decimal(threshold),
                gap: format.decimal(threshold - verified),
              })}
        </Text>
      )}
    </SectionPanel>
  );
}

function ScoreBar(props: {
  label: string;
  hint: string;
  value: number;
  max: number;
  color: string;
  testId: string;
}) {
  const format = useFormat();
  const t = useT();
  const text = t('kematangan.value', { value: format.decimal(props.value), max: format.decimal(props.max) });
  return (
    <div>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {props.label}
        </Text>
        <Text size="lg" fw={700} data-testid={props.testId} aria-live="polite">
          {text}
        </Text>
      </Group>
      <Progress
        value={(props.value / props.max) * 100}
        color={props.color}
        size="lg"
        aria-label={`${props.label}: ${text}`}
        mt={4}
      />
      <Text size="xs" c="dimmed" mt={2}>
        {props.hint}
      </Text>
    </div>
  );
}

function EligibilityPanel({
  innovation,
  rubric,
  canEdit,
}: {
  innovation: Innovation;
  rubric: Rubric;
  canEdit: boolean;
}) {
  const { t, language } = useI18n();
  const eligibility = eligibilityOf(innovation.profile, rubric);
  return (
    <SectionPanel id="syarat-judul" title={t('eligibility.title')} testId="eligibility">
      {eligibility.eligible ? (
        <Alert color="teal">{t('eligibility.ok')}</Alert>
      ) : (
        <>
          <Text size="sm">{t('eligibility.notYet')}</Text>
          <List size="sm" spacing={4}>
            {eligibility.reasons.map((reason) => (
              <List.Item key={`${reason.code}-${reason.field}`}>
                {language === 'en' ? reason.message_en : reason.message_id}
              </List.Item>
            ))}
          </List>
          {canEdit && (
            <Anchor component={Link} to={`/inovasi/${innovation.id}/profil`} size="sm">
              {t('eligibility.fix')}
            </Anchor>
          )}
        </>
      )}
    </SectionPanel>
  );
}

const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code, urusan.name]));

function ProfileSummary({ innovation }: { innovation: Innovation }) {
  const t = useT();
  const format = useFormat();
  const { profile } = innovation;
  const words = countWords(profile.rancangBangun ?? '');
  const rows: [string, string][] = [
    [t('profile.stage'), profile.stage ? t(`stage.${profile.stage}`) : t('app.none')],
    [t('profile.initiator'), profile.initiator ? t(`initiator.${profile.initiator}`) : t('app.none')],
    [t('profile.kind'), profile.kind ? t(`kind.${profile.kind}`) : t('app.none')],
    [t('profile.form'), profile.form ? t(`form.${profile.form}`) : t('app.none')],
    [
      t('profile.urusanMain'),
      profile.urusanMain ? (URUSAN_NAMES.get(profile.urusanMain) ?? profile.urusanMain) : t('app.none'),
    ],
    [t('profile.trialDate'), profile.trialDate ? format.date(profile.trialDate) : t('app.none')],
    [
      t('profile.implementationDate'),
      profile.implementationDate ? format.date(profile.implementationDate) : t('app.none'),
    ],
    [t('profile.rancangBangun'), t('detail.words', { count: words })],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="profil-ringkas">
      <Title order={2} size="h4" id="profil-ringkas" mb="sm">
        {t('detail.profile')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
