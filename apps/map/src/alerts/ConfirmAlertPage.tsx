import { useT } from '@plaza/web/i18n';
import type { AlertConfirmResult } from '@plaza/shared/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { AccountPage } from '../account/AccountPage';
import { ApiError } from '@plaza/web/api-client';
import { appHref } from '../shell/app-href';
import { alertsApi } from './alerts-api';

type State =
  | { status: 'working' }
  | { status: 'done'; result: AlertConfirmResult }
  | { status: 'invalid' }
  | { status: 'failed' };

/**
 * /alerts/confirm/:token, the link of the confirmation email. It confirms by POST when opened, so
 * the GET a mail scanner makes on the link confirms nothing by itself (the page's script must run).
 */
export function ConfirmAlertPage({ token }: { token: string }) {
  const { t, locale } = useT();
  const [state, setState] = useState<State>({ status: 'working' });

  useEffect(() => {
    let live = true;
    alertsApi.confirm(token, locale).then(
      (result) => live && setState({ status: 'done', result }),
      (error: unknown) =>
        live &&
        setState({ status: error instanceof ApiError && error.status === 404 ? 'invalid' : 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [token, locale]);

  return (
    <AccountPage title={t('alerts.confirm.title')}>
      <div role="status">
        {state.status === 'working' && <p>{t('alerts.confirm.working')}</p>}
        {state.status === 'done' && (
          <>
            <p>{t('alerts.confirm.done', { what: state.result.description })}</p>
            <p>{t(`alerts.confirm.frequency.${state.result.frequency}`)}</p>
          </>
        )}
      </div>
      {(state.status === 'invalid' || state.status === 'failed') && (
        <p role="alert" className="ui-alert">
          {t(state.status === 'invalid' ? 'alerts.confirm.invalid' : 'alerts.confirm.failed')}
        </p>
      )}
      <p className="alerts-confirm__links">
        <Link href={appHref('/')}>{t('alerts.confirm.toMap')}</Link>
        {state.status !== 'done' && state.status !== 'working' && (
          <>
            {' · '}
            <Link href={appHref('/alerts')}>{t('alerts.confirm.toForm')}</Link>
          </>
        )}
      </p>
    </AccountPage>
  );
}
