export { AccountFormView, EmailField, useAccountForm, type AccountForm, type PresentErrors } from './AccountForm';
export { EmailLinkPage } from './EmailLinkPage';
export { accountFormErrors, NO_ERRORS, PASSWORD_MIN, type AccountFormErrors, type FieldIds } from './form-errors';
export {
  CITIZEN_ERRORS,
  CITIZEN_LAYOUT,
  CITIZEN_TEXTS,
  type SignInConfig,
  type SignInErrors,
  type SignInLayout,
  type SignInTexts,
} from './sign-in-config';
export { SignInPage } from './SignInPage';
export { SignUpPage } from './SignUpPage';
