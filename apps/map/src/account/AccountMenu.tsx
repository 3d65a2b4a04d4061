import { useT } from '@plaza/web/i18n';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { appHref } from '../shell/app-href';
import { currentPathForNext, firstName } from '@plaza/web/session';
import { useSession } from '@plaza/web/session';
import { UnreadBadge } from './UnreadBadge';
import { useUnreadCount } from './unread-count';

/**
 * The header's account corner: "Sign in" for visitors; for a signed-in citizen, their first name
 * opening a small menu with the two ways to sign out. Signing out keeps the visitor on the page
 * (everything public still works) and says so in a live region.
 */
export function AccountMenu() {
  const { t } = useT();
  const { state, signOut } = useSession();
  const [path] = useLocation();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  // "You have signed out" belongs to the page it happened on, not to every page after it.
  const [signedOutOn, setSignedOutOn] = useState<string | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const signInLink = useRef<HTMLAnchorElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const justSignedOut = useRef(false);
  const unread = useUnreadCount();

  // After signing out the menu button is gone: focus goes to what replaced it, not to <body>.
  useEffect(() => {
    if (state.status === 'anonymous' && justSignedOut.current) {
      justSignedOut.current = false;
      signInLink.current?.focus();
    }
  }, [state.status]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const reason = state.status === 'anonymous' && signedOutOn === path ? state.reason : null;
  const status = failed
    ? t('account.signOutFailed')
    : reason
      ? t(reason === 'signedOut' ? 'account.signedOut' : 'account.signedOutEverywhere')
      : null;

  const leave = async (everywhere: boolean) => {
    setFailed(false);
    try {
      justSignedOut.current = true;
      await signOut(everywhere);
      setSignedOutOn(path);
      setOpen(false);
    } catch {
      justSignedOut.current = false;
      setFailed(true);
    }
  };

  let control = null;
  if (state.status === 'signedIn') {
    control = (
      <div
        className="account-menu"
        ref={menu}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            setOpen(false);
            menuButton.current?.focus();
          }
        }}
      >
        <button
          ref={menuButton}
          type="button"
          className="account-menu__button"
          aria-expanded={open}
          aria-controls="account-menu-list"
          onClick={() => setOpen((value) => !value)}
        >
          <span className="visually-hidden">
            {t('account.menu')}
            {/* Said before the name (the menu keeps its "… Name" accessible name); shown as a badge after it. */}
            {unread ? `, ${t('inbox.unread', { count: unread })},` : ''}{' '}
          </span>
          {firstName(state.session.user.name)}
          {/* Decoration only: the expanded state is aria-expanded's job. */}
          <span className="account-menu__caret" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
          {unread ? (
            <span className="inbox-count" aria-hidden="true">
              {unread}
            </span>
          ) : null}
        </button>
        <ul id="account-menu-list" className="account-menu__list" hidden={!open}>
          <li>
            <button type="button" onClick={() => void leave(false)}>
              {t('account.signOut')}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void leave(true)}>
              {t('account.signOutEverywhere')}
            </button>
          </li>
          {/* Last, so the sign-out items keep their place for keyboard users who know the menu. */}
          <li>
            <Link href={appHref('/account')} onClick={() => setOpen(false)}>
              {t('account.settings.link')}
            </Link>
          </li>
          <li>
            <Link href={appHref('/account/notifications')} onClick={() => setOpen(false)}>
              {t('inbox.link')}
              <UnreadBadge count={unread} />
            </Link>
          </li>
        </ul>
      </div>
    );
  } else if (state.status === 'anonymous' && !path.startsWith('/signin') && path !== '/signup') {
    control = (
      <Link
        ref={signInLink}
        href={appHref(`/signin?next=${encodeURIComponent(currentPathForNext())}`)}
        className="account-link"
      >
        {t('account.signIn')}
      </Link>
    );
  }
  return (
    <>
      {control}
      <p role="status" className={status ? 'account-status' : 'visually-hidden'}>
        {status}
      </p>
    </>
  );
}
