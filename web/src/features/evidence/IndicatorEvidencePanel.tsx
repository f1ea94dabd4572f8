import '../../i18n/id-evidence.ts';
import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Evidence, IndicatorEvidence, IndicatorEvidenceState } from '../../api/model.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { type Translate, useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { documentDateRequired } from './documentDate.ts';
import { EvidencePreview, EvidenceStatusBadge, FindingList } from './EvidenceBits.tsx';
import { keptKey, useKeptUpload } from './keptFiles.ts';
import { linkToIndicator } from './upload.ts';
import { asFindings, useRefreshEvidence, useUnlinkEvidence } from './useEvidence.ts';

// Only someone attaching evidence needs the forms: they arrive on the first click, not with the page.
const EvidenceUploader = lazy(() => import('./EvidenceUploader.tsx'));
const VideoLinkForm = lazy(() => import('./VideoLinkForm.tsx'));
const LinkFromLibrary = lazy(() => import('./LinkFromLibrary.tsx'));

const STATE_COLOR: Record<IndicatorEvidenceState, string> = {
  not_answered: 'gray',
  missing_evidence: 'red',
  awaiting_intake: 'yellow',
  awaiting_verification: 'blue',
  returned: 'orange',
  verified: 'green',
};

interface Props {
  code: string;
  innovationId: string;
  opdId: string;
  indicator: { code: string; name: string };
  /** The server's checklist entry; undefined while it loads or when it failed. */
  entry: IndicatorEvidence | undefined;
  canEdit: boolean;
}

type RequiredDates = NonNullable<NonNullable<IndicatorEvidence['requirement']>['dates']>;

/** The window the evidence must be dated in, whichever of its ends the requirement sets. */
function dateWindow(dates: RequiredDates, t: Translate, format: ReturnType<typeof useFormat>): string {
  if (dates.from && dates.to)
    return t('evidence.dateWindow', { from: format.date(dates.from), to: format.date(dates.to) });
  if (dates.from) return t('evidence.dateFrom', { from: format.date(dates.from) });
  if (dates.to) return t('evidence.dateTo', { to: format.date(dates.to) });
  return '';
}

/** On an indicator card: what the saved level requires, what is attached, what is still missing. */
export function IndicatorEvidencePanel({ code, innovationId, opdId, indicator, entry, canEdit }: Props) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshEvidence(code);
  const unlink = useUnlinkEvidence(code, innovationId, indicator.code);
  const [mode, setMode] = useState<'none' | 'upload' | 'video' | 'library'>('none');
  // An upload in progress here before a reload: open the uploader, which resumes it by itself.
  const { user } = useMe();
  const resumeSlot = `${innovationId}|${indicator.code}`;
  const { kept } = useKeptUpload(keptKey(user.id, code, resumeSlot));
  useEffect(() => {
    if (kept && canEdit) setMode('upload');
  }, [kept, canEdit]);
  const headingId = `data-dukung-${indicator.code.replace('.', '-')}`;

  if (!entry) return null;
  const answered = entry.level > 0;
  const dates = entry.requirement?.dates;
  const link = async (evidence: Evidence) => {
    try {
      return asFindings((await linkToIndicator(code, evidence.id, innovationId, indicator.code)).warnings);
    } finally {
      refresh();
    }
  };

  return (
    <Paper
      p="xs"
      radius="sm"
      bg="var(--mantine-color-gray-0)"
      component="section"
      aria-labelledby={headingId}
      data-testid="evidence-panel"
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={4} size="h6" id={headingId}>
            {t('evidence.panelTitle')}
          </Title>
          <Badge size="sm" variant="light" color={STATE_COLOR[entry.state]} data-testid="evidence-state">
            {t(`evidence.state.${entry.state}`)}
          </Badge>
        </Group>
        {dates && (dates.from || dates.to || dates.inForce) && (
          <Text size="xs">
            {dateWindow(dates, t, format)}
            {dates.inForce ? ` ${t('evidence.inForce')}` : ''}
          </Text>
        )}

        <Text size="sm" fw={600}>
          {t('evidence.attached', { count: entry.attached.length })}
        </Text>
        {entry.attached.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.noneAttached')}
          </Text>
        ) : (
          <Stack
            gap={6}
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="evidence-attached"
          >
            {entry.attached.map((item) => (
              <Paper key={item.evidenceId} component="li" withBorder p={6} radius="sm">
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={500} miw={0} style={{ overflowWrap: 'anywhere' }}>
                      {item.title}
                    </Text>
                    <EvidenceStatusBadge status={item.status} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t(`evidenceKind.${item.kind}`)}
                    {item.fileKind ? ` · ${t(`fileKind.${item.fileKind}`)}` : ''}
                    {item.counts ? ` · ${t('evidence.counts')}` : ''}
                  </Text>
                  <FindingList findings={item.findings} />
                  <Group gap="xs">
                    {item.status === 'passed' && (
                      <EvidencePreview
                        code={code}
                        evidenceId={item.evidenceId}
                        title={item.title}
                        fileKind={item.fileKind}
                      />
                    )}
                    {canEdit && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={unlink.isPending && unlink.variables === item.evidenceId}
                        onClick={() => unlink.mutate(item.evidenceId)}
                        aria-label={t('evidence.unlinkFor', { title: item.title })}
                      >
                        {t('evidence.unlink')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {unlink.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(unlink.error)}
          </Text>
        )}

        {entry.missing.length > 0 && (
          <div data-testid="evidence-missing">
            <Text size="sm" fw={600}>
              {t('evidence.missingTitle')}
            </Text>
            <List size="sm" spacing={2}>
              {entry.missing.map((missing) => (
                <List.Item key={missing}>{t(`evidence.missing.${missing}`)}</List.Item>
              ))}
            </List>
          </div>
        )}

        {canEdit && !answered && (
          <Text size="xs" c="dimmed">
            {t('evidence.answerFirst')}
          </Text>
        )}
        {canEdit && answered && (
          <>
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant={mode === 'upload' ? 'filled' : 'light'}
                onClick={() => setMode(mode === 'upload' ? 'none' : 'upload')}
                aria-expanded={mode === 'upload'}
                aria-label={t('evidence.uploadFor', { name: indicator.name })}
              >
                {t('evidence.uploadButton')}
              </Button>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => setMode('library')}
                aria-label={t('evidence.fromLibraryFor', { name: indicator.name })}
              >
                {t('evidence.fromLibrary')}
              </Button>
              <Button
                size="compact-sm"
                variant={mode === 'video' ? 'filled' : 'light'}
                onClick={() => setMode(mode === 'video' ? 'none' : 'video')}
                aria-expanded={mode === 'video'}
              >
                {t('evidence.videoLink')}
              </Button>
            </Group>
            <Suspense fallback={<LoadingState />}>
              {mode === 'upload' && (
                <EvidenceUploader
                  code={code}
                  opdId={opdId}
                  onPassed={link}
                  inputLabel={t('evidence.chooseFileFor', { name: indicator.name })}
                  dateRequired={documentDateRequired(dates)}
                  resumeSlot={resumeSlot}
                />
              )}
              {mode === 'video' && (
                <VideoLinkForm code={code} opdId={opdId} onPassed={link} onDone={() => setMode('none')} />
              )}
              {mode === 'library' && (
                <LinkFromLibrary
                  code={code}
                  innovationId={innovationId}
                  indicator={indicator.code}
                  indicatorName={indicator.name}
                  attachedIds={entry.attached.map((item) => item.evidenceId)}
                  opened
                  onClose={() => setMode('none')}
                />
              )}
            </Suspense>
          </>
        )}
      </Stack>
    </Paper>
  );
}
