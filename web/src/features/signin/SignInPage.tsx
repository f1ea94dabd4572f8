import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { DemoUser } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { signInSettings } from '../../auth/oidc.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { useIslandAdopted } from '../../components/Island.tsx';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/PageStates.tsx';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../../shell/LanguageSwitch.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { groupDemoUsers } from './groupDemoUsers.ts';
import { usePrerenderedDemo } from './prerenderedDemo.ts';

export default function SignInPage() {
  const t = useT();
  const { ended } = useSession();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next')) ?? undefined;
  const settings = useQuery({
    queryKey: queryKeys.signInSettings,
    queryFn: signInSettings,
    staleTime: Infinity,
  });
  usePageTitle(t('signIn.title'));
  const prerenderedDemo = usePrerenderedDemo();
  // The prerendered page works before the app has loaded: a click or the demo e-mail typed
  // meanwhile is replayed now that React has adopted it (docs/decisions/0053).
  useIslandAdopted(true);
  const demo = settings.data ? settings.data.demo : prerenderedDemo;
  return (
    <>
      <Group component="header" justify="space-between" px="md" py="sm" wrap="nowrap">
        <Text fw={700}>{t('app.name')}</Text>
        <LanguageSwitch />
      </Group>
      <Container size="lg" component="main" pb="xl">
        <Stack gap="md">
          <Title order={1}>{t('signIn.title')}</Title>
          {ended && (
            <Alert color={ended === 'expired' ? 'yellow' : 'red'} role="status">
              {t(`signIn.ended.${ended}`)}
            </Alert>
          )}
          <AccountSignIn next={next} />
          <Alert color="blue" variant="light" title={t('signIn.catalogTitle')}>
            <Text size="sm">{t('signIn.catalogBody')}</Text>
            <Anchor component={Link} to="/katalog" size="sm" fw={600}>
              {t('signIn.catalogLink')}
            </Anchor>
          </Alert>
          {demo && (
            <Paper withBorder p="md" component="section" aria-labelledby="demo-directory">
              <Stack gap="md">
                <Group gap="xs">
                  <Title order={2} size="h3" id="demo-directory">
                    {t('signIn.demoTitle')}
                  </Title>
                  <Badge color="orange" variant="light">
                    {t('signIn.demoBadge')}
                  </Badge>
                </Group>
                <Text>{t('signIn.intro')}</Text>
                {/* The directory loads after the section appears: last, so its growth moves nothing. */}
                <SignInByEmail next={next} />
                <DemoUserDirectory next={next} />
              </Stack>
            </Paper>
          )}
        </Stack>
      </Container>
    </>
  );
}

/** The way in for real accounts: the OpenID provider's own page (Cognito's managed login in AWS). */
function AccountSignIn({ next }: { next: string | undefined }) {
  const t = useT();
  const signIn = useProviderSignIn();
  const errorMessage = useErrorMessage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="account-sign-in">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3" id="account-sign-in">
          {t('signIn.accountTitle')}
        </Title>
        <Text size="sm">{t('signIn.accountBody')}</Text>
        {signIn.isError && (
          <Alert color="red" role="alert">
            {errorMessage(signIn.error)}
          </Alert>
        )}
        <Button size="md" loading={signIn.isPending} onClick={() => signIn.mutate({ next })}>
          {t('signIn.accountButton')}
        </Button>
      </Stack>
    </Paper>
  );
}

function DemoUserDirectory({ next }: { next: string | undefined }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const users = useQuery({
    queryKey: queryKeys.demoUsers,
    queryFn: () => unwrap(api.GET('/dev/users')),
    select: (data) => data.items,
  });
  // The answer reaches React through the query's store, which React renders synchronously: the
  // directory (dozens of cards) renders from a deferred copy instead, in a background render split
  // into small tasks, so a phone's main thread is not blocked while the page has just appeared
  // (docs/decisions/0050). Until then the loading line stays.
  const shown = useDeferredValue(users.data);
  const groups = useMemo(
    () => groupDemoUsers(shown ?? [], filter, t('signIn.platformGroup')),
    [shown, filter, t],
  );
  const signIn = useProviderSignIn();
  const errorMessage = useErrorMessage();

  if (users.isPending || (users.isSuccess && shown === undefined)) return <LoadingState />;
  if (users.isError) {
    return (
      <Stack>
        <Alert color="yellow">{t('signIn.unavailable')}</Alert>
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      </Stack>
    );
  }
  if (shown === undefined || shown.length === 0) return <EmptyMessage message={t('signIn.empty')} />;

  return (
    <Stack gap="lg">
      <TextInput
        label={t('signIn.filter')}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        type="search"
        maw={420}
      />
      {signIn.isError && (
        <Alert color="red" role="alert">
          {errorMessage(signIn.error)}
        </Alert>
      )}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`}>
          <Title order={2} size="h4" id={`group-${group.key}`} mb="xs">
            {group.title}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {group.users.map((user) => (
              <DemoUserButton
                key={user.email}
                user={user}
                disabled={signIn.isPending}
                pending={signIn.isPending && signIn.variables?.demoEmail === user.email}
                onSelect={() => signIn.mutate({ next, demoEmail: user.email })}
              />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}

function DemoUserButton(props: {
  user: DemoUser;
  disabled: boolean;
  pending: boolean;
  onSelect: () => void;
}) {
  const t = useT();
  const { user } = props;
  return (
    <Paper
      component="button"
      type="button"
      withBorder
      p="sm"
      ta="left"
      w="100%"
      onClick={props.onSelect}
      disabled={props.disabled}
      aria-busy={props.pending}
      data-email={user.email}
      style={{ cursor: props.disabled ? 'progress' : 'pointer' }}
    >
      <Text fw={600}>{user.name}</Text>
      <Text size="sm" c="dimmed">
        {user.email}
      </Text>
      <Group gap={4} mt={6}>
        {user.roles.map((role) => (
          <Badge key={role} variant="light" size="sm">
            {t(`role.${role}`)}
          </Badge>
        ))}
      </Group>
      {user.opdName && (
        <Text size="xs" mt={4}>
          {user.opdName}
        </Text>
      )}
    </Paper>
  );
}

/**
 * For demo users the list does not show yet (members invited after the page loaded). Local mode only,
 * like the whole page.
 */
function SignInByEmail({ next }: { next: string | undefined }) {
  const t = useT();
  const signIn = useProviderSignIn();
  const [email, setEmail] = useState('');
  const errorMessage = useErrorMessage();
  const fieldError = signIn.isError ? errorMessage(signIn.error) : undefined;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (email.trim()) signIn.mutate({ next, demoEmail: email.trim() });
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sign-in-by-email">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="sign-in-by-email">
            {t('signIn.byEmail')}
          </Title>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('signIn.email')}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError}
              placeholder="platform@demo.local"
              w={{ base: '100%', xs: 320 }}
              required
            />
            <Button type="submit" loading={signIn.isPending} mt={{ base: 0, xs: 25 }}>
              {t('signIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Leaves for the provider; the page comes back at the callback, then goes on to `next`. */
function useProviderSignIn() {
  const { startSignIn } = useSession();
  return useMutation({
    mutationFn: (options: { next?: string | undefined; demoEmail?: string | undefined }) =>
      startSignIn(options),
  });
}

/** Only same-app paths: `next` comes from the URL and must not become an open redirect. */
export function safeNextPath(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}
