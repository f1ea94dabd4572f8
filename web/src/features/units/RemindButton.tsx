import '../../i18n/id-units.ts';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

/** One action reminds every laggard of the period (ADR 0036); the server sends each at most once a day. */
export function RemindButton({ code, year }: { code: string; year: number }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const remind = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/tenants/{code}/periods/{year}/reminders', {
          params: { path: { code, year } },
          body: {},
        }),
      ),
  });
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('remind.hint')}
      </Text>
      <Button
        w="fit-content"
        size="sm"
        loading={remind.isPending}
        onClick={() => remind.mutate()}
        data-testid="remind-button"
      >
        {t('remind.button')}
      </Button>
      {remind.data && (
        <Text size="sm" role="status" data-testid="remind-result">
          {t('remind.done', { notified: remind.data.notified, copies: remind.data.copies })}
          {remind.data.unreached.length > 0 &&
            ` ${t('remind.unreached', { names: remind.data.unreached.join(', ') })}`}
        </Text>
      )}
      {remind.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorMessage(remind.error)}
        </Alert>
      )}
    </Stack>
  );
}
