import type { UnsubscribeView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, StatusMessage } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { AccountPage } from '../account/AccountPage';
import { ApiError, isAbort } from '@plaza/web/api-client';
import { appHref } from '../shell/app-href';
import { unsubscribeApi } from './unsubscribe-api';

type State =
  | { status: 'loading' }
  | { status: 'ready'; view: UnsubscribeView }
  | { status: 'done'; view: UnsubscribeView }
  | { status: 'invalid' }
  | { status: 'failed'; view: UnsubscribeView | null };

const isInvalid = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

/**
 * /unsubscribe/:token, where the link at the foot of a mail lands. Shows what it would stop and
 * acts only on the button (link scanners open pages too); no sign-in needed.
 */
export function UnsubscribePage({ token }: { token: string }) {
  const { t, locale } = useT();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    unsubscribeApi.describe(token, locale, controller.signal).then(
      (view) => setState((current) => (current.status === 'done' ? current : { status: 'ready', view })),
      (error: unknown) => {
        if (isAbort(error)) return;
        setState(isInvalid(error) ? { status: 'invalid' } : { status: 'failed', view: null });
      },
    );
    return () => controller.abort();
  }, [token, locale]);

  useEffect(() => {
    if (state.status === 'done') doneRef.current?.focus();
  }, [state.status]);

  const confirm = async (view: UnsubscribeView) => {
    setBusy(true);
    try {
      setState({ status: 'done', view: await unsubscribeApi.confirm(token, locale) });
    } catch (error) {
      setState(isInvalid(error) ? { status: 'invalid' } : { status: 'failed', view });
    } finally {
      setBusy(false);
    }
  };

  const view = 'view' in state ? state.view : null;
  return (
    <AccountPage title={t('unsubscribe.title')}>
      <StatusMessage>{state.status === 'loading' ? t('unsubscribe.loading') : null}</StatusMessage>
      {state.status === 'invalid' && <AlertMessage>{t('unsubscribe.invalid')}</AlertMessage>}
      {state.status === 'failed' && <AlertMessage>{t('unsubscribe.failed')}</AlertMessage>}
      {view && state.status !== 'done' && (
        <>
          <p>{t('unsubscribe.question')}</p>
          <p className="unsubscribe-subject">
            <strong>{view.description}</strong>
          </p>
          <p>{t('unsubscribe.explain')}</p>
          <Button variant="primary" busy={busy} onClick={() => void confirm(view)}>
            {t('unsubscribe.confirm')}
          </Button>
        </>
      )}
      {state.status === 'done' && (
        <>
          <p ref={doneRef} tabIndex={-1} role="status" className="unsubscribe-done">
            {t('unsubscribe.done')}
          </p>
          <p className="unsubscribe-subject">{state.view.description}</p>
        </>
      )}
      {state.status !== 'loading' && (
        <p>
          <Link href={appHref('/')}>{t('unsubscribe.backToMap')}</Link>
        </p>
      )}
    </AccountPage>
  );
}
