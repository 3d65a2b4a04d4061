import { LanguageSwitch, useT, type Locale } from '@plaza/web/i18n';
import { Link, useLocation } from 'wouter';
import { AccountMenu } from './AccountMenu';
import { appHref } from '@plaza/map/util';
import { useSession } from '@plaza/web/session';

interface SiteHeaderProps {
  onLocaleChange(locale: Locale): void;
}

/** On the map, the site's name is the page's main heading; elsewhere the page's own title is. */
export function SiteHeader({ onLocaleChange }: SiteHeaderProps) {
  const { t } = useT();
  const { saveAccountLocale } = useSession();
  const [path] = useLocation();
  const onMap = path === '/';
  const onForm = path.startsWith('/new');
  const brand = (
    <>
      {t('app.name')} <span className="brand__tagline">{t('app.tagline')}</span>
    </>
  );
  return (
    <header className="site-header">
      {onMap ? (
        <h1 className="brand">{brand}</h1>
      ) : (
        <p className="brand">
          <Link href={appHref('/')} className="brand__link">
            {brand}
          </Link>
        </p>
      )}
      <div className="site-header__actions">
        {!onForm && (
          <Link href={appHref('/new')} className="cta-link">
            {t('nav.newReport')}
          </Link>
        )}
        <Link href={appHref('/proposals')} className="site-header__link">
          {t('nav.proposals')}
        </Link>
        <Link href={appHref('/alerts')} className="site-header__link">
          {t('nav.alerts')}
        </Link>
        <Link href={appHref('/stats')} className="site-header__link">
          {t('nav.stats')}
        </Link>
        <AccountMenu />
        <LanguageSwitch
          className="lang-switch"
          onChange={(locale) => {
            onLocaleChange(locale);
            // A signed-in citizen's mails follow the switch. A failed save does not undo the switch
            // (the account page shows the stored language and can save it again).
            saveAccountLocale(locale).catch(() => undefined);
          }}
        />
      </div>
    </header>
  );
}
