import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

interface State {
  error: unknown;
}

/**
 * Catches what a screen throws while rendering. On slow connections the usual cause is a lazy chunk
 * that failed to download (or an old tab after a deploy), so the action offered is a full reload.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <RenderFailure error={this.state.error} />;
  }
}

function RenderFailure({ error }: { error: unknown }) {
  const t = useT();
  const chunkFailed = error instanceof TypeError && /import|module|fetch/i.test(error.message);
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('app.error.title')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{chunkFailed ? t('app.error.chunk') : t('app.error.unexpected')}</Text>
          <Button size="xs" color="red" variant="light" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </Button>
        </Stack>
      </Alert>
    </Container>
  );
}
