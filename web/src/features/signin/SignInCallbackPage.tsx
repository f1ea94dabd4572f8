import { Alert, Button, Container, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type SignInState, userManager } from '../../auth/oidc.ts';
import { useSession } from '../../auth/SessionProvider.tsx';
import { LoadingState } from '../../components/PageStates.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePageTitle } from '../../shell/usePageTitle.ts';
import { safeNextPath } from './SignInPage.tsx';

/**
 * Where the provider sends the person back with an authorization code: the library exchanges it
 * (with the PKCE verifier it kept), and the app goes on to the page the person had asked for.
 */
export default function SignInCallbackPage() {
  const t = useT();
  usePageTitle(t('signIn.title'));
  const { signIn } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // A code is single-use: React's development double effect must not spend it twice.
    if (started.current) return;
    started.current = true;
    void userManager()
      .then((manager) => manager.signinRedirectCallback())
      .then((user) => {
        if (!user.id_token) throw new Error('no ID token');
        queryClient.clear();
        signIn(user.id_token);
        const state = user.state as SignInState | undefined;
        navigate(safeNextPath(state?.next ?? null) ?? '/', { replace: true });
      })
      .catch(() => setFailed(true));
  }, [navigate, queryClient, signIn]);

  if (!failed) return <LoadingState />;
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" role="alert" title={t('signIn.callbackFailedTitle')}>
          {t('signIn.callbackFailed')}
        </Alert>
        <Button component={Link} to="/masuk" variant="default">
          {t('signIn.backToSignIn')}
        </Button>
      </Stack>
    </Container>
  );
}
