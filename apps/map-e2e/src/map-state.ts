// What the explore map shows, read from the page and checked against the API for the same view.
// Written for any data: the demo city's few hundred reports (every view drawn report by report)
// and the million of `npm run seed:scale` (city views drawn as the server's grid counts).
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

/** As in libs/map/feature-explore/src/useExploreData.ts: more than this around the view → grid counts. */
const POINTS_LIMIT = 500;
/** The map loads the view plus this share of it on every side (useExploreData.ts, LOAD_PADDING). */
const LOAD_PADDING = 0.25;
/** The list shows this many at first (useExploreData.ts, LIST_PAGE). */
const LIST_PAGE = 50;

type BBox = [west: number, south: number, east: number, north: number];

export interface SettledView {
  zoom: number;
  /** The visible bounds at full precision, as the list filters by them. */
  bbox: BBox;
  /** `points`: every report around the view drawn (markers and browser clusters); `cells`: server grid counts. */
  mode: 'points' | 'cells';
  /** The bounds the map asked the API for, exactly as it asked (`data-loaded-bbox`). */
  loadedBbox: string;
}

/** A count as the page writes it in any of its languages: "1.234", "1,234", "1 234". */
export function parseCount(text: string): number {
  const digits = /\d[\d.,\u00a0\u202f]*/.exec(text)?.[0];
  return digits ? Number(digits.replace(/\D/g, '')) : Number.NaN;
}

/**
 * Waits until the map has loaded and drawn the view at `zoom` (any zoom when omitted): the map
 * names it in `data-settled-view` once its reports are loaded and on the map.
 */
export async function settledView(page: Page, zoom?: number, timeout?: number): Promise<SettledView> {
  const selector =
    zoom === undefined ? '.map[data-settled-view*="/"]' : `.map[data-settled-view^="${zoom}/"]`;
  const map = page.locator(selector);
  await map.waitFor({ timeout });
  const [view, loadedBbox, mode] = await map.evaluate((el: HTMLElement) => [
    el.dataset['settledView'] ?? '',
    el.dataset['loadedBbox'] ?? '',
    el.dataset['loadedMode'] ?? '',
  ]);
  const [z, bbox] = (view ?? '').split('/');
  expect(mode).toMatch(/^(points|cells)$/);
  return {
    zoom: Number(z),
    bbox: (bbox ?? '').split(',').map(Number) as BBox,
    mode: mode as SettledView['mode'],
    loadedBbox: loadedBbox ?? '',
  };
}

/**
 * Waits for the map's markers to come to rest after a zoom: Leaflet's zoom animation and
 * markercluster's (groups gliding apart or together, the old ones fading out, then removed) over
 * and no marker still moving, then two frames, as the map places the proposal squares on the
 * frame after the last marker stops (proposal-offsets.ts). With animations off, at once.
 */
export async function markersAtRest(page: Page, timeout?: number): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim') === null &&
      !document.getAnimations().some((animation) => {
        const target = (animation.effect as KeyframeEffect | null)?.target;
        return target instanceof Element && target.closest('.leaflet-marker-icon') !== null;
      }),
    null,
    { timeout },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** What the map draws in its marker pane: single report markers, and the counts on its bubbles. */
export function drawnOnMap(page: Page): Promise<{ markers: string[]; bubbles: number[] }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.leaflet-marker-pane');
    const label = (el: Element) => el.querySelector('.visually-hidden')?.textContent ?? '';
    return {
      markers: [...(pane?.querySelectorAll('.report-marker') ?? [])].map(label),
      bubbles: [...(pane?.querySelectorAll('.report-cluster') ?? [])].map((el) => {
        const digits = /\d[\d.,\u00a0\u202f]*/.exec(label(el))?.[0];
        return digits ? Number(digits.replace(/\D/g, '')) : Number.NaN;
      }),
    };
  });
}

/** The count the list's status line states ("1.234 avisos en la zona visible"); NaN when it states none. */
export async function statusCount(page: Page): Promise<number> {
  const text =
    (await page
      .locator('.reports-panel__status:not([aria-busy]):not([role=status])')
      .first()
      .textContent()) ?? '';
  return parseCount(text);
}

interface FeaturePage {
  features: Array<{ geometry: { coordinates: [number, number] }; properties: { ref: string } }>;
  nextCursor: string | null;
}

const fixed = (bbox: readonly number[]) => bbox.map((v) => v.toFixed(5)).join(',');

function contains(outer: BBox, inner: BBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function padded(bbox: BBox, ratio: number): BBox {
  const [w, s, e, n] = bbox;
  const dx = (e - w) * ratio;
  const dy = (n - s) * ratio;
  return [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)];
}

async function reportsPage(page: Page, bbox: string, limit: number): Promise<FeaturePage> {
  const response = await page.request.get(`/api/v1/reports?bbox=${bbox}&limit=${limit}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as FeaturePage;
}

/**
 * The newest reports inside the visible bounds, as the list picks them: the API's answer for the
 * bounds widened by a hair (it compares the stored points, the page their coordinates rounded to
 * 6 decimals), kept when their rounded coordinates are inside, as the page keeps them.
 */
async function newestInView(
  page: Page,
  bbox: BBox,
  limit: number,
): Promise<{ refs: string[]; complete: boolean }> {
  const hair = 1e-6;
  const wide = [bbox[0] - hair, bbox[1] - hair, bbox[2] + hair, bbox[3] + hair].join(',');
  const answer = await reportsPage(page, wide, limit);
  const refs = answer.features
    .filter(
      ({
        geometry: {
          coordinates: [lon, lat],
        },
      }) => lon >= bbox[0] && lat >= bbox[1] && lon <= bbox[2] && lat <= bbox[3],
    )
    .map((f) => f.properties.ref);
  return { refs, complete: answer.nextCursor === null };
}

/** The references in the list, in its order (the fourth term of each card). */
const listRefs = (page: Page) =>
  page.locator('.reports-panel .report-card__meta dd:nth-of-type(4)').allTextContents();

export interface ViewCheck {
  mode: SettledView['mode'];
  /** Reports the status line counts for the view. */
  total: number;
  markers: number;
  bubbles: number;
}

/**
 * Checks what the map shows for a settled view against the API, on any data:
 * - the mode is the right one: grid counts only when the view and its margin hold more than
 *   POINTS_LIMIT reports, report by report otherwise;
 * - points: the reports loaded are drawn, alone or counted in a bubble: all of them when they lie
 *   within a screen of the view (desktop), as on opening the page, and at least those in the view;
 * - cells: the bubbles are exactly the API's cells for the view and zoom, and add up to its total;
 * - the status line counts the reports in the view, and the list starts with the newest of them.
 * Bubbles may still be animating when the view settles: the drawing is polled until it agrees.
 */
export async function expectViewMatchesApi(page: Page, view: SettledView): Promise<ViewCheck> {
  let expected: { drawn: [min: number, max: number]; bubbles?: number[]; total: number };
  if (view.mode === 'points') {
    // Points mode may outlive the view it was loaded for (zooming in needs no request): the loaded
    // bounds cover this view and held at most POINTS_LIMIT reports.
    const loaded = await reportsPage(page, view.loadedBbox, POINTS_LIMIT);
    expect({ zoom: view.zoom, loadedBbox: view.loadedBbox, complete: loaded.nextCursor === null }).toEqual({
      zoom: view.zoom,
      loadedBbox: view.loadedBbox,
      complete: true,
    });
    const inView = await newestInView(page, view.bbox, POINTS_LIMIT);
    // markercluster draws what lies within a screen of the view on every side (desktop): every
    // report loaded when the loaded bounds fit in there, as on opening the page; after zooming in
    // from a wider view, at least every report in the view and at most those loaded.
    const everyLoaded = contains(padded(view.bbox, 1), view.loadedBbox.split(',').map(Number) as BBox);
    expected = {
      drawn: [everyLoaded ? loaded.features.length : inView.refs.length, loaded.features.length],
      total: inView.refs.length,
    };
  } else {
    const around = fixed(padded(view.bbox, LOAD_PADDING));
    const dense = (await reportsPage(page, around, POINTS_LIMIT)).nextCursor !== null;
    expect({ zoom: view.zoom, mode: view.mode, reportsAroundOverLimit: dense }).toEqual({
      zoom: view.zoom,
      mode: 'cells',
      reportsAroundOverLimit: true,
    });
    expect(view.loadedBbox).toBe(fixed(view.bbox));
    const response = await page.request.get(
      `/api/v1/reports/clusters?bbox=${view.loadedBbox}&zoom=${view.zoom}`,
    );
    expect(response.status()).toBe(200);
    const clusters = (await response.json()) as { total: number; cells: Array<{ count: number }> };
    expect(clusters.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(clusters.total);
    expected = {
      drawn: [clusters.total, clusters.total],
      bubbles: clusters.cells.map((c) => c.count).sort((a, b) => b - a),
      total: clusters.total,
    };
  }

  // The drawing, polled until it agrees (clusters split and merge with an animation).
  const reportsDrawn = (drawn: { markers: string[]; bubbles: number[] }) =>
    drawn.markers.length + drawn.bubbles.reduce((a, b) => a + b, 0);
  const agrees = (drawn: { markers: string[]; bubbles: number[] }) =>
    view.mode === 'points'
      ? reportsDrawn(drawn) >= expected.drawn[0] && reportsDrawn(drawn) <= expected.drawn[1]
      : drawn.markers.length === 0 &&
        JSON.stringify([...drawn.bubbles].sort((a, b) => b - a)) === JSON.stringify(expected.bubbles);
  let drawn = await drawnOnMap(page);
  for (let tries = 0; tries < 50 && !agrees(drawn); tries += 1) {
    await page.waitForTimeout(100);
    drawn = await drawnOnMap(page);
  }
  if (view.mode === 'points') {
    const [min, max] = expected.drawn;
    expect({
      zoom: view.zoom,
      reportsDrawn: reportsDrawn(drawn),
      atLeast: min,
      atMost: max,
      inRange: reportsDrawn(drawn) >= min && reportsDrawn(drawn) <= max,
    }).toEqual({
      zoom: view.zoom,
      reportsDrawn: reportsDrawn(drawn),
      atLeast: min,
      atMost: max,
      inRange: true,
    });
  } else {
    expect({
      zoom: view.zoom,
      markers: drawn.markers.length,
      bubbles: [...drawn.bubbles].sort((a, b) => b - a),
    }).toEqual({ zoom: view.zoom, markers: 0, bubbles: expected.bubbles });
  }

  // The status line and the list.
  const total = await statusCount(page);
  const shown = await listRefs(page);
  if (expected.total === 0) {
    expect(shown).toEqual([]);
  } else {
    expect({ zoom: view.zoom, total }).toEqual({ zoom: view.zoom, total: expected.total });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(LIST_PAGE);
    if (view.mode === 'points') expect(shown.length).toBe(Math.min(LIST_PAGE, expected.total));
    const newest = await newestInView(page, view.bbox, Math.min(POINTS_LIMIT, shown.length + 20));
    expect({ zoom: view.zoom, list: shown }).toEqual({
      zoom: view.zoom,
      list: newest.refs.slice(0, shown.length),
    });
  }
  return {
    mode: view.mode,
    total: expected.total,
    markers: drawn.markers.length,
    bubbles: drawn.bubbles.length,
  };
}
