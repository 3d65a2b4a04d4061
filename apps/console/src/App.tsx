import type { SessionUser } from '@plaza/shared/contracts';
import { I18nProvider, useLocaleState, useT } from '@plaza/web/i18n';
import { lazy, Suspense, type ReactNode } from 'react';
import { Redirect, Route, Router, Switch, useLocation, useSearch } from 'wouter';
import { pathWithLang } from '@plaza/console/ui';
import { canFileOnBehalf, canHandleDeliveries, canManageTemplates, canModerateParticipation } from '@plaza/console/util';
import { isAdmin, isStaff, SessionProvider, useSession } from '@plaza/web/session';
import { AccountPage } from './pages/AccountPage';
import { CitizenNotice } from './pages/CitizenNotice';
import { HomePage } from './pages/HomePage';
import {
  AdminOnlyPage,
  CheckingSessionPage,
  LoadingPage,
  NotFoundPage,
  UnavailablePage,
} from './pages/StatusPages';
import { Shell } from './shell/Shell';
import { ConsoleEmailLinkPage, ConsoleSignInPage } from './sign-in-routes';

// Each feature library is its own chunk, fetched the first time one of its routes opens.
const cases = () => import('@plaza/console/feature-cases');
const participation = () => import('@plaza/console/feature-participation');
const deliveries = () => import('@plaza/console/feature-deliveries');
const admin = () => import('@plaza/console/feature-admin');

const InboxPage = lazy(() => cases().then((m) => ({ default: m.InboxPage })));
const CasePage = lazy(() => cases().then((m) => ({ default: m.CasePage })));
const FileOnBehalfPage = lazy(() => cases().then((m) => ({ default: m.FileOnBehalfPage })));
const FlagsPage = lazy(() => participation().then((m) => ({ default: m.FlagsPage })));
const ProposalsPage = lazy(() => participation().then((m) => ({ default: m.ProposalsPage })));
const ProposalStaffPage = lazy(() => participation().then((m) => ({ default: m.ProposalStaffPage })));
const DeliveriesPage = lazy(() => deliveries().then((m) => ({ default: m.DeliveriesPage })));
const AdminLayout = lazy(() => admin().then((m) => ({ default: m.AdminLayout })));
const AdminHomePage = lazy(() => admin().then((m) => ({ default: m.AdminHomePage })));
const ApiClientsPage = lazy(() => admin().then((m) => ({ default: m.ApiClientsPage })));
const AreasPage = lazy(() => admin().then((m) => ({ default: m.AreasPage })));
const AuditPage = lazy(() => admin().then((m) => ({ default: m.AuditPage })));
const CategoriesPage = lazy(() => admin().then((m) => ({ default: m.CategoriesPage })));
const DepartmentsPage = lazy(() => admin().then((m) => ({ default: m.DepartmentsPage })));
const DepartmentTrustPage = lazy(() => admin().then((m) => ({ default: m.DepartmentTrustPage })));
const HolidaysPage = lazy(() => admin().then((m) => ({ default: m.HolidaysPage })));
const MailListPage = lazy(() => admin().then((m) => ({ default: m.MailListPage })));
const MailMessagePage = lazy(() => admin().then((m) => ({ default: m.MailMessagePage })));
const ProposalThemesPage = lazy(() => admin().then((m) => ({ default: m.ProposalThemesPage })));
const RoutingRulesPage = lazy(() => admin().then((m) => ({ default: m.RoutingRulesPage })));
const TemplatesPage = lazy(() => admin().then((m) => ({ default: m.TemplatesPage })));
const UsersPage = lazy(() => admin().then((m) => ({ default: m.UsersPage })));

export function App() {
  const [locale, setLocale] = useLocaleState();
  return (
    <I18nProvider locale={locale}>
      {/* The console cannot work without the API, and a 401 on any call means the session ended. */}
      <SessionProvider requireApi endOnExpiry>
        {/* The API serves the console under /console/ with an SPA fallback for deeper paths. */}
        <Router base="/console">
          <Shell locale={locale} onLocaleChange={setLocale}>
            <ConsoleRoutes />
          </Shell>
        </Router>
      </SessionProvider>
    </I18nProvider>
  );
}

function ConsoleRoutes() {
  return (
    <Switch>
      <Route path="/signin/link" component={ConsoleEmailLinkPage} />
      <Route path="/signin" component={ConsoleSignInPage} />
      <Route>
        <RequireStaff>
          {(user) => (
            // While a feature's chunk loads, the page area says so (a status the screen reader announces).
            <Suspense fallback={<LoadingPage />}>
              <StaffRoutes admin={isAdmin(user)} user={user} />
            </Suspense>
          )}
        </RequireStaff>
      </Route>
    </Switch>
  );
}

function StaffRoutes({ admin, user }: { admin: boolean; user: SessionUser }) {
  const adminPage = (page: ReactNode) => (admin ? <AdminLayout>{page}</AdminLayout> : <AdminOnlyPage />);
  return (
    <Switch>
      <Route path="/">
        <HomePage user={user} />
      </Route>
      <Route path="/account">
        <AccountPage user={user} />
      </Route>
      <Route path="/inbox">
        <InboxPage user={user} />
      </Route>
      {/* Only roles the API lets file on behalf see the form (department staff get "not found"). */}
      <Route path="/cases/new">{canFileOnBehalf(user) ? <FileOnBehalfPage /> : <NotFoundPage />}</Route>
      {/* Community managers manage response templates (the API lets them); admins also under /admin. */}
      <Route path="/templates">{canManageTemplates(user) ? <TemplatesPage /> : <NotFoundPage />}</Route>
      <Route path="/flags">{canModerateParticipation(user) ? <FlagsPage /> : <NotFoundPage />}</Route>
      <Route path="/deliveries">{canHandleDeliveries(user) ? <DeliveriesPage /> : <NotFoundPage />}</Route>
      <Route path="/proposals">
        <ProposalsPage />
      </Route>
      <Route path="/proposals/:id">
        {(params) => <ProposalStaffPage key={params.id} id={Number(params.id)} manager={canModerateParticipation(user)} />}
      </Route>
      <Route path="/cases/:ref">{(params) => <CasePage key={params.ref} caseRef={decodeURIComponent(params.ref)} />}</Route>
      <Route path="/admin">{adminPage(<AdminHomePage />)}</Route>
      <Route path="/admin/departments">{adminPage(<DepartmentsPage />)}</Route>
      <Route path="/admin/categories">{adminPage(<CategoriesPage />)}</Route>
      <Route path="/admin/proposal-themes">{adminPage(<ProposalThemesPage />)}</Route>
      <Route path="/admin/routing">{adminPage(<RoutingRulesPage />)}</Route>
      <Route path="/admin/areas">{adminPage(<AreasPage />)}</Route>
      <Route path="/admin/users">{adminPage(<UsersPage />)}</Route>
      <Route path="/admin/templates">
        {admin ? adminPage(<TemplatesPage />) : canManageTemplates(user) ? <TemplatesPage /> : <AdminOnlyPage />}
      </Route>
      <Route path="/admin/holidays">{adminPage(<HolidaysPage />)}</Route>
      <Route path="/admin/department-trust">{adminPage(<DepartmentTrustPage />)}</Route>
      <Route path="/admin/audit">{adminPage(<AuditPage />)}</Route>
      <Route path="/admin/mail">{adminPage(<MailListPage />)}</Route>
      <Route path="/admin/api-clients">{adminPage(<ApiClientsPage />)}</Route>
      <Route path="/admin/mail/:id">{(params) => adminPage(<MailMessagePage id={params.id} />)}</Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}

/**
 * Everything but the sign-in pages needs a staff session. Without one, go to sign-in and come
 * back here afterwards; a citizen account is told the console is not for them.
 */
function RequireStaff({ children }: { children(user: SessionUser): ReactNode }) {
  const { locale } = useT();
  const { state, retry } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (state.status === 'loading') return <CheckingSessionPage />;
  if (state.status === 'unavailable') return <UnavailablePage onRetry={retry} />;
  if (state.status === 'anonymous') {
    // After a deliberate sign-out, start afresh rather than returning to the last page.
    const params = new URLSearchParams(search);
    params.delete('lang');
    const here = `${location}${params.size > 0 ? `?${params}` : ''}`;
    const next = state.reason === 'signedOut' || state.reason === 'signedOutEverywhere' || here === '/' ? null : here;
    return <Redirect to={pathWithLang(next ? `/signin?next=${encodeURIComponent(next)}` : '/signin', locale)} replace />;
  }
  if (!isStaff(state.session.user)) return <CitizenNotice />;
  return <>{children(state.session.user)}</>;
}
