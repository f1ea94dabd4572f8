import '@mantine/core/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/errors.ts';
import { SessionProvider } from './auth/SessionProvider.tsx';
import { LoadingState } from './components/PageStates.tsx';
import { catalogSearchForLocation } from './features/catalog/catalogParams.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { AppRoutes } from './router.tsx';
import { RouteErrorBoundary } from './shell/RouteErrorBoundary.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; a flaky mobile connection often will.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// The public catalogue is the usual first visit: its first search starts now, while its chunk downloads.
const catalogSearch = catalogSearchForLocation(window.location);
if (catalogSearch) void queryClient.prefetchInfiniteQuery(catalogSearch);

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <BrowserRouter>
              <RouteErrorBoundary>
                <Suspense fallback={<LoadingState />}>
                  <AppRoutes />
                </Suspense>
              </RouteErrorBoundary>
            </BrowserRouter>
          </SessionProvider>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  </StrictMode>,
);
