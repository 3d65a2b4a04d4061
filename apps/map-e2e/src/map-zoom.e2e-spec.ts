// Zooming the explore map from the whole city (zoom 11) to a street (17), one keyboard step at a
// time, on whatever the database holds: the demo city, or the million reports of
// `npm run seed:scale` (E2E_DATABASE_URL, docs/testing.md). At every step the map must settle, and
// what it draws, counts and lists must be what the API has for that view (map-state.ts). How long
// each step took is printed, never asserted: speed is measured by `npm run bench:map`.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { usePlaza } from './harness';
import { drawnOnMap, expectViewMatchesApi, markersAtRest, settledView, type ViewCheck } from './map-state';

const CITY_ZOOM = 11;
const STREET_ZOOM = 17;
/** Every step must settle within this; a step over a million reports takes well under a second. */
const STEP_TIMEOUT_MS = 30_000;
/** Madrid within its municipal boundary, as infra/bench/map.mjs asks for it. */
const CITY_BBOX = '-3.89,40.31,-3.52,40.64';

interface Step extends ViewCheck {
  zoom: number;
  settleMs: number;
}

/** Opens the map at the city zoom centred on a point, then presses + until the street zoom. */
async function zoomCityToStreet(
  page: Page,
  centre: { lat: number; lon: number },
  label: string,
): Promise<Step[]> {
  const started = Date.now();
  await page.goto(`/?map=${CITY_ZOOM}/${centre.lat.toFixed(5)}/${centre.lon.toFixed(5)}`);
  const steps: Step[] = [];
  let view = await settledView(page, CITY_ZOOM, STEP_TIMEOUT_MS);
  steps.push({
    zoom: CITY_ZOOM,
    settleMs: Date.now() - started,
    ...(await expectViewMatchesApi(page, view)),
  });

  await page.getByRole('region', { name: /^Mapa de avisos\./ }).focus();
  for (let zoom = CITY_ZOOM + 1; zoom <= STREET_ZOOM; zoom += 1) {
    const pressed = Date.now();
    await page.keyboard.press('+');
    view = await settledView(page, zoom, STEP_TIMEOUT_MS);
    const settleMs = Date.now() - pressed;
    steps.push({ zoom, settleMs, ...(await expectViewMatchesApi(page, view)) });
  }
  // The map was never left unsettled: the URL follows the last view.
  expect(new URL(page.url()).searchParams.get('map')).toMatch(new RegExp(`^${STREET_ZOOM}/`));
  console.info(
    `Zoom ${CITY_ZOOM} → ${STREET_ZOOM}, ${label} (${centre.lat.toFixed(5)}, ${centre.lon.toFixed(5)}); settle time per step (first: page load):\n` +
      steps
        .map(
          (s) =>
            `  zoom ${String(s.zoom).padStart(2)}  ${String(s.settleMs).padStart(6)} ms  ${s.mode.padEnd(6)}  ${s.total} in view, ${s.markers} markers, ${s.bubbles} bubbles`,
        )
        .join('\n'),
  );
  return steps;
}

describe('zooming the explore map from the whole city to a street', () => {
  const plaza = usePlaza();

  it('settles at every step to the city centre, each view drawn, counted and listed as the API has it', async () => {
    await plaza.withPage({ viewport: { width: 1280, height: 800 } }, async ({ page }) => {
      const settings = (await (await page.request.get('/api/v1/map/settings')).json()) as {
        city: { centre: [number, number] };
      };
      const [lat, lon] = settings.city.centre;
      const steps = await zoomCityToStreet(page, { lat, lon }, 'the city centre');
      expect(steps.map((s) => s.zoom)).toEqual([11, 12, 13, 14, 15, 16, 17]);
      // The whole city holds reports on any data: the first view shows some.
      expect(steps[0]!.total).toBeGreaterThan(0);
      expect(steps[0]!.markers + steps[0]!.bubbles).toBeGreaterThan(0);
    });
  });

  it('settles at every step to a quiet street, where the reports are single markers', async () => {
    await plaza.withPage({ viewport: { width: 1280, height: 800 } }, async ({ page }) => {
      // The street: a report in the city's least busy zoom-13 cell, so that at street level the
      // map draws its reports one by one on any data (more than 500 around → grid counts).
      const clusters = (await (
        await page.request.get(`/api/v1/reports/clusters?bbox=${CITY_BBOX}&zoom=13`)
      ).json()) as {
        cells: Array<{ count: number; bbox: [number, number, number, number] }>;
      };
      expect(clusters.cells.length).toBeGreaterThan(0);
      const quiet = clusters.cells.reduce((a, b) => (b.count < a.count ? b : a));
      const [w, s, e, n] = quiet.bbox;
      const box = [w - 1e-5, s - 1e-5, e + 1e-5, n + 1e-5].join(',');
      const found = (await (await page.request.get(`/api/v1/reports?bbox=${box}&limit=1`)).json()) as {
        features: Array<{ geometry: { coordinates: [number, number] }; properties: { ref: string } }>;
      };
      const report = found.features[0];
      if (!report) throw new Error(`no report in the quietest cell ${JSON.stringify(quiet)}`);
      const [lon, lat] = report.geometry.coordinates;

      const steps = await zoomCityToStreet(
        page,
        { lat, lon },
        `a quiet street, report ${report.properties.ref}`,
      );
      const street = steps.at(-1)!;
      expect(street.mode).toBe('points');
      // Past zoom 16 nothing is grouped; groups from the step before may still be animating apart
      // when the step is counted (its check accepts any drawing that accounts for every report):
      // counted again once every marker is at rest.
      await markersAtRest(page);
      const drawn = await drawnOnMap(page);
      expect({ bubbles: drawn.bubbles.length }).toEqual({ bubbles: 0 });
      expect(drawn.markers.length).toBeGreaterThan(0);
      // The report the street was chosen by is on the map as a button of its own.
      await expect(
        page
          .locator('.leaflet-marker-pane')
          .getByRole('button', { name: new RegExp(`^Aviso ${report.properties.ref}: `) })
          .count(),
      ).resolves.toBe(1);
    });
  });
});
