import { LanguageSwitch, useT, type Locale } from '@plaza/web/i18n';
import { AlertMessage } from '@plaza/web/ui';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { ConsoleLink, markNavigation, NavLink, takeNavigationMark } from '@plaza/console/ui';
import { canHandleDeliveries, canManageTemplates, canModerateParticipation, requestErrorMessage } from '@plaza/console/util';
import { isAdmin, isStaff, useSession } from '@plaza/web/session';
import { FlagCountBadge } from './FlagCountBadge';

const HEADING_WAIT_MS = 10_000;

export function Shell({
  locale,
  onLocaleChange,
  children,
}: {
  locale: Locale;
  onLocaleChange(locale: Locale): void;
  children: ReactNode;
}) {
  const { t } = useT();
  const { state, saveAccountLocale } = useSession();
  const [location] = useLocation();
  const user = state.status === 'signedIn' ? state.session.user : null;

  // A client-side navigation replaces the page under the user's feet: land on the new h1 so
  // screen readers announce where they are and Tab starts from the top of the content.
  // The page's code may still be loading (features are fetched on first use): wait a little for
  // its heading, skipping the previous page's, which stays in the DOM hidden until then.
  useEffect(() => {
    if (!takeNavigationMark()) return;
    const giveUpAt = Date.now() + HEADING_WAIT_MS;
    let frame = 0;
    const focusHeading = () => {
      const headings = document.querySelectorAll<HTMLElement>('#main h1');
      const heading = Array.from(headings).find((element) => element.getClientRects().length > 0);
      if (heading) heading.focus();
      else if (Date.now() < giveUpAt) frame = requestAnimationFrame(focusHeading);
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [location]);

  return (
    <div className="console-page">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <p className="brand">
          <ConsoleLink href="/" className="brand__link">
            {t('app.name')} <span className="brand__tagline">{t('console.brand')}</span>
          </ConsoleLink>
        </p>
        <LanguageSwitch
          className="lang-switch"
          onChange={(next) => {
            onLocaleChange(next);
            // Staff mails (invitations, digests) follow the language they work in; a failed save
            // does not undo the switch.
            saveAccountLocale(next).catch(() => undefined);
          }}
        />
        {user && <AccountControls name={user.name} email={user.email} />}
      </header>
      {user && isStaff(user) && (
        <nav aria-label={t('console.nav.label')} className="console-nav">
          <ul>
            <li>
              <NavLink href="/" exact>
                {t('console.nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink href="/inbox">{t('console.nav.inbox')}</NavLink>
            </li>
            {canModerateParticipation(user) && (
              <li>
                <NavLink href="/flags">
                  {t('console.nav.flags')}
                  <FlagCountBadge />
                </NavLink>
              </li>
            )}
            <li>
              <NavLink href="/proposals">{t('console.nav.proposals')}</NavLink>
            </li>
            {canHandleDeliveries(user) && (
              <li>
                <NavLink href="/deliveries">{t('console.nav.deliveries')}</NavLink>
              </li>
            )}
            {canManageTemplates(user) && !isAdmin(user) && (
              <li>
                <NavLink href="/templates">{t('console.nav.templates')}</NavLink>
              </li>
            )}
            {isAdmin(user) && (
              <li>
                <NavLink href="/admin">{t('console.nav.admin')}</NavLink>
              </li>
            )}
            <li>
              <NavLink href="/account">{t('console.nav.account')}</NavLink>
            </li>
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1} className="console-main">
        {children}
      </main>
      <footer className="site-footer">
        {/* Keep the language when going back to the public site. */}
        <a href={`/?lang=${locale}`}>{t('console.backToMap')}</a>
      </footer>
    </div>
  );
}

function AccountControls({ name, email }: { name: string; email: string }) {
  const { t } = useT();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (everywhere: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      // The buttons vanish with the session: let focus land on the sign-in page's heading.
      markNavigation();
      await signOut(everywhere);
    } catch (error) {
      takeNavigationMark();
      setFailure(requestErrorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <div className="account">
      <p className="account__who">
        {t('console.account.signedInAs')} <strong>{name}</strong> <span className="account__email">({email})</span>
      </p>
      <div className="account__actions">
        <button type="button" className="header-button" disabled={busy} onClick={() => void run(false)}>
          {t('console.account.signOut')}
        </button>
        <button type="button" className="header-button" disabled={busy} onClick={() => void run(true)}>
          {t('console.account.signOutEverywhere')}
        </button>
      </div>
      {failure && <AlertMessage>{failure}</AlertMessage>}
    </div>
  );
}
