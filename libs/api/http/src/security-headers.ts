/**
 * The Content-Security-Policy of everything Plaza serves (map, console, API docs, JSON), as
 * @fastify/helmet directives. Only what the apps use:
 * - scripts and styles from this origin only (Vite emits no inline script; Leaflet positions
 *   with CSSOM, which style-src does not govern), no plugins, no `<base>` tricks, forms post here;
 * - images from this origin, `data:` (Leaflet's and the apps' inline SVG icons), `blob:` (photo
 *   previews before upload) and the tile server of TILE_URL — nothing else;
 * - fetches to this origin only; no page may frame Plaza (clickjacking of the console, of the
 *   report form's consent).
 */
export interface CspInput {
  /** TILE_URL, an XYZ template (`https://{s}.tile.example.org/{z}/{x}/{y}.png`) or a path here. */
  tileUrl: string;
  /** PUBLIC_URL: on https, subresources are upgraded too. */
  publicUrl: string;
}

export type CspDirectives = Record<string, string[]>;

export function contentSecurityPolicy({ tileUrl, publicUrl }: CspInput): CspDirectives {
  const tiles = tileSource(tileUrl);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    ...(publicUrl.startsWith('https:') ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The CSP source that admits TILE_URL's tiles: its origin, with a `{s}` subdomain placeholder as
 * a wildcard (`https://*.tile.example.org`). Null for a path on this site ('self' covers it).
 * (Config validation keeps placeholders other than `{s}` out of the host in practice: `{z}`,
 * `{x}` and `{y}` belong to the path.)
 */
export function tileSource(tileUrl: string): string | null {
  if (tileUrl.startsWith('/')) return null;
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl);
  if (!match) return null;
  const [, scheme, authority] = match as unknown as [string, string, string];
  // CSP allows a wildcard only as the whole leftmost label: `a{s}.example.org` widens to `*.example.org`.
  const labels = authority.toLowerCase().split('.');
  if (labels[0]?.includes('{')) labels[0] = '*';
  return `${scheme.toLowerCase()}://${labels.join('.')}`;
}

/** Serialised the way a browser receives it (for tests and docs). */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/**
 * The security headers of every answer, as a plain header map. @fastify/helmet sets them in an
 * `onRequest` hook, which the router's refusals (400 bad URL, 414) and Node's parser refusals
 * (431, 408) never reach: those answers, and a root `onSend` safety net, set these instead, so
 * no answer of Plaza goes out without them (issue 12). Kept identical to the helmet options in
 * `configure-app.ts`, which a test compares.
 */
export function securityHeaders(input: CspInput): Record<string, string> {
  return {
    // Joined as helmet joins them, so every answer carries byte-identical policies.
    'content-security-policy': Object.entries(contentSecurityPolicy(input))
      .map(([name, values]) => [name, ...values].join(' '))
      .join(';'),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-resource-policy': 'cross-origin',
    ...(input.publicUrl.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
