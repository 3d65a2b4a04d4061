// The public figures (/stats, a district, a department, the status of the service) in Chromium:
// the numbers on the pages cross-checked against a hand computation over the open-data export of
// the seeded demo city (an independent path: the export reads the reports themselves, the pages
// read the roll-ups), axe clean, by keyboard, and at phone width.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { axeAudit, tabTo, usePlaza } from './harness';

const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

type Row = Record<string, string>;

/** RFC 4180, as the export writes it (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): Row[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

/** The export of the pages' period: every public report filed from the first day of the period to today. */
async function publicReports(baseUrl: string): Promise<{ rows: Row[]; from: string; to: string }> {
  const city = (await (await fetch(`${baseUrl}/api/v1/stats/city`)).json()) as { period: { from: string; to: string } };
  const { from, to } = city.period;
  const res = await fetch(`${baseUrl}/api/v1/open-data/reports.csv?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  return { rows: parseCsv(await res.text()), from, to };
}

/** Hand computation: the median interpolated between the two nearest ranks, one decimal. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) / 2;
  const low = sorted[Math.floor(rank)]!;
  const high = sorted[Math.ceil(rank)]!;
  return Math.round((low + (rank - Math.floor(rank)) * (high - low)) * 10) / 10;
}

const es = new Intl.NumberFormat('es');
const daysEs = (n: number) => `${es.format(n)} ${n === 1 ? 'día hábil' : 'días hábiles'}`;

/** The value shown under a summary figure's label. */
async function summaryValue(page: Page, label: string): Promise<string> {
  const item = page.locator('.stats-summary__list > div').filter({ has: page.locator('dt', { hasText: label }) });
  return ((await item.locator('dd').textContent()) ?? '').trim();
}

async function noSideways(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
}

describe('public figures in Chromium', () => {
  const plaza = usePlaza();

  it('/stats: reached from the header, totals as the export counts them, tables by keyboard, CSV links', async () => {
    const { rows } = await publicReports(plaza.baseUrl());
    expect(rows.length).toBeGreaterThan(0);
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/');
      await page.getByRole('banner').getByRole('link', { name: 'Cifras', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Cifras de la ciudad' }).waitFor();
      await page.locator('.stats-summary').waitFor();
      expect(await summaryValue(page, 'Avisos recibidos')).toBe(es.format(rows.length));
      await audit.check('/stats (es)');

      // The first chart's data table opens from the keyboard, and holds one row per month.
      await tabTo(page, (el) => el.tag === 'summary' && el.name === 'Ver los datos en una tabla');
      await page.keyboard.press('Enter');
      const monthly = page.locator('.stats-figure__data[open] table').first();
      await monthly.waitFor();
      await expect(monthly.locator('tbody tr').count()).resolves.toBe(12);
      await audit.check('/stats with a data table open');

      // Every figure offers its table as a CSV file, and the file agrees with the page.
      const csvLinks = page.getByRole('link', { name: /^Descargar «.*» en CSV$/ });
      expect(await csvLinks.count()).toBeGreaterThanOrEqual(8);
      const href = (await page.getByRole('link', { name: 'Descargar «Avisos por mes» en CSV' }).getAttribute('href')) ?? '';
      expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
      const csv = parseCsv(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
      expect(csv.reduce((sum, r) => sum + Number(r['reports']), 0)).toBe(rows.length);
      audit.assertClean();
    });
  });

  it('a district page at phone width: its total as the export counts it, no sideways scrolling', async () => {
    const { rows } = await publicReports(plaza.baseUrl());
    const counts = new Map<string, { name: string; n: number }>();
    for (const r of rows) {
      if (!r['area']) continue;
      const entry = counts.get(r['area']) ?? { name: r['area_name']!, n: 0 };
      entry.n += 1;
      counts.set(r['area'], entry);
    }
    const [code, busiest] = [...counts].sort((a, b) => b[1].n - a[1].n)[0]!;
    await plaza.withPage(PHONE_390, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/stats');
      await page.getByRole('heading', { level: 1, name: 'Cifras de la ciudad' }).waitFor();
      // The district table is the way on: a link per district.
      await page.getByRole('region', { name: 'Avisos por distrito' }).getByRole('link', { name: busiest.name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Cifras del distrito ${busiest.name}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/stats/areas/${code}`);
      await page.locator('.stats-summary').waitFor();
      expect(await summaryValue(page, 'Avisos recibidos')).toBe(es.format(busiest.n));
      await noSideways(page);
      await audit.check(`/stats/areas/${code} at 390 px`);
      audit.assertClean();
    });
  });

  it('a department page by keyboard: the median first response as computed by hand, and the report page links to it', async () => {
    const { rows } = await publicReports(plaza.baseUrl());
    const byDepartment = new Map<string, Row[]>();
    for (const r of rows) {
      if (!r['department'] || r['response_business_days'] === '') continue;
      byDepartment.set(r['department'], [...(byDepartment.get(r['department']) ?? []), r]);
    }
    const [code, answered] = [...byDepartment].sort((a, b) => b[1].length - a[1].length)[0]!;
    const name = answered[0]!['department_name']!;
    const expected = median(answered.map((r) => Number(r['response_business_days'])));

    // Crawlers run no JavaScript: the HTML itself names the page, and an unknown department is a 404.
    const html = await fetch(`${plaza.baseUrl()}/stats/departments/${code}`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    const raw = await html.text();
    expect(raw).toContain(`<title>Cifras de ${name} · Plaza</title>`);
    expect(raw).toContain(`<meta property="og:title" content="Cifras de ${name}" />`);
    const missing = await fetch(`${plaza.baseUrl()}/stats/departments/no-such-department`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);

    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/stats');
      await page.locator('.stats-summary').waitFor();
      await tabTo(page, (el) => el.tag === 'a' && el.name === name);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Cifras de ${name}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/stats/departments/${code}`);
      await page.locator('.stats-summary').waitFor();
      expect(await summaryValue(page, 'Primera respuesta pública, en la mitad de los avisos')).toBe(daysEs(expected));
      // The same figure per category, with each category's target, in a visible table.
      await expect(page.getByRole('region', { name: 'Tiempos de respuesta por categoría' }).locator('tbody tr').count()).resolves.toBeGreaterThan(0);
      await audit.check(`/stats/departments/${code}`);

      // A report of that department says how fast it answers, and links here.
      await page.goto(`/reports/${answered[0]!['ref']}`);
      const link = page.getByRole('link', { name: `Este departamento responde en una mediana de ${daysEs(expected)}` });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/stats/departments/${code}`);
      await audit.check('report page with its department figures');
      audit.assertClean();
    });
  });

  it('the status of the service: every public status in plain words, and a target per category', async () => {
    const categories = (await (await fetch(`${plaza.baseUrl()}/api/v1/categories?lang=en`)).json()) as unknown[];
    await plaza.withPage(PHONE_390, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/stats/service?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Status of the service' }).waitFor();
      await page.locator('.stats-meanings').waitFor();
      await expect(page.locator('.stats-meanings dt').count()).resolves.toBe(10);
      await page.getByText('The problem is fixed. If it is not, you can say so in the comments.').waitFor();
      const targets = page.getByRole('region', { name: 'First response target by category' });
      await expect(targets.locator('tbody tr').count()).resolves.toBe(categories.length);
      await noSideways(page);
      await audit.check('/stats/service (en) at 390 px');
      audit.assertClean();
    });
  });
});
