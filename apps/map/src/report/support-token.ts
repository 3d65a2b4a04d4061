import { randomToken } from '@plaza/web/api-client';

const TOKEN_KEY = 'plaza.supportToken';
const SUPPORTED_KEY = 'plaza.supported';

/**
 * The browser's anonymous identity for "me too": a random value kept in localStorage and sent
 * with each support, so the server counts one per browser. The server stores only its hash; no
 * cookie, account or personal data is involved. Without storage (private mode) a fresh token is
 * used per page load: the count may then be inflated, never blocked.
 */
export function supportToken(): string {
  try {
    let token = localStorage.getItem(TOKEN_KEY);
    if (!token || !/^[A-Za-z0-9_-]{22,128}$/.test(token)) {
      token = randomToken(24);
      localStorage.setItem(TOKEN_KEY, token);
    }
    return token;
  } catch {
    return (fallbackToken ??= randomToken(24));
  }
}
let fallbackToken: string | undefined;

export function hasSupported(ref: string): boolean {
  try {
    return (JSON.parse(localStorage.getItem(SUPPORTED_KEY) ?? '[]') as string[]).includes(ref);
  } catch {
    return false;
  }
}

export function rememberSupport(ref: string): void {
  try {
    const refs = new Set(JSON.parse(localStorage.getItem(SUPPORTED_KEY) ?? '[]') as string[]);
    refs.add(ref);
    localStorage.setItem(SUPPORTED_KEY, JSON.stringify([...refs].slice(-500)));
  } catch {
    // Storage unavailable: the server still counts this browser's token once per page load.
  }
}
