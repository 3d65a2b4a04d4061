export {
  apiRequest,
  currentCsrfToken,
  getJson,
  onProofOfWork,
  onSessionExpired,
  postJson,
  setCsrfToken,
  withQuery,
  type HttpMethod,
  type QueryParams,
  type RequestOptions,
} from './client';
export { ApiError, isAbort, isOriginRefusal, isRetryable, NetworkError, parseProblem, parseRetryAfter } from './problem';
export { randomToken } from './random-token';
export { solveProofOfWork } from './proof-of-work';
