// The shared sign-in pages, set up for the public site: citizens, with a sign-up page.
import { EmailLinkPage, SignInPage, SignUpPage, type SignInConfig } from '@plaza/web/feature-sign-in';
import { safeNextPath } from '@plaza/web/session';
import { AccountPage } from './account/AccountPage';
import { useMapSettings } from './api/catalog';
import { appHref, go } from './shell/app-href';

const MAP_SIGN_IN: SignInConfig = {
  Frame: AccountPage,
  href: appHref,
  navigate: go,
  safeNext: safeNextPath,
  linkNext: (next) => next,
  afterLink: (session) => safeNextPath(session.next),
  signUpPath: '/signup',
};

export function MapSignInPage() {
  return <SignInPage config={MAP_SIGN_IN} />;
}

export function MapEmailLinkPage() {
  return <EmailLinkPage config={MAP_SIGN_IN} />;
}

export function MapSignUpPage() {
  const settings = useMapSettings();
  return <SignUpPage config={MAP_SIGN_IN} privacyNotice={settings.data?.privacyNotice} />;
}
