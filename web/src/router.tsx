import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useMe } from './auth/MeContext.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import {
  CONTEST_ROLES,
  DASHBOARD_ROLES,
  EVIDENCE_ROLES,
  homePathFor,
  INNOVATION_ROLES,
  REVIEW_ROLES,
} from './shell/navigation.ts';
import { RequireRole } from './shell/RequireRole.tsx';
import { RequireSession } from './shell/RequireSession.tsx';

// One chunk per role area, so an OPD operator on a phone never downloads the admin screens. The
// declarative router is used on purpose: the data router would add ~18 kB gzip the app does not use.
// The signed-in frame (header, navigation, notification bell) is a chunk of its own, so the public
// pages (sign-in, catalogue) do not download it.
const AppLayout = lazy(() =>
  import('./shell/AppLayout.tsx').then((module) => ({ default: module.AppLayout })),
);
const SignInPage = lazy(() => import('./features/signin/SignInPage.tsx'));
const SignInCallbackPage = lazy(() => import('./features/signin/SignInCallbackPage.tsx'));
const InnovationListPage = lazy(() => import('./features/innovations/InnovationListPage.tsx'));
const InnovationEditPage = lazy(() => import('./features/innovations/InnovationEditPage.tsx'));
const InnovationDetailPage = lazy(() => import('./features/innovations/InnovationDetailPage.tsx'));
const InnovationQueuePage = lazy(() => import('./features/innovations/InnovationQueuePage.tsx'));
const RegionDashboardPage = lazy(() => import('./features/dashboard/RegionDashboardPage.tsx'));
const WhatIfPage = lazy(() => import('./features/scoring/WhatIfPage.tsx'));
const GapsPage = lazy(() => import('./features/gaps/GapsPage.tsx'));
const SpdPage = lazy(() => import('./features/tenant-admin/SpdPage.tsx'));
const SettingsPage = lazy(() => import('./features/tenant-admin/SettingsPage.tsx'));
const PeriodsPage = lazy(() => import('./features/tenant-admin/PeriodsPage.tsx'));
const AuditPage = lazy(() => import('./features/tenant-admin/AuditPage.tsx'));
const OpdsPage = lazy(() => import('./features/tenant-admin/OpdsPage.tsx'));
const UnitsPage = lazy(() => import('./features/units/UnitsPage.tsx'));
const MembersPage = lazy(() => import('./features/tenant-admin/MembersPage.tsx'));
const TenantsPage = lazy(() => import('./features/platform/TenantsPage.tsx'));
// The public catalogue is the product's public entry point: its chunk carries no app shell.
const CatalogPage = lazy(() => import('./features/catalog/CatalogPage.tsx'));
const CatalogDetailPage = lazy(() => import('./features/catalog/CatalogDetailPage.tsx'));
const ReplicationsPage = lazy(() => import('./features/replication/ReplicationsPage.tsx'));
const EvidenceLibraryPage = lazy(() => import('./features/evidence/EvidenceLibraryPage.tsx'));
const NotificationsPage = lazy(() => import('./features/notifications/NotificationsPage.tsx'));
const ProgressBoardPage = lazy(() => import('./features/progress/ProgressBoardPage.tsx'));
// Oversight: the province cockpit and drill-down, and the platform's national view (charts load later still).
const ProvinceCockpitPage = lazy(() => import('./features/oversight/ProvinceCockpitPage.tsx'));
const RegencyDetailPage = lazy(() => import('./features/oversight/RegencyDetailPage.tsx'));
const NationalSummaryPage = lazy(() => import('./features/platform/NationalSummaryPage.tsx'));
// The leaders' command centre: a phone's first download after sign-in, so it stays a small chunk.
const CommandCentrePage = lazy(() => import('./features/leaders/CommandCentrePage.tsx'));
const ExportsPage = lazy(() => import('./features/exports/ExportsPage.tsx'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage.tsx'));
// Regional innovation contests (ADR 0037): Bappeda, judges and entrants share the pages by role.
const ContestsPage = lazy(() => import('./features/contests/ContestsPage.tsx'));
const ContestDetailPage = lazy(() => import('./features/contests/ContestDetailPage.tsx'));
const PublicContestPage = lazy(() => import('./features/contests/PublicContestPage.tsx'));

function HomeRedirect() {
  const { user } = useMe();
  return <Navigate to={homePathFor(user.roles)} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/masuk" element={<SignInPage />} />
      <Route path="/masuk/callback" element={<SignInCallbackPage />} />
      <Route path="/katalog" element={<CatalogPage />} />
      <Route path="/katalog/:catalogId" element={<CatalogDetailPage />} />
      <Route path="/lomba-publik/:region/:callId" element={<PublicContestPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomeRedirect />} />
          <Route element={<RequireRole roles={CONTEST_ROLES} />}>
            <Route path="lomba" element={<ContestsPage />} />
            <Route path="lomba/:callId" element={<ContestDetailPage />} />
          </Route>
          <Route path="inovasi" element={<RequireRole roles={INNOVATION_ROLES} />}>
            <Route index element={<InnovationListPage />} />
            <Route path="baru" element={<InnovationEditPage />} />
            <Route path=":innovationId" element={<InnovationDetailPage />} />
            <Route path=":innovationId/profil" element={<InnovationEditPage />} />
          </Route>
          <Route element={<RequireRole roles={DASHBOARD_ROLES} />}>
            <Route path="dasbor" element={<RegionDashboardPage />} />
            <Route path="simulasi" element={<WhatIfPage />} />
            <Route path="kesenjangan" element={<GapsPage />} />
          </Route>
          <Route element={<RequireRole roles={['opd_operator']} />}>
            <Route path="tugas" element={<InnovationQueuePage mode="operator" />} />
          </Route>
          <Route element={<RequireRole roles={EVIDENCE_ROLES} />}>
            <Route path="data-dukung" element={<EvidenceLibraryPage />} />
          </Route>
          <Route element={<RequireRole roles={INNOVATION_ROLES} />}>
            <Route path="notifikasi" element={<NotificationsPage />} />
          </Route>
          <Route element={<RequireRole roles={REVIEW_ROLES} />}>
            <Route path="verifikasi" element={<InnovationQueuePage mode="verifier" />} />
            <Route path="spd" element={<SpdPage />} />
            <Route path="ekspor" element={<ExportsPage />} />
          </Route>
          <Route element={<RequireRole roles={['tenant_admin']} />}>
            <Route path="opd" element={<OpdsPage />} />
            <Route path="unit" element={<UnitsPage />} />
            <Route path="pengguna" element={<MembersPage />} />
            <Route path="periode" element={<PeriodsPage />} />
            <Route path="pengaturan" element={<SettingsPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="replikasi" element={<ReplicationsPage />} />
            <Route path="progres" element={<ProgressBoardPage />} />
            <Route path="impor" element={<ImportsPage />} />
          </Route>
          <Route element={<RequireRole roles={['pimpinan']} />}>
            <Route path="pimpinan" element={<CommandCentrePage />} />
          </Route>
          <Route element={<RequireRole roles={['province_viewer']} />}>
            <Route path="provinsi" element={<ProvinceCockpitPage />} />
            <Route path="provinsi/:regency" element={<RegencyDetailPage />} />
          </Route>
          <Route element={<RequireRole roles={['platform_admin']} />}>
            <Route path="platform/pemda" element={<TenantsPage />} />
            <Route path="platform/nasional" element={<NationalSummaryPage />} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
