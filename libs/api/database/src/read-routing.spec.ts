import { readsFromPrimary, readsMustUsePrimary, RECENT_WRITE_COOKIE, withReadRouting } from './read-routing';

const get = (url: string, cookie?: string) => readsFromPrimary({ method: 'GET', url, cookie });

describe('read routing', () => {
  it('lets public reads go to a replica', () => {
    for (const url of ['/api/v1/reports?bbox=-3.71,40.41,-3.70,40.42', '/api/v1/reports/clusters', '/api/v1/proposals/7', '/api/v1/stats/city', '/open311/v2/requests.json', '/feeds/reports.atom', '/api/v1/categories']) {
      expect({ url, primary: get(url) }).toEqual({ url, primary: false });
    }
    expect(readsFromPrimary({ method: 'head', url: '/api/v1/areas', cookie: undefined })).toBe(false);
  });

  it('keeps writes on the primary', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(readsFromPrimary({ method, url: '/api/v1/reports', cookie: undefined })).toBe(true);
    }
  });

  it('sends a client who wrote a moment ago to the primary (read-your-writes)', () => {
    expect(get('/api/v1/reports/2026-000001', `plaza_lang=es; ${RECENT_WRITE_COOKIE}=1`)).toBe(true);
    expect(get('/api/v1/reports/2026-000001', `${RECENT_WRITE_COOKIE}=0`)).toBe(false);
    expect(get('/api/v1/reports/2026-000001', `x${RECENT_WRITE_COOKIE}=1`)).toBe(false);
  });

  it('keeps staff, admin, account and sign-in reads on the primary', () => {
    for (const url of ['/api/v1/staff/cases', '/api/v1/staff/proposals?status=published', '/api/v1/admin/categories', '/api/v1/account/data', '/api/v1/auth/me', '/api/v1/me/notifications']) {
      expect({ url, primary: get(url) }).toEqual({ url, primary: true });
    }
    // A public path that merely starts with the same letters is still public.
    expect(get('/api/v1/stats/city')).toBe(false);
    expect(get('/api/v1/staffing')).toBe(false);
  });

  it('reads from the primary outside a request, and as decided inside one', async () => {
    expect(readsMustUsePrimary()).toBe(true);
    expect(await withReadRouting(false, async () => readsMustUsePrimary())).toBe(false);
    expect(await withReadRouting(true, async () => readsMustUsePrimary())).toBe(true);
  });
});
