export { AccountFormView, EmailField, useAccountForm, type AccountForm } from './AccountForm';
export { EmailLinkPage } from './EmailLinkPage';
export { accountFormErrors, NO_ERRORS, PASSWORD_MIN, type AccountFormErrors, type FieldIds } from './form-errors';
export type { SignInConfig } from './sign-in-config';
export { SignInPage } from './SignInPage';
export { SignUpPage } from './SignUpPage';
