import type { SessionView } from '@plaza/shared/contracts';
import type { ComponentType, ReactNode } from 'react';

/**
 * What differs between the public site (citizens, with sign-up) and the console (staff only): each
 * app builds one of these and passes it to the pages.
 */
export interface SignInConfig {
  /** The page frame: main landmark, focusable h1, tab title (the map's AccountPage, the console's Page). */
  Frame: ComponentType<{ title: string; children: ReactNode }>;
  /** An internal href (keeps `?lang=`, adds the app's base). */
  href(path: string): string;
  /** Client-side navigation inside the app. */
  navigate(path: string, options?: { replace?: boolean }): void;
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
}
