import { useT } from '@plaza/web/i18n';
import { Page } from '@plaza/console/ui';

/** A citizen account signed in here: say plainly that the console is for city staff. */
export function CitizenNotice() {
  const { t, locale } = useT();
  return (
    <Page title={t('auth.citizen.title')}>
      <p>{t('auth.citizen.body')}</p>
      <p>
        <a href={`/?lang=${locale}`}>{t('auth.citizen.toMap')}</a>
      </p>
    </Page>
  );
}
