import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { markFirstScreenShown } from '../auth/firstScreen.ts';
import { useMe } from '../auth/MeContext.tsx';
import { hasRole, useSession } from '../auth/SessionProvider.tsx';
import { LoadingState } from '../components/PageStates.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { INNOVATION_ROLES, navItemsFor } from './navigation.ts';
import { OfflineCopyNotice } from './OfflineCopyNotice.tsx';
import { RouteErrorBoundary } from './RouteErrorBoundary.tsx';

const MAIN_ID = 'konten-utama';

export function AppLayout() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const t = useT();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <Anchor href={`#${MAIN_ID}`} className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={toggleNav} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        <RoleNavigation onNavigate={closeNav} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <OfflineCopyNotice />
        {/* Keyed by path so that leaving a screen that failed also clears the failure. */}
        <RouteErrorBoundary key={pathname}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
            <FirstScreenShown />
          </Suspense>
        </RouteErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * Commits together with the route's content, never with the fallback (a suspended boundary commits
 * none of its children): its effect is the moment the first screen is there (src/auth/firstScreen.ts).
 */
function FirstScreenShown() {
  useEffect(markFirstScreenShown, []);
  return null;
}

function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const t = useT();
  const { tenant, user } = useMe();
  // The bell opens the notifications screen; a leader has none to act on, so it gets no dead end.
  const notified = tenant && hasRole(user, ...INNOVATION_ROLES);
  return (
    <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('header.openNav')}
          aria-expanded={navOpened}
        />
        <Stack gap={0} miw={0}>
          <Text fw={700} size="sm" truncate>
            {t('app.name')}
          </Text>
          <Text size="xs" c="dimmed" truncate data-testid="region-name">
            {tenant?.name ?? t('header.platform')}
          </Text>
        </Stack>
      </Group>
      <Group gap="xs" wrap="nowrap">
        {notified && <NotificationBell code={tenant.code} />}
        <LanguageSwitch />
        <UserMenu />
      </Group>
    </Group>
  );
}

/** Who is signed in, and the way out. Kept as plain elements so the shell needs no popover code. */
function UserMenu() {
  const t = useT();
  const { user } = useMe();
  const { signOut } = useSession();
  return (
    <Group gap="xs" wrap="nowrap">
      <Stack gap={0} maw={{ base: 110, sm: 240 }} visibleFrom="xs" data-testid="signed-in-user">
        <Text size="sm" fw={500} truncate title={user.email}>
          {user.name ?? user.email}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {user.roles.map((role) => t(`role.${role}`)).join(', ')}
        </Text>
      </Stack>
      <Button size="compact-sm" variant="default" onClick={signOut} visibleFrom="sm">
        {t('header.signOut')}
      </Button>
    </Group>
  );
}

function RoleNavigation({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const { user } = useMe();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  return (
    <Stack gap={4} h="100%">
      {navItemsFor(user.roles).map((item) => (
        <NavLink
          key={item.to}
          component={RouterNavLink}
          to={item.to}
          label={t(item.label)}
          active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          onClick={onNavigate}
        />
      ))}
      <Stack gap={4} mt="auto" hiddenFrom="sm">
        <Text size="sm" fw={500}>
          {user.name ?? user.email}
        </Text>
        <Button variant="default" onClick={signOut}>
          {t('header.signOut')}
        </Button>
      </Stack>
    </Stack>
  );
}
