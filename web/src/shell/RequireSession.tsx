import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { MeContext } from '../auth/MeContext.tsx';
import { useMeQuery, useSession } from '../auth/SessionProvider.tsx';
import { ErrorState, LoadingState } from '../components/PageStates.tsx';

/** Everything under it needs a signed-in user; `/me` is loaded once here and shared through context. */
export function RequireSession() {
  const { token } = useSession();
  const location = useLocation();
  const me = useMeQuery(token !== null);

  if (!token) {
    const next = location.pathname + location.search;
    return <Navigate to={`/masuk?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isPending) return <LoadingState />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={me.error} onRetry={() => me.refetch()} />
      </Container>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}
