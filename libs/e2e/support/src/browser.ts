// Chromium via playwright-core (Debian's binary, never a downloaded one) and an axe-core check.
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// 1×1 transparent PNG: map tiles "load" without leaving the machine, so Leaflet logs no errors.
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export interface IsolatedContext {
  context: BrowserContext;
  page: Page;
  /** Requests to any other origin, which were answered locally (images) or aborted. */
  blockedRequests: string[];
  /** Uncaught exceptions thrown in the page. */
  pageErrors: string[];
}

/**
 * A fresh context whose pages may only talk to `baseUrl`: other origins (OpenStreetMap tiles,
 * CDNs, anything) never leave the machine.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<IsolatedContext> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'es-ES', serviceWorkers: 'block', ...options });
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      const request = route.request();
      blockedRequests.push(request.url());
      return request.resourceType() === 'image'
        ? route.fulfill({ status: 200, contentType: 'image/png', body: BLANK_PNG })
        : route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  return { context, page, blockedRequests, pageErrors };
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

/** Runs axe-core on the page as it is now and returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: Plaza's
  // Content-Security-Policy refuses inline scripts, and the audit must not need an exception.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          html: n.html,
          summary: n.failureSummary ?? '',
        })),
      }));
  });
}

/** Human-readable report for a failing expectation: rule, impact, and each offending node. */
export function formatAxe(label: string, findings: AxeFinding[]): string {
  if (findings.length === 0) return `${label}: no serious or critical axe violations`;
  const lines = [`${label}: ${findings.length} serious/critical axe violation(s)`];
  for (const finding of findings) {
    lines.push(`\n[${finding.impact}] ${finding.id}: ${finding.help}\n  ${finding.helpUrl}`);
    for (const node of finding.nodes.slice(0, 5)) {
      lines.push(`  - ${node.target}\n    ${node.html.slice(0, 200)}\n    ${node.summary.replace(/\n/g, '\n    ')}`);
    }
    if (finding.nodes.length > 5) lines.push(`  … and ${finding.nodes.length - 5} more node(s)`);
  }
  return lines.join('\n');
}

/** Fails with the readable report unless axe finds nothing serious or critical. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const findings = await seriousAxeViolations(page);
  if (findings.length > 0) throw new Error(formatAxe(label, findings));
}
