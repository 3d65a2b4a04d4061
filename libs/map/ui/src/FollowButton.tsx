import type { FollowState, SessionView } from '@plaza/shared/contracts';
import './proposal-bits.css';
import { useT } from '@plaza/web/i18n';
import { Button } from '@plaza/web/ui';
import { useEffect, useState } from 'react';
import { useMapUiApi } from './map-ui-api';
import { actionErrorKey } from '@plaza/map/util';

interface FollowButtonProps {
  /** `/api/v1/proposals/12` or `/api/v1/reports/2026-000123`. */
  base: string;
  session: SessionView;
  /** What the page already knows (a proposal's `viewer.following`); without it the button asks the API. */
  initial?: FollowState;
}

/**
 * Follow or stop following a proposal or report. Only the subscription is stored here; the
 * messages it leads to are sent by the notifications feature. A toggle button (`aria-pressed`),
 * so a screen reader says whether the visitor follows it now.
 */
export function FollowButton({ base, session, initial }: FollowButtonProps) {
  const { t } = useT();
  const threadApi = useMapUiApi().thread;
  const [state, setState] = useState<FollowState | null>(initial ?? null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  useEffect(() => {
    if (initial) return;
    const controller = new AbortController();
    threadApi.following(base, controller.signal).then(setState, () => undefined);
    return () => controller.abort();
  }, [base, initial !== undefined]);

  const toggle = async () => {
    if (!state || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const next = await threadApi.follow(base, session, !state.following);
      setState(next);
      setMessage({ kind: 'status', text: t(next.following ? 'follow.on' : 'follow.off') });
    } catch (error) {
      setMessage({ kind: 'alert', text: t(actionErrorKey(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="follow-box">
      {state && (
        // Not `busy` (which disables): a disabled button drops keyboard focus, and the visitor
        // should be able to press it again to undo.
        <Button aria-pressed={state.following} aria-busy={busy || undefined} onClick={toggle}>
          {t('follow.button')}
        </Button>
      )}
      {state && <span className="follow-box__count">{t('follow.count', { count: state.followers })}</span>}
      <span role="status">{message?.kind === 'status' ? message.text : ''}</span>
      <span role="alert">{message?.kind === 'alert' ? message.text : ''}</span>
    </div>
  );
}
