import { MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, Suspense } from 'react';
import { SessionProvider } from './auth/SessionProvider.tsx';
import { LoadingState } from './components/PageStates.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { AppRoutes } from './router.tsx';
import { RouteErrorBoundary } from './shell/RouteErrorBoundary.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/**
 * The whole app under a router: the browser's (src/main.tsx) or the static one the build's prerender
 * of the public pages uses (src/prerender.tsx), so both render the same tree and hydration matches.
 */
export function App({
  queryClient,
  router,
}: {
  queryClient: QueryClient;
  router: (routes: ReactNode) => ReactNode;
}) {
  return (
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <I18nProvider>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              {router(
                <RouteErrorBoundary>
                  <Suspense fallback={<LoadingState />}>
                    <AppRoutes />
                  </Suspense>
                </RouteErrorBoundary>,
              )}
            </SessionProvider>
          </QueryClientProvider>
        </I18nProvider>
      </MantineProvider>
    </StrictMode>
  );
}
