import '../../i18n/id-catalog.ts';
import { Anchor, Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../../shell/LanguageSwitch.tsx';

const MAIN_ID = 'konten-utama';

/**
 * The public pages' frame: no navigation code, no session lookup beyond the stored token, so the
 * catalogue (the product's public entry point) downloads as little as possible.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { token } = useSession();
  return (
    <>
      <Anchor href={`#${MAIN_ID}`} className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <Group
        component="header"
        justify="space-between"
        px="sm"
        py="xs"
        wrap="nowrap"
        gap="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Anchor component={Link} to="/katalog" c="var(--mantine-color-text)" underline="never" miw={0}>
          <Text fw={700} size="sm" truncate>
            {t('app.name')}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {t('catalog.brand')}
          </Text>
        </Anchor>
        <Group gap="xs" wrap="nowrap">
          <LanguageSwitch />
          <Button component={Link} to={token ? '/' : '/masuk'} size="compact-sm" variant="default">
            {token ? t('catalog.openApp') : t('signIn.submit')}
          </Button>
        </Group>
      </Group>
      <Container size="xl" component="main" id={MAIN_ID} tabIndex={-1} py="md" px="sm">
        {children}
      </Container>
    </>
  );
}
