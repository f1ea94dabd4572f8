import '../../i18n/id-admin.ts';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { ReviewStatus, SpdRow } from '../../api/model.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useSpdWrites } from './spdWrites.ts';

/** Accept or return one SPD answer; the write waits its turn behind the page's saves (spdWrites.ts). */
export function SpdReview({ code, year, row }: { code: string; year: number; row: SpdRow }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const writes = useSpdWrites(code, year);
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: ({ status, note }: { status: ReviewStatus; note?: string }) =>
      writes.inTurn((version) =>
        unwrap(
          api.POST('/tenants/{code}/periods/{year}/spd/{row}/review', {
            params: { path: { code, year, row: row.code } },
            headers: ifMatch(version),
            body: note ? { status, note } : { status },
          }),
        ),
      ),
    onSuccess: (saved) => {
      writes.adopt(saved);
      setReturning(false);
      setNote('');
    },
  });
  return (
    <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" fw={600}>
        {t('review.title')}
      </Text>
      {returning && (
        <Textarea
          label={t('review.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      )}
      {review.error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(review.error)}
        </Alert>
      )}
      <Group gap="xs">
        {returning ? (
          <>
            <Button
              size="sm"
              color="orange"
              loading={review.isPending}
              disabled={note.trim() === ''}
              onClick={() => review.mutate({ status: 'returned', note: note.trim() })}
            >
              {t('review.confirmReturn')}
            </Button>
            <Button size="sm" variant="default" onClick={() => setReturning(false)}>
              {t('app.cancel')}
            </Button>
          </>
        ) : (
          <>
            <Button
              size="sm"
              color="teal.9"
              loading={review.isPending}
              onClick={() => review.mutate({ status: 'accepted' })}
              aria-label={t('review.acceptFor', { name: row.name })}
            >
              {t('review.accept')}
            </Button>
            <Button
              size="sm"
              variant="outline"
              color="orange"
              onClick={() => setReturning(true)}
              aria-label={t('review.returnFor', { name: row.name })}
            >
              {t('review.return')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  );
}
