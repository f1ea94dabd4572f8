import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useMe } from './auth/MeContext.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { RequireRole } from './shell/RequireRole.tsx';
import { RequireSession } from './shell/RequireSession.tsx';
import { RouteErrorBoundary } from './shell/RouteErrorBoundary.tsx';
import { homePathFor, INNOVATION_ROLES } from './shell/navigation.ts';

// One chunk per role area, so an OPD operator on a phone never downloads the platform admin screens.
const SignInPage = lazy(() => import('./features/signin/SignInPage.tsx'));
const InnovationListPage = lazy(() =>
  import('./features/innovations/area.ts').then((area) => ({ default: area.InnovationListPage })),
);
const InnovationEditPage = lazy(() =>
  import('./features/innovations/area.ts').then((area) => ({ default: area.InnovationEditPage })),
);
const OpdsPage = lazy(() =>
  import('./features/tenant-admin/area.ts').then((area) => ({ default: area.OpdsPage })),
);
const MembersPage = lazy(() =>
  import('./features/tenant-admin/area.ts').then((area) => ({ default: area.MembersPage })),
);
const TenantsPage = lazy(() => import('./features/platform/TenantsPage.tsx'));

function HomeRedirect() {
  const { user } = useMe();
  return <Navigate to={homePathFor(user.roles)} replace />;
}

export const router = createBrowserRouter([
  { path: '/masuk', element: <SignInPage />, errorElement: <RouteErrorBoundary /> },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'inovasi',
            element: <RequireRole roles={INNOVATION_ROLES} />,
            children: [
              { index: true, element: <InnovationListPage /> },
              { path: 'baru', element: <InnovationEditPage /> },
              { path: ':innovationId', element: <InnovationEditPage /> },
            ],
          },
          {
            element: <RequireRole roles={['tenant_admin']} />,
            children: [
              { path: 'opd', element: <OpdsPage /> },
              { path: 'pengguna', element: <MembersPage /> },
            ],
          },
          {
            path: 'platform/pemda',
            element: (
              <RequireRole roles={['platform_admin']}>
                <TenantsPage />
              </RequireRole>
            ),
          },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
