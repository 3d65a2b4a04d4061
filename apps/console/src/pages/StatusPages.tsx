import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, StatusMessage } from '@plaza/web/ui';
import { ConsoleLink, Page } from '@plaza/console/ui';

export function CheckingSessionPage() {
  const { t } = useT();
  return (
    <Page title={t('console.title')} documentTitle={t('console.pageTitle')}>
      <StatusMessage>{t('console.session.checking')}</StatusMessage>
    </Page>
  );
}

/** Shown while a feature's code is fetched: the wait is announced, no heading is taken from the page. */
export function LoadingPage() {
  const { t } = useT();
  return <StatusMessage>{t('console.loading')}</StatusMessage>;
}

export function UnavailablePage({ onRetry }: { onRetry(): void }) {
  const { t } = useT();
  return (
    <Page title={t('console.title')} documentTitle={t('console.pageTitle')}>
      <AlertMessage>{t('console.session.unavailable')}</AlertMessage>
      <Button variant="primary" onClick={onRetry}>
        {t('console.retry')}
      </Button>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useT();
  return (
    <Page title={t('console.notFound.title')}>
      <p>{t('console.notFound.body')}</p>
      <p>
        <ConsoleLink href="/">{t('console.notFound.home')}</ConsoleLink>
      </p>
    </Page>
  );
}

/** A signed-in staff member without the admin role opened an administration address. */
export function AdminOnlyPage() {
  const { t } = useT();
  return (
    <Page title={t('admin.forbidden.title')}>
      <p>{t('admin.forbidden.body')}</p>
      <p>
        <ConsoleLink href="/">{t('console.notFound.home')}</ConsoleLink>
      </p>
    </Page>
  );
}
