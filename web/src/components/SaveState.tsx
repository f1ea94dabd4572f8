import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

/** Where an autosaved answer stands; `data-state` carries it for tests and assistive tooling. */
export type SaveStatus = 'saving' | 'failed' | 'unsaved' | 'saved' | 'kept-offline' | 'empty';

/** The one order of precedence every autosaving card uses: offline, in flight, refused, typed, stored. */
export function saveStatus(state: {
  keptOffline?: boolean;
  pending: boolean;
  failed: boolean;
  dirty: boolean;
  saved: boolean;
}): SaveStatus {
  if (state.keptOffline) return 'kept-offline';
  if (state.pending) return 'saving';
  if (state.failed) return 'failed';
  if (state.dirty) return 'unsaved';
  return state.saved ? 'saved' : 'empty';
}

/**
 * The status line under an autosaving answer ("Menyimpan…", "Jawaban tersimpan.", "Gagal disimpan…"),
 * announced politely as it changes, with the card's own action (save, retry) beside it.
 */
export function SaveState({
  status,
  failedText,
  testId,
  dataState,
  children,
}: {
  status: SaveStatus;
  /** What a refusal means for this card ("your choice is still here"). */
  failedText: string;
  testId: string;
  /** A card may report a different `data-state` than its text suggests, for existing tests. */
  dataState?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const text = {
    'kept-offline': t('indicator.keptOffline'),
    saving: t('indicator.saving'),
    failed: failedText,
    unsaved: t('indicator.unsaved'),
    saved: t('indicator.saved'),
    empty: '',
  }[status];
  return (
    <Group justify="space-between" gap="xs" mih={30}>
      <Text
        size="sm"
        // No orange shade reaches 4.5:1 on white (theme.ts): kept-offline is dark and bold instead.
        c={status === 'kept-offline' ? 'dark.7' : status === 'failed' ? 'red.8' : 'dimmed'}
        fw={status === 'kept-offline' ? 600 : undefined}
        role="status"
        data-testid={testId}
        data-state={dataState ?? status}
      >
        {text}
      </Text>
      {children}
    </Group>
  );
}
