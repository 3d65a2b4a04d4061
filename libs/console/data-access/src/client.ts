// The console reaches the API through the web apps' one client (same-origin fetch with the session
// cookie, CSRF on unsafe methods, the UI language, errors as ApiError); this keeps the names the
// console's modules have always imported.
export {
  ApiError,
  apiRequest,
  NetworkError,
  onSessionExpired,
  parseProblem,
  parseRetryAfter,
  setCsrfToken,
  withQuery,
  type RequestOptions,
} from '@plaza/web/api-client';
