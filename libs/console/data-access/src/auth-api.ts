// The /api/v1/auth calls are the shared session's (sign-in, email link, sign-out, password).
export { authApi } from '@plaza/web/session';
