/**
 * The public map's page routes, as the server must know them: a shared link to any of them is
 * answered with the page (and its social-preview tags) whatever the `Accept` header says, because
 * link-preview crawlers and curl send `*∕*` or nothing. Anything else is a genuinely unknown path
 * and answers 404. Keep in step with the `<Route>`s of apps/map/src/App.tsx (a unit test checks).
 *
 * `:name` is one path segment; a trailing `/*` is any depth below (sections with sub-pages).
 */
export const MAP_PAGE_ROUTES: readonly string[] = [
  '/',
  '/reports/:ref',
  '/new',
  '/new/sent/:ref',
  '/confirm/:token',
  '/signin',
  '/signin/link',
  '/signup',
  '/account',
  '/account/*',
  '/proposals',
  '/proposals/new',
  '/proposals/:id',
  '/unsubscribe/:token',
  '/alerts',
  '/alerts/confirm/:token',
  '/stats',
  '/stats/*',
];

const PATTERNS: readonly RegExp[] = MAP_PAGE_ROUTES.map(
  (route) =>
    new RegExp(
      `^${route
        .replace(/\/\*$/, '(?:/[^/]+)+')
        .replace(/:[a-z]+/gi, '[^/]+')}/?$`,
    ),
);

/** Whether a request path (without the query) is one of the map's pages. */
export function isMapPagePath(pathname: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(pathname));
}
