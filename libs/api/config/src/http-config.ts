import { isIP } from 'node:net';

type Env = Record<string, string | undefined>;

/**
 * Which peers may tell the API the client's address in `X-Forwarded-For` (Fastify's
 * `trustProxy`): `false` (the default: the TCP peer is the client), `true` (anyone — only behind a
 * proxy that overwrites the header and is the only way in), a number of proxy hops, or the
 * addresses/CIDR ranges of the proxies (proxy-addr's names `loopback`, `linklocal`, `uniquelocal`
 * too). Per-address limits are only as good as this setting (docs/operations.md).
 */
export type TrustProxy = boolean | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function readTrustProxy(env: Env, problems: string[]): TrustProxy {
  const raw = env['TRUST_PROXY']?.trim();
  if (!raw || ['false', 'off', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return hops;
    problems.push(`TRUST_PROXY as a hop count must be from 1 to 10 (got "${raw}")`);
    return false;
  }
  const entries = raw.split(',').map((part) => part.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length > 0) {
    problems.push(
      `TRUST_PROXY must be false, true, a hop count or a comma-separated list of IP addresses or CIDR ranges (not: ${bad.join(', ')})`,
    );
    return false;
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
