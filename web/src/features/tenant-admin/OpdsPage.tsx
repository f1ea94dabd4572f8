import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import type { Opd } from '../../api/model.ts';
import { useOpds } from '../../api/queries.ts';
import { useTenantCode } from '../../auth/MeContext.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { type OpdInput, useOpdMutations } from './useOpdMutations.ts';

// The form opens in a modal with Select fields: fetched on first use, not with the list.
const OpdFormModal = lazy(() =>
  import('./OpdFormModal.tsx').then((module) => ({ default: module.OpdFormModal })),
);

type Dialog = { type: 'create' } | { type: 'rename'; opd: Opd } | { type: 'archive'; opd: Opd } | null;

export default function OpdsPage() {
  const t = useT();
  const code = useTenantCode();
  const opds = useOpds(code);
  const { create, update, archive } = useOpdMutations(code);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  usePageTitle(t('opds.title'));

  function openDialog(next: Dialog) {
    create.reset();
    update.reset();
    archive.reset();
    setNotice(null);
    setDialog(next);
  }
  const done = () => {
    setDialog(null);
    setNotice('saved');
  };
  // A stale version means someone else changed the OPD: close the dialog and say so above the list.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.isConflict) {
      setDialog(null);
      setNotice('conflict');
    }
  };
  const visible = (opds.data ?? [])
    .filter((opd) => showArchived || !opd.archived)
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('opds.title')}</Title>
        <Button onClick={() => openDialog({ type: 'create' })}>{t('opds.new')}</Button>
      </Group>
      {notice === 'saved' && (
        <Alert color="teal" role="status">
          {t('opds.saved')}
        </Alert>
      )}
      {notice === 'conflict' && (
        <Alert color="orange" role="alert">
          {t('opds.conflict')}
        </Alert>
      )}
      <Checkbox
        label={t('opds.showArchived')}
        checked={showArchived}
        onChange={(event) => setShowArchived(event.currentTarget.checked)}
      />
      {opds.isPending ? (
        <LoadingState />
      ) : opds.isError ? (
        <ErrorState error={opds.error} onRetry={() => opds.refetch()} />
      ) : visible.length === 0 ? (
        <EmptyMessage message={t('opds.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opds.col.name')}</Table.Th>
                <Table.Th>{t('opds.col.kind')}</Table.Th>
                <Table.Th>{t('opds.col.status')}</Table.Th>
                <Table.Th>{t('opds.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((opd) => (
                <Table.Tr key={opd.id}>
                  <Table.Td>{opd.name}</Table.Td>
                  <Table.Td>{t(`opdKind.${opd.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={opd.archived ? 'gray' : 'teal'} variant="light">
                      {opd.archived ? t('app.archived') : t('app.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!opd.archived && (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => openDialog({ type: 'rename', opd })}
                          aria-label={`${t('opds.rename')}: ${opd.name}`}
                        >
                          {t('opds.rename')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => openDialog({ type: 'archive', opd })}
                          aria-label={`${t('opds.archive')}: ${opd.name}`}
                        >
                          {t('opds.archive')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Suspense fallback={null}>
        {dialog?.type === 'create' && (
          <OpdFormModal
            title={t('opds.createTitle')}
            pending={create.isPending}
            error={create.error}
            onSubmit={(input: OpdInput) => create.mutate(input, { onSuccess: done, onError })}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog?.type === 'rename' && (
          <OpdFormModal
            title={t('opds.renameTitle')}
            opd={dialog.opd}
            pending={update.isPending}
            error={update.error}
            onSubmit={(input) => update.mutate({ opd: dialog.opd, input }, { onSuccess: done, onError })}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog?.type === 'archive' && (
          <ConfirmDialog
            opened
            title={t('opds.archiveConfirmTitle')}
            message={t('opds.archiveConfirm', { name: dialog.opd.name })}
            confirmLabel={t('opds.archive')}
            pending={archive.isPending}
            error={archive.error}
            onConfirm={() => archive.mutate(dialog.opd, { onSuccess: done, onError })}
            onClose={() => setDialog(null)}
          />
        )}
      </Suspense>
    </Stack>
  );
}
