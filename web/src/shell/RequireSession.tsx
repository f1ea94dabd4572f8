import { Container } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api/errors.ts';
import { useAfterFirstScreen } from '../auth/firstScreen.ts';
import { MeContext } from '../auth/MeContext.tsx';
import { useMeQuery, useSession } from '../auth/SessionProvider.tsx';
import { ErrorState, LoadingState } from '../components/PageStates.tsx';

/** In AWS only, and once per administrator: its chunk (with the QR encoder) loads when needed. */
const MfaEnrolmentPage = lazy(() => import('../features/signin/MfaEnrolmentPage.tsx'));
/**
 * Sends answers kept offline from any page (docs/decisions/0045); its own small chunk, loaded once the
 * first screen is there (docs/decisions/0051): answers that waited for a connection can wait a moment.
 */
const QueuedChangesSender = lazy(() => import('../features/innovations/QueuedChangesSender.tsx'));

/** Everything under it needs a signed-in user; `/me` is loaded once here and shared through context. */
export function RequireSession() {
  const { token } = useSession();
  const location = useLocation();
  const me = useMeQuery(token !== null);
  const firstScreenShown = useAfterFirstScreen();

  if (!token) {
    const next = location.pathname + location.search;
    return <Navigate to={`/masuk?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isPending) return <LoadingState />;
  if (me.isError) {
    // An administrator without an authenticator app (AWS): enrol first, then the app as asked.
    if (me.error instanceof ApiError && me.error.code === 'mfa_required') {
      return (
        <Suspense fallback={<LoadingState />}>
          <MfaEnrolmentPage onEnrolled={() => void me.refetch()} />
        </Suspense>
      );
    }
    return (
      <Container size="sm" py="xl">
        <ErrorState error={me.error} onRetry={() => me.refetch()} />
      </Container>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      {firstScreenShown && (
        <Suspense fallback={null}>
          <QueuedChangesSender />
        </Suspense>
      )}
      <Outlet />
    </MeContext.Provider>
  );
}
