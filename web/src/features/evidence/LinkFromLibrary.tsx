import '../../i18n/id-evidence.ts';
import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceFinding } from '../../api/model.ts';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { FindingList } from './EvidenceBits.tsx';
import { useEvidenceLibrary, useLinkEvidence } from './useEvidence.ts';

/**
 * One SK often supports several answers: pick it from the region's library instead of uploading
 * the same file again. Only items that passed intake are offered.
 */
export default function LinkFromLibrary(props: {
  code: string;
  innovationId: string;
  indicator: string;
  indicatorName: string;
  attachedIds: readonly string[];
  opened: boolean;
  onClose(): void;
}) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const library = useEvidenceLibrary(props.code, { status: 'passed' }, props.opened);
  const link = useLinkEvidence(props.code, props.innovationId, props.indicator);
  const [linked, setLinked] = useState<{ title: string; warnings: EvidenceFinding[] } | null>(null);
  const items = (library.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (item) => !props.attachedIds.includes(item.id) && !item.deleted,
  );

  function close() {
    setLinked(null);
    link.reset();
    props.onClose();
  }

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t('evidence.libraryPickTitle', { name: props.indicatorName })}
      size="lg"
    >
      <Stack gap="sm">
        {linked && (
          <Alert color="green" role="status" data-testid="link-result">
            <Text size="sm">{t('evidence.linked', { title: linked.title })}</Text>
            <FindingList findings={linked.warnings} />
          </Alert>
        )}
        {link.isError && (
          <Alert color="red" role="alert">
            {errorMessage(link.error)}
          </Alert>
        )}
        {library.isPending ? (
          <LoadingState />
        ) : library.isError ? (
          <ErrorState error={library.error} onRetry={() => library.refetch()} />
        ) : items.length === 0 ? (
          <EmptyMessage message={t('evidence.libraryPickEmpty')} />
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <Paper key={item.id} withBorder p="xs" component="li">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600}>
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`evidenceKind.${item.kind}`)}
                      {item.documentDate ? ` · ${format.date(item.documentDate)}` : ''}
                      {item.fileName ? ` · ${item.fileName}` : ''}
                    </Text>
                  </Stack>
                  <Button
                    size="compact-sm"
                    loading={link.isPending && link.variables === item.id}
                    disabled={link.isPending}
                    onClick={() =>
                      link.mutate(item.id, {
                        onSuccess: (warnings) => setLinked({ title: item.title, warnings }),
                      })
                    }
                    aria-label={t('evidence.linkThis', { title: item.title })}
                  >
                    {t('evidence.link')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {library.hasNextPage && (
          <Button
            variant="default"
            onClick={() => library.fetchNextPage()}
            loading={library.isFetchingNextPage}
          >
            {t('app.loadMore')}
          </Button>
        )}
        <Button variant="default" onClick={close} style={{ alignSelf: 'flex-end' }}>
          {t('app.close')}
        </Button>
      </Stack>
    </Modal>
  );
}
