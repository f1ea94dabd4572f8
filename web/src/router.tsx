import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useMe } from './auth/MeContext.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { homePathFor, INNOVATION_ROLES } from './shell/navigation.ts';
import { RequireRole } from './shell/RequireRole.tsx';
import { RequireSession } from './shell/RequireSession.tsx';

// One chunk per role area, so an OPD operator on a phone never downloads the admin screens. The
// declarative router is used on purpose: the data router would add ~18 kB gzip the app does not use.
const SignInPage = lazy(() => import('./features/signin/SignInPage.tsx'));
const InnovationListPage = lazy(() => import('./features/innovations/InnovationListPage.tsx'));
const InnovationEditPage = lazy(() => import('./features/innovations/InnovationEditPage.tsx'));
const OpdsPage = lazy(() => import('./features/tenant-admin/OpdsPage.tsx'));
const MembersPage = lazy(() => import('./features/tenant-admin/MembersPage.tsx'));
const TenantsPage = lazy(() => import('./features/platform/TenantsPage.tsx'));

function HomeRedirect() {
  const { user } = useMe();
  return <Navigate to={homePathFor(user.roles)} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/masuk" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomeRedirect />} />
          <Route path="inovasi" element={<RequireRole roles={INNOVATION_ROLES} />}>
            <Route index element={<InnovationListPage />} />
            <Route path="baru" element={<InnovationEditPage />} />
            <Route path=":innovationId" element={<InnovationEditPage />} />
          </Route>
          <Route element={<RequireRole roles={['tenant_admin']} />}>
            <Route path="opd" element={<OpdsPage />} />
            <Route path="pengguna" element={<MembersPage />} />
          </Route>
          <Route element={<RequireRole roles={['platform_admin']} />}>
            <Route path="platform/pemda" element={<TenantsPage />} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
