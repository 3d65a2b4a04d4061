export { authApi } from './auth-api';
export { consolePathFromSitePath, isAdmin, isStaff, safeConsolePath, STAFF_ROLES } from './roles';
export { currentPathForNext, firstName, safeNextPath } from './safe-next';
export {
  SessionProvider,
  useCsrfToken,
  useSession,
  useSessionView,
  type SessionContextValue,
  type SessionProviderProps,
  type SessionState,
  type SignedOutReason,
} from './SessionProvider';
