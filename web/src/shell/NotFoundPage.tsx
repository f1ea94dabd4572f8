import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('app.notFound.title'));
  return (
    <Container size="sm" py="xl" component="main">
      <Stack align="flex-start">
        <Title order={1}>{t('app.notFound.title')}</Title>
        <Text>{t('app.notFound.body')}</Text>
        <Button component={Link} to="/">
          {t('app.back')}
        </Button>
      </Stack>
    </Container>
  );
}
