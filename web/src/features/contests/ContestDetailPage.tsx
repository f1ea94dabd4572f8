import '../../i18n/id-contests.ts';
import { Anchor, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useMe, useTenantCode } from '../../auth/MeContext.tsx';
import { ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { ContestHeader } from './ContestHeader.tsx';
import { useContest } from './contestApi.ts';

// Each person needs one of the three panels (Bappeda, judge, entrant): each is its own chunk, so a
// judge on a phone does not download the admin's stage moves and ranking, nor the entry form.
const AdminPanel = lazy(() => import('./AdminPanel.tsx').then((module) => ({ default: module.AdminPanel })));
const JudgePanel = lazy(() => import('./JudgePanel.tsx').then((module) => ({ default: module.JudgePanel })));
const EntrantPanel = lazy(() =>
  import('./EntrantPanel.tsx').then((module) => ({ default: module.EntrantPanel })),
);

/** One call, as the caller's role needs it: Bappeda runs it, a judge scores, an entrant enters. */
export default function ContestDetailPage() {
  const t = useT();
  const format = useFormat();
  const code = useTenantCode();
  const { callId = '' } = useParams();
  const { user } = useMe();
  const call = useContest(code, callId);
  usePageTitle(call.data?.title ?? t('contests.title'));
  if (call.isPending) return <LoadingState />;
  if (call.isError) return <ErrorState error={call.error} onRetry={() => call.refetch()} />;
  const contest = call.data;
  const admin = user.roles.includes('tenant_admin');
  return (
    <Stack gap="md" maw={1100}>
      <ContestHeader title={contest.title} status={contest.status}>
        <Text c="dimmed">
          {contest.year} · {format.date(contest.stageDates.entriesOpen)} –{' '}
          {format.date(contest.stageDates.announcement)}
        </Text>
      </ContestHeader>
      {contest.status !== 'draft' && (
        <Anchor component={Link} to={`/lomba-publik/${code}/${contest.id}`}>
          {t('contests.publicPage')}
        </Anchor>
      )}
      <Suspense fallback={<LoadingState />}>
        {admin && <AdminPanel code={code} call={contest} />}
        {user.roles.includes('juri') && <JudgePanel code={code} call={contest} />}
        {(user.roles.includes('opd_operator') || user.roles.includes('peserta')) && (
          <EntrantPanel code={code} call={contest} />
        )}
      </Suspense>
    </Stack>
  );
}
