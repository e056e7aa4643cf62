import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { MODULES } from '../../common/modules.ts';
import { setNavigator } from './api/client.ts';
import { AppShell } from './components/AppShell.tsx';
import { RequireFullSession, RequirePermission } from './components/session.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ModulePlaceholderPage } from './pages/ModulePlaceholderPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PasswordChangePage } from './pages/PasswordChangePage.tsx';
import { TotpChallengePage } from './pages/TotpChallengePage.tsx';
import { TotpEnrolPage } from './pages/TotpEnrolPage.tsx';

// The heavier pages load on first visit so the sign-in page stays light.
const OrgTreePage = lazy(() => import('./pages/OrgTreePage.tsx').then((m) => ({ default: m.OrgTreePage })));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const CalendarPage = lazy(() => import('./pages/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })));
const TokensPage = lazy(() => import('./pages/TokensPage.tsx').then((m) => ({ default: m.TokensPage })));
const OrgPage = lazy(() => import('./pages/OrgPage.tsx').then((m) => ({ default: m.OrgPage })));
const MembersPage = lazy(() => import('./pages/MembersPage.tsx').then((m) => ({ default: m.MembersPage })));
const MemberProfilePage = lazy(() => import('./pages/MemberProfilePage.tsx').then((m) => ({ default: m.MemberProfilePage })));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const DataQualityPage = lazy(() => import('./pages/DataQualityPage.tsx').then((m) => ({ default: m.DataQualityPage })));
const InspectionDashboardPage = lazy(() =>
  import('./pages/InspectionDashboardPage.tsx').then((m) => ({ default: m.InspectionDashboardPage })),
);
const ProgrammesPage = lazy(() => import('./pages/ProgrammesPage.tsx').then((m) => ({ default: m.ProgrammesPage })));
const ProgrammePage = lazy(() => import('./pages/ProgrammePage.tsx').then((m) => ({ default: m.ProgrammePage })));
const CasesPage = lazy(() => import('./pages/CasesPage.tsx').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./pages/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const RemediationPage = lazy(() => import('./pages/RemediationPage.tsx').then((m) => ({ default: m.RemediationPage })));
const SupervisionReportsPage = lazy(() =>
  import('./pages/SupervisionReportsPage.tsx').then((m) => ({ default: m.SupervisionReportsPage })),
);
const NotificationsPage = lazy(() => import('./pages/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));
const DisciplinePage = lazy(() => import('./pages/DisciplinePage.tsx').then((m) => ({ default: m.DisciplinePage })));
const DisciplineMatterPage = lazy(() => import('./pages/DisciplineMatterPage.tsx').then((m) => ({ default: m.DisciplineMatterPage })));
const DisciplineComplaintsPage = lazy(() =>
  import('./pages/DisciplineComplaintsPage.tsx').then((m) => ({ default: m.DisciplineComplaintsPage })),
);
const DisciplineComplaintPage = lazy(() =>
  import('./pages/DisciplineComplaintPage.tsx').then((m) => ({ default: m.DisciplineComplaintPage })),
);
const PetitionsPage = lazy(() => import('./pages/PetitionsPage.tsx').then((m) => ({ default: m.PetitionsPage })));
const PetitionPage = lazy(() => import('./pages/PetitionPage.tsx').then((m) => ({ default: m.PetitionPage })));
const PortalApp = lazy(() => import('./portal/PortalApp.tsx').then((m) => ({ default: m.PortalApp })));
const TotpStatusPage = lazy(() => import('./pages/TotpStatusPage.tsx').then((m) => ({ default: m.TotpStatusPage })));

/** Lets the API client redirect within the app, and forget the old session when the server ends it. */
function NavigatorBridge() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    setNavigator(
      (path) => navigate(path),
      () => queryClient.removeQueries(),
    );
  }, [navigate, queryClient]);
  return null;
}

export function AppRoutes() {
  return (
    <>
      <NavigatorBridge />
      <Routes>
        <Route
          path="/cong-khai/*"
          element={
            <Suspense fallback={null}>
              <PortalApp />
            </Suspense>
          }
        />
        <Route path="/dang-nhap" element={<LoginPage />} />
        <Route path="/doi-mat-khau" element={<PasswordChangePage />} />
        <Route path="/xac-thuc-hai-lop" element={<TotpChallengePage />} />
        <Route path="/xac-thuc-hai-lop/dang-ky" element={<TotpEnrolPage />} />
        <Route element={<RequireFullSession />}>
          <Route element={<AppShell />}>
            <Route index element={<HomePage />} />
            <Route path="/to-chuc" element={<OrgTreePage />} />
            <Route path="/to-chuc/:id" element={<OrgPage />} />
            <Route
              path="/dang-vien"
              element={
                <RequirePermission permission="member.read">
                  <MembersPage />
                </RequirePermission>
              }
            />
            <Route
              path="/dang-vien/:id"
              element={
                <RequirePermission permission="member.read">
                  <MemberProfilePage />
                </RequirePermission>
              }
            />
            <Route
              path="/nhap-du-lieu"
              element={
                <RequirePermission permission="member.import">
                  <ImportPage />
                </RequirePermission>
              }
            />
            <Route
              path="/chat-luong-du-lieu"
              element={
                <RequirePermission permission="member.read">
                  <DataQualityPage />
                </RequirePermission>
              }
            />
            <Route
              path="/kiem-tra-giam-sat"
              element={
                <RequirePermission permission="inspection.read">
                  <InspectionDashboardPage />
                </RequirePermission>
              }
            />
            <Route
              path="/kiem-tra-giam-sat/chuong-trinh"
              element={
                <RequirePermission permission="inspection.read">
                  <ProgrammesPage />
                </RequirePermission>
              }
            />
            <Route
              path="/kiem-tra-giam-sat/chuong-trinh/:id"
              element={
                <RequirePermission permission="inspection.read">
                  <ProgrammePage />
                </RequirePermission>
              }
            />
            <Route
              path="/kiem-tra-giam-sat/cuoc"
              element={
                <RequirePermission permission="inspection.read">
                  <CasesPage />
                </RequirePermission>
              }
            />
            <Route
              path="/kiem-tra-giam-sat/cuoc/:id"
              element={
                <RequirePermission permission="inspection.read">
                  <CasePage />
                </RequirePermission>
              }
            />
            <Route
              path="/kiem-tra-giam-sat/khac-phuc"
              element={
                <RequirePermission permission="inspection.read">
                  <RemediationPage />
                </RequirePermission>
              }
            />
            <Route path="/kiem-tra-giam-sat/giam-sat-thuong-xuyen" element={<SupervisionReportsPage />} />
            <Route path="/thong-bao" element={<NotificationsPage />} />
            <Route
              path="/ky-luat"
              element={
                <RequirePermission permission="discipline.read">
                  <DisciplinePage />
                </RequirePermission>
              }
            />
            <Route
              path="/ky-luat/khieu-nai"
              element={
                <RequirePermission permission="discipline.read">
                  <DisciplineComplaintsPage />
                </RequirePermission>
              }
            />
            <Route
              path="/ky-luat/khieu-nai/:id"
              element={
                <RequirePermission permission="discipline.read">
                  <DisciplineComplaintPage />
                </RequirePermission>
              }
            />
            <Route
              path="/ky-luat/:id"
              element={
                <RequirePermission permission="discipline.read">
                  <DisciplineMatterPage />
                </RequirePermission>
              }
            />
            <Route
              path="/don-thu"
              element={
                <RequirePermission permission="petition.read">
                  <PetitionsPage />
                </RequirePermission>
              }
            />
            <Route
              path="/don-thu/:id"
              element={
                <RequirePermission permission="petition.read">
                  <PetitionPage />
                </RequirePermission>
              }
            />
            {MODULES.filter((m) => !m.ready).map((m) => (
              <Route key={m.key} path={m.path} element={<ModulePlaceholderPage module={m} />} />
            ))}
            <Route
              path="/quan-tri/nguoi-dung"
              element={
                <RequirePermission permission="user.manage">
                  <UsersPage />
                </RequirePermission>
              }
            />
            <Route
              path="/quan-tri/nhat-ky"
              element={
                <RequirePermission permission="audit.read">
                  <AuditPage />
                </RequirePermission>
              }
            />
            <Route path="/lich-lam-viec" element={<CalendarPage />} />
            <Route path="/tai-khoan/xac-thuc-hai-lop" element={<TotpStatusPage />} />
            <Route path="/tai-khoan/ma-truy-cap" element={<TokensPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </>
  );
}
