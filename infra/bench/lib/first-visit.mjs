// A first visit to the public map in Chromium with a cold cache: every byte on the wire (encoded
// body + headers, as Chromium's network log counts them) until the map says it is ready
// (`plaza:map-ready`) and the network is idle. Other origins (the map tiles) are blocked: they are
// the tile server's bytes, not Plaza's. Shared by `npm run bench` and `npm run bench:first-visit`.
export async function measureFirstVisit(base, { executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-ES' });
    let blocked = 0;
    const origin = new URL(base).origin;
    await context.route((url) => url.origin !== origin, (route) => {
      blocked += 1;
      return route.abort();
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const kinds = new Map();
    const encodings = new Map();
    const byKind = {};
    let total = 0;
    let requests = 0;
    cdp.on('Network.responseReceived', (e) => {
      const url = new URL(e.response.url);
      kinds.set(e.requestId, url.pathname.startsWith('/api/') ? url.pathname : e.type);
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      encodings.set(e.requestId, headers['content-encoding'] ?? 'identity');
    });
    cdp.on('Network.loadingFinished', (e) => {
      requests += 1;
      total += e.encodedDataLength;
      const kind = kinds.get(e.requestId) ?? 'other';
      const entry = (byKind[kind] ??= { bytes: 0, encodings: new Set() });
      entry.bytes += e.encodedDataLength;
      entry.encodings.add(encodings.get(e.requestId) ?? 'identity');
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => performance.getEntriesByName('plaza:map-ready').length > 0, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const parts = Object.entries(byKind)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([kind, v]) => ({ kind, bytes: v.bytes, encodings: [...v.encodings].join('/') }));
    return { total, requests, blocked, parts };
  } finally {
    await browser.close();
  }
}

export function describeFirstVisit({ total, requests, blocked, parts }, top = 7) {
  const list = parts.slice(0, top).map((p) => `${p.kind} ${(p.bytes / 1024).toFixed(1)} KB (${p.encodings})`).join(', ');
  return `${(total / 1024).toFixed(0)} KB in ${requests} responses: ${list}; ${blocked} requests to other origins (map tiles) blocked`;
}
