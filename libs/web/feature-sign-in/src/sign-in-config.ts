import type { SessionView } from '@plaza/shared/contracts';
import type { TranslationKey, Translator } from '@plaza/web/i18n';
import type { ComponentType, ReactNode } from 'react';
import { accountFormErrors, type AccountFormErrors, type FieldIds } from './form-errors';

/**
 * What differs between the public site (citizens, with sign-up) and the console (staff only): each
 * app builds one of these and passes it to the pages. Wording, layout and errors default to the
 * public site's.
 */
export interface SignInConfig {
  /** The page frame: focusable h1 and tab title (the map's AccountPage, the console's Page). */
  Frame: ComponentType<{ title: string; documentTitle?: string; children: ReactNode }>;
  /** An internal href (keeps `?lang=`, adds the app's base). */
  href(path: string): string;
  /** Client-side navigation inside the app. */
  navigate(path: string, options?: { replace?: boolean }): void;
  /** An internal link to an app path; by default a wouter Link to `href(path)`. */
  Link?: ComponentType<{ href: string; children: ReactNode }>;
  /** The `?next=` of the sign-in page, made safe (a path inside this app). */
  safeNext(next: string | null | undefined): string;
  /** The `next` sent with an email-link request (a site path, e.g. `/console/` for the console). */
  linkNext(next: string): string;
  /** Where to go once an emailed link signed in (from the session's `next`). */
  afterLink(session: SessionView): string;
  /** Who may use this app (the console: staff); anyone else signed in sees `NotAllowed`. */
  admits?(session: SessionView): boolean;
  NotAllowed?: ComponentType;
  /** Path of the sign-up page, offered under the forms; none in the console. */
  signUpPath?: string;
  /** Says why there is no session (signed out, expired) above the forms. */
  showSignedOutReason?: boolean;
  texts?: SignInTexts;
  layout?: SignInLayout;
  errors?: SignInErrors;
}

/** The message keys of the sign-in and email-link pages. */
export interface SignInTexts {
  /** h1 of the sign-in page, and optionally the whole tab title. */
  title: TranslationKey;
  documentTitle?: TranslationKey;
  intro: TranslationKey;
  email: TranslationKey;
  password: TranslationKey;
  passwordHeading: TranslationKey;
  submit: TranslationKey;
  linkHeading: TranslationKey;
  linkIntro: TranslationKey;
  sendLink: TranslationKey;
  /** Takes `{email}`. */
  linkSent: TranslationKey;
  errorSummary: TranslationKey;
  /** The email-link page: h1, while checking, no token, used or expired token, link back to sign-in. */
  linkTitle: TranslationKey;
  linkWorking: TranslationKey;
  linkMissing: TranslationKey;
  linkInvalid: TranslationKey;
  linkBack: TranslationKey;
}

/** Class names of the sign-in page's layout (each app styles its own). */
export interface SignInLayout {
  columns: string;
  card: string;
  form: string;
  /** A row wrapping the submit button; without one the button sits in the form itself. */
  actions?: string;
  /** Names each form after its card's heading (a form landmark inside the card's region). */
  namedForms: boolean;
}

/** How failed requests read. Each function must be stable (defined outside components). */
export interface SignInErrors {
  /** A failed password sign-in, spread over its form. */
  password(error: unknown, fields: FieldIds, t: Translator['t']): AccountFormErrors;
  /** A failed email-link request, spread over its form. */
  linkRequest(error: unknown, fields: FieldIds, t: Translator['t']): AccountFormErrors;
  /** Why an emailed link did not sign in, when it is not simply used or expired (`texts.linkInvalid`). */
  linkVerify(error: unknown, t: Translator['t']): string;
}

export const CITIZEN_TEXTS: SignInTexts = {
  title: 'account.signin.title',
  intro: 'account.signin.intro',
  email: 'account.email',
  password: 'account.password',
  passwordHeading: 'account.signin.passwordHeading',
  submit: 'account.signin.submit',
  linkHeading: 'account.signin.linkHeading',
  linkIntro: 'account.signin.linkIntro',
  sendLink: 'account.signin.sendLink',
  linkSent: 'account.signin.linkSent',
  errorSummary: 'account.error.summary',
  linkTitle: 'account.link.title',
  linkWorking: 'account.link.working',
  linkMissing: 'account.link.missing',
  linkInvalid: 'account.link.invalid',
  linkBack: 'account.link.askNew',
};

export const CITIZEN_LAYOUT: SignInLayout = {
  columns: 'account-columns',
  card: 'account-card',
  form: 'account-form',
  namedForms: true,
};

export const CITIZEN_ERRORS: SignInErrors = {
  password: accountFormErrors,
  linkRequest: accountFormErrors,
  linkVerify: (error, t) => accountFormErrors(error, {}, t).general[0] ?? t('account.error.generic'),
};
