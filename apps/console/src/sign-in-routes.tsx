// The shared sign-in pages, set up for the console: staff only, in the console's wording and layout.
import { useT, type Translator } from '@plaza/web/i18n';
import { ApiError } from '@plaza/web/api-client';
import {
  EmailLinkPage,
  SignInPage,
  type AccountFormErrors,
  type FieldIds,
  type SignInConfig,
  type SignInErrors,
  type SignInLayout,
  type SignInTexts,
} from '@plaza/web/feature-sign-in';
import { ConsoleLink, Page, pathWithLang, toFormErrors, useConsoleNavigate } from '@plaza/console/ui';
import { requestErrorMessage } from '@plaza/console/util';
import { consolePathFromSitePath, isStaff, safeConsolePath } from '@plaza/web/session';
import { CitizenNotice } from './pages/CitizenNotice';

// Its h1 is the console's name, since the sign-in page is what /console/ shows to a visitor.
const TEXTS: SignInTexts = {
  title: 'console.title',
  documentTitle: 'console.pageTitle',
  intro: 'auth.intro',
  email: 'auth.email',
  password: 'auth.password',
  passwordHeading: 'auth.passwordHeading',
  submit: 'auth.signIn',
  linkHeading: 'auth.linkHeading',
  linkIntro: 'auth.linkIntro',
  sendLink: 'auth.sendLink',
  linkSent: 'auth.linkSent',
  errorSummary: 'console.form.errorSummary',
  linkTitle: 'auth.link.title',
  linkWorking: 'auth.link.working',
  linkMissing: 'auth.link.missing',
  linkInvalid: 'auth.link.invalid',
  linkBack: 'auth.link.backToSignIn',
};

// The console's cards and forms; each card's region carries the name, its form stays unnamed.
const LAYOUT: SignInLayout = {
  columns: 'signin-columns',
  card: 'card',
  form: 'console-form',
  actions: 'console-form__actions',
  namedForms: false,
};

/** The console's field messages, with some request outcomes said in the sign-in's own words. */
function spread(
  error: unknown,
  fields: FieldIds,
  t: Translator['t'],
  sentence: (error: ApiError) => string | null,
): AccountFormErrors {
  // The summary's links come from the form's own labels; only the messages are needed here.
  const specs = Object.fromEntries(Object.entries(fields).map(([field, id]) => [field, { id, label: id }]));
  const { byId, general } = toFormErrors(error, specs, t, (failure) =>
    failure instanceof ApiError ? sentence(failure) : null,
  );
  return { byId, general };
}

const ERRORS: SignInErrors = {
  // 401 means wrong credentials (never "which one"), and 429 says how long to wait.
  password: (error, fields, t) =>
    spread(error, fields, t, (failure) => {
      if (failure.status === 401) return t('auth.error.invalidCredentials');
      if (failure.status === 403) return t('auth.error.inactive');
      if (failure.status !== 429) return null;
      return failure.retryAfterSeconds
        ? t('auth.error.rateLimitedFor', { minutes: Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)) })
        : t('auth.error.rateLimited');
    }),
  linkRequest: (error, fields, t) =>
    spread(error, fields, t, (failure) => (failure.status === 429 ? t('auth.error.rateLimited') : null)),
  linkVerify: (error, t) => requestErrorMessage(t, error),
};

function useConsoleSignIn(): SignInConfig {
  const { locale } = useT();
  const navigate = useConsoleNavigate();
  return {
    Frame: Page,
    href: (path) => pathWithLang(path, locale),
    navigate,
    Link: ConsoleLink,
    safeNext: safeConsolePath,
    // The emailed link always opens the console's home.
    linkNext: () => '/console/',
    afterLink: (session) => consolePathFromSitePath(session.next),
    admits: (session) => isStaff(session.user),
    NotAllowed: CitizenNotice,
    showSignedOutReason: true,
    texts: TEXTS,
    layout: LAYOUT,
    errors: ERRORS,
  };
}

export function ConsoleSignInPage() {
  return <SignInPage config={useConsoleSignIn()} />;
}

export function ConsoleEmailLinkPage() {
  return <EmailLinkPage config={useConsoleSignIn()} />;
}
