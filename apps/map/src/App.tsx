import {
  hasSupported,
  searchPlaces,
  supportReport,
  threadApi,
  useProofOfWorkInProgress,
} from '@plaza/map/data-access';
import { ExplorePage } from '@plaza/map/feature-explore';
import { ConnectionCheckStatus, MapUiApiProvider, type MapUiApi } from '@plaza/map/ui';
import { I18nProvider, useLocaleState, useT } from '@plaza/web/i18n';
import { SessionProvider } from '@plaza/web/session';
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { NotFoundPage } from './shell/NotFoundPage';
import { SiteHeader } from './shell/SiteHeader';

// The map is what most visitors load; every other page comes on demand.
const ReportPage = lazy(() => import('@plaza/map/feature-report').then((m) => ({ default: m.ReportPage })));
const NewReportPage = lazy(() => import('@plaza/map/feature-new-report').then((m) => ({ default: m.NewReportPage })));
const SentPage = lazy(() => import('@plaza/map/feature-new-report').then((m) => ({ default: m.SentPage })));
const ConfirmPage = lazy(() => import('@plaza/map/feature-new-report').then((m) => ({ default: m.ConfirmPage })));
const SignInPage = lazy(() => import('./sign-in-routes').then((m) => ({ default: m.MapSignInPage })));
const SignUpPage = lazy(() => import('./sign-in-routes').then((m) => ({ default: m.MapSignUpPage })));
const EmailLinkPage = lazy(() => import('./sign-in-routes').then((m) => ({ default: m.MapEmailLinkPage })));
const AccountSettingsPage = lazy(() =>
  import('@plaza/map/feature-account').then((m) => ({ default: m.AccountSettingsPage })),
);
const NotificationsPage = lazy(() =>
  import('@plaza/map/feature-account').then((m) => ({ default: m.NotificationsPage })),
);
const AccountDataPage = lazy(() => import('@plaza/map/feature-account').then((m) => ({ default: m.AccountDataPage })));
const UnsubscribePage = lazy(() => import('@plaza/map/feature-account').then((m) => ({ default: m.UnsubscribePage })));
const ProposalsPage = lazy(() => import('@plaza/map/feature-proposals').then((m) => ({ default: m.ProposalsPage })));
const NewProposalPage = lazy(() =>
  import('@plaza/map/feature-proposals').then((m) => ({ default: m.NewProposalPage })),
);
const ProposalPage = lazy(() => import('@plaza/map/feature-proposals').then((m) => ({ default: m.ProposalPage })));
const AlertsPage = lazy(() => import('@plaza/map/feature-alerts').then((m) => ({ default: m.AlertsPage })));
const ConfirmAlertPage = lazy(() =>
  import('@plaza/map/feature-alerts').then((m) => ({ default: m.ConfirmAlertPage })),
);

// The public figures (docs/statistics.md): their charts and tables load only on these routes.
const CityStatsPage = lazy(() => import('@plaza/map/feature-stats').then((m) => ({ default: m.CityStatsPage })));
const AreaStatsPage = lazy(() => import('@plaza/map/feature-stats').then((m) => ({ default: m.AreaStatsPage })));
const DepartmentStatsPage = lazy(() =>
  import('@plaza/map/feature-stats').then((m) => ({ default: m.DepartmentStatsPage })),
);
const StatsServicePage = lazy(() => import('@plaza/map/feature-stats').then((m) => ({ default: m.ServicePage })));

// The shared widgets' calls (comments, follow, flag, "me too", place search), wired once.
const MAP_UI_API: MapUiApi = { thread: threadApi, searchPlaces, supportReport, hasSupported };

export function App() {
  const [locale, setLocale] = useLocaleState();
  return (
    <I18nProvider locale={locale}>
      {/* Outside the routes: the header and the pages share one idea of who is signed in. */}
      <SessionProvider>
        <MapUiApiProvider api={MAP_UI_API}>
        <div className="page">
          <SkipLink />
          <SiteHeader onLocaleChange={setLocale} />
          <Suspense fallback={<Loading />}>
            <Switch>
              <Route path="/" component={ExplorePage} />
              <Route path="/reports/:ref">
                {(params) => <ReportPage key={params.ref} reference={params.ref} />}
              </Route>
              <Route path="/new" component={NewReportPage} />
              <Route path="/new/sent/:ref">{(params) => <SentPage reference={params.ref} />}</Route>
              <Route path="/confirm/:token">{(params) => <ConfirmPage key={params.token} token={params.token} />}</Route>
              <Route path="/signin/link" component={EmailLinkPage} />
              <Route path="/signin" component={SignInPage} />
              <Route path="/signup" component={SignUpPage} />
              <Route path="/account/notifications" component={NotificationsPage} />
              <Route path="/account/data" component={AccountDataPage} />
              <Route path="/account" component={AccountSettingsPage} />
              <Route path="/proposals" component={ProposalsPage} />
              <Route path="/proposals/new" component={NewProposalPage} />
              <Route path="/proposals/:id">
                {(params) => <ProposalPage key={params.id} id={params.id} />}
              </Route>
              <Route path="/unsubscribe/:token">
                {(params) => <UnsubscribePage key={params.token} token={params.token} />}
              </Route>
              <Route path="/alerts" component={AlertsPage} />
              <Route path="/alerts/confirm/:token">
                {(params) => <ConfirmAlertPage key={params.token} token={params.token} />}
              </Route>
              <Route path="/stats" component={CityStatsPage} />
              <Route path="/stats/service" component={StatsServicePage} />
              <Route path="/stats/areas/:code">
                {(params) => <AreaStatsPage key={params.code} code={params.code} />}
              </Route>
              <Route path="/stats/departments/:code">
                {(params) => <DepartmentStatsPage key={params.code} code={params.code} />}
              </Route>
              <Route component={NotFoundPage} />
            </Switch>
          </Suspense>
          <ProofOfWorkStatus />
        </div>
        </MapUiApiProvider>
      </SessionProvider>
    </I18nProvider>
  );
}

/** Every public form may be asked for a proof of work; one status line for all of them. */
function ProofOfWorkStatus() {
  return <ConnectionCheckStatus checking={useProofOfWorkInProgress()} />;
}

function SkipLink() {
  const { t } = useT();
  return (
    <a className="skip-link" href="#main">
      {t('a11y.skipToContent')}
    </a>
  );
}

function Loading() {
  const { t } = useT();
  return (
    <main id="main" tabIndex={-1} className="page-content">
      <p role="status">{t('page.loading')}</p>
    </main>
  );
}
