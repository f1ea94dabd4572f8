import '../../i18n/id-evidence.ts';
import { Alert, Anchor, Badge, Button, Group, Image, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { EvidenceFinding, EvidenceStatus } from '../../api/model.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { formatBytes } from './formatBytes.ts';

export { formatBytes };

const STATUS_COLOR: Record<EvidenceStatus, string> = { passed: 'green', pending: 'blue', rejected: 'red' };

export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLOR[status]} style={{ flexShrink: 0 }}>
      {t(`evidence.status.${status}`)}
    </Badge>
  );
}

/** What intake or the link noticed without refusing: the operator sees it before the verifier does. */
export function FindingList({ findings }: { findings: readonly EvidenceFinding[] }) {
  const t = useT();
  if (findings.length === 0) return null;
  return (
    <List size="sm" spacing={2} data-testid="evidence-findings">
      {findings.map((finding) => (
        <List.Item key={`${finding.code}-${finding.refs?.join(',') ?? ''}`}>
          <Text span size="sm" fw={500}>
            <span aria-hidden="true">⚠ </span>
            {t(`evidence.finding.${finding.code}`)}
          </Text>
          {finding.code === 'shared_across_indicators' && finding.refs && finding.refs.length > 0 && (
            <Text span size="sm">
              {' '}
              ({finding.refs.join(', ')})
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function useBytes(): (bytes: number) => string {
  const format = useFormat();
  return (bytes) => formatBytes(bytes, format.decimal);
}

interface PreviewTarget {
  code: string;
  evidenceId: string;
  title: string;
  /** `pdf`, `jpg`, `png`, `mp4`, `video_link`, `web_link`, when known. */
  fileKind: string | undefined;
}

/**
 * A preview through a short-lived presigned GET: images and PDFs inline (the PDF in the browser's
 * own viewer, framed from the object store, which the page's `frame-src` allows), with a link to
 * open it in a new tab for browsers that show no PDF in a frame (most phones); videos in a new tab.
 */
export function EvidencePreview({ code, evidenceId, title, fileKind }: PreviewTarget) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const link = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/tenants/{code}/evidence/{evidenceId}/download', {
          params: { path: { code, evidenceId }, query: { inline: 'true' } },
        }),
      ),
  });
  const isImage = fileKind === 'jpg' || fileKind === 'png';
  if (link.isSuccess) {
    return (
      <Stack gap={4} data-testid="evidence-preview" w={fileKind === 'pdf' ? '100%' : undefined}>
        {isImage ? (
          <Image src={link.data.url} alt={title} maw={360} radius="sm" fit="contain" />
        ) : fileKind === 'pdf' ? (
          <>
            <iframe
              src={link.data.url}
              title={t('evidence.pdfFrame', { title })}
              data-testid="evidence-pdf-frame"
              style={{ width: '100%', height: 480, border: '1px solid var(--mantine-color-gray-4)' }}
            />
            <Anchor href={link.data.url} target="_blank" rel="noopener noreferrer" size="sm">
              {t('evidence.openPdf')}
            </Anchor>
          </>
        ) : (
          <Anchor href={link.data.url} target="_blank" rel="noopener noreferrer" size="sm">
            {t('evidence.openLink')}
          </Anchor>
        )}
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => link.reset()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('evidence.closePreview')}
        </Button>
      </Stack>
    );
  }
  return (
    <Group gap="xs">
      <Button
        size="compact-sm"
        variant="light"
        loading={link.isPending}
        onClick={() => link.mutate()}
        aria-label={t('evidence.previewFor', { title })}
      >
        {t('evidence.preview')}
      </Button>
      {link.isError && (
        <Alert color="red" p={4} role="alert">
          <Text size="xs">{errorMessage(link.error)}</Text>
        </Alert>
      )}
    </Group>
  );
}

/** Intake's findings and the link's warnings, each code once. */
export function mergeFindings(...lists: readonly (readonly EvidenceFinding[])[]): EvidenceFinding[] {
  const seen = new Map<string, EvidenceFinding>();
  for (const finding of lists.flat()) seen.set(finding.code, finding);
  return [...seen.values()];
}
