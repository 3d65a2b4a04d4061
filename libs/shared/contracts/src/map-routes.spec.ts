import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMapPagePath } from './map-routes';

describe('isMapPagePath', () => {
  it('knows the map pages, with their parameters and an optional trailing slash', () => {
    for (const page of ['/', '/reports/2026-000123', '/reports/2026-000123/', '/proposals', '/proposals/42', '/alerts', '/alerts/confirm/abc', '/stats', '/stats/areas/centro', '/account', '/account/notifications', '/new'])
      expect([page, isMapPagePath(page)]).toEqual([page, true]);
  });

  it('does not take unknown paths, deeper paths or files for pages', () => {
    for (const path of ['/nope', '/reports', '/reports/a/b', '/alertsx', '/wp-login.php', '/new/sent', '/favicon.ico', '/api/v1/reports'])
      expect([path, isMapPagePath(path)]).toEqual([path, false]);
  });

  it("covers every route of the map app's router", () => {
    const app = readFileSync(path.resolve(import.meta.dirname, '../../../../apps/map/src/App.tsx'), 'utf8');
    const routes = [...app.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1] as string);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const example = route.replace(/:[a-zA-Z]+/g, 'x1');
      expect([route, isMapPagePath(example)]).toEqual([route, true]);
    }
  });
});
