import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

/**
 * `onLoadLatest` for a form whose refused write lives in a mutation: loads the latest copy, then
 * clears the refusal; a failed load is swallowed, so the alert goes either way.
 */
export function reloadThenReset(reload: () => Promise<unknown>, reset: () => void) {
  return async () => {
    await reload().catch(() => undefined);
    reset();
  };
}

/**
 * A refused write under the form that sent it. A version conflict (someone saved in between) is
 * orange and offers to load the latest copy; any other failure is red and says why, with `children`
 * for the details a caller has.
 */
export function WriteErrorAlert({
  error,
  conflict,
  conflictText,
  errorMessage,
  onLoadLatest,
  testId,
  children,
}: {
  error: Error;
  conflict: boolean;
  conflictText: string;
  errorMessage: (error: unknown) => string;
  onLoadLatest: () => void | Promise<void>;
  testId?: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <Alert color={conflict ? 'orange' : 'red'} role="alert" data-testid={testId}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{conflict ? conflictText : errorMessage(error)}</Text>
        {children}
        {conflict && (
          <Button size="xs" variant="light" onClick={onLoadLatest}>
            {t('profile.loadLatest')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
