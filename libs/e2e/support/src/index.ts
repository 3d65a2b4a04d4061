// Shared harness for the browser tests: start the built Plaza, drive Debian's Chromium, check axe.
export { expectNoSeriousAxeViolations, formatAxe, launchBrowser, openPage, seriousAxeViolations } from './browser';
export type { AxeFinding, IsolatedContext } from './browser';
export { freePort, startPlaza, workspaceRoot } from './plaza-server';
export type { PlazaServer } from './plaza-server';
export { confirmationLinkFor, confirmationMailsFor, confirmReportByMail } from './report-confirmation';
export { catalogueTexts, ENDONYMS, landmarkTexts, spanishLeftOn } from './languages';
export { signUpByMail } from './sign-up';
export type { SignedUpCitizen } from './sign-up';
