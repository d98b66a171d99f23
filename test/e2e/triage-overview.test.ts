import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickUntil,
  launchWithExtension,
  openPanel,
  until,
  waitForRows,
  type ExtensionBrowser,
} from './harness/browser';
import { pageFetching, startServer, type TestServer } from './harness/server';

/**
 * Issue #16 points 1, 8 and 9 in real Chromium with real traffic: the Overview leads with what
 * the server said, the Timing tab reads Server-Timing, the Endpoints view ranks and measures,
 * and the popup is a triage card. Screenshots go to STATUS_LENS_SHOTS (default: a temp folder);
 * the Overview one is what README's docs/screenshot.png is refreshed from.
 */
const SHOTS = process.env.STATUS_LENS_SHOTS ?? join(tmpdir(), 'status-lens-shots');
const DETAIL = 'section[aria-label="Selected request"]';
const POPUP = 'src/surfaces/popup/popup.html';

const PROBLEM = JSON.stringify({
  type: 'https://api.example.com/problems/validation',
  title: 'Your order is not valid',
  detail: 'Two fields failed validation.',
  status: 422,
  errors: [
    { detail: 'must be at least 1', pointer: '#/quantity' },
    { detail: 'is not a known product', pointer: '#/sku' },
  ],
});

const ROUTES = {
  '/api/products': {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Server-Timing': 'db;dur=42.5;desc="Catalogue query", cache;desc=miss',
    },
    body: '[{"sku":"A1"}]',
  },
  '/api/orders': {
    status: 422,
    headers: { 'Content-Type': 'application/problem+json' },
    body: PROBLEM,
  },
  '/api/orders/7': {
    status: 503,
    headers: { 'Content-Type': 'application/json', 'Retry-After': '30' },
    body: '',
  },
};

describe('triage at a glance (#16) in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let page: Page;
  let panel: Frame;
  let devtools: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: pageFetching(Object.keys(ROUTES)) },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    page = await ext.browser.newPage();
    await page.goto(server.origin + '/');
    // DevTools docked at the bottom with a tall panel (its own preferences, read when it opens):
    // the list and the Overview side by side, as README's screenshot shows them.
    const first = await openPanel(page, ext.extensionId);
    await first.devtools.evaluate(() => {
      const host = (globalThis as { InspectorFrontendHost?: { setPreference(k: string, v: string): void } })
        .InspectorFrontendHost;
      host?.setPreference('inspector-view.split-view-state', JSON.stringify({ horizontal: { size: 700 } }));
      host?.setPreference('currentDockState', JSON.stringify('bottom'));
    });
    await first.devtools.close();
    ({ panel, devtools } = await openPanel(page, ext.extensionId));
    await devtools.setViewport({ width: 1400, height: 1000 });
    await page.reload();
    await waitForRows(
      panel,
      (rs) => Object.keys(ROUTES).every((p) => rs.some((r) => r.text.includes(p.split('/').pop()!))),
      'all routes',
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** The list's Name column shows the last segment; its title holds the whole URL. */
  async function rowIdFor(path: string): Promise<string> {
    return until(`row ${path}`, async () =>
      panel.$$eval(
        '[role="grid"] [role="row"][data-id]',
        (els, url) =>
          els
            .find((e) => e.querySelector('[role="gridcell"].name')?.getAttribute('title') === url)
            ?.getAttribute('data-id') ?? undefined,
        server.origin + path,
      ),
    );
  }

  async function select(path: string) {
    const id = await rowIdFor(path);
    await clickUntil(panel, `[role="row"][data-id="${id}"]`, `${path} in the detail`, async () =>
      (await panel.$eval(`${DETAIL} .detail-url`, (e) => e.textContent ?? '')).endsWith(path),
    );
  }

  it('leads the Overview with what the server said, then findings, hints and the catalogue entry', async () => {
    await select('/api/orders');
    const said = await until('what the server said', async () =>
      panel
        .$eval(`${DETAIL} [aria-label="What the server said"]`, (e) => (e as HTMLElement).innerText)
        .catch(() => undefined),
    );
    expect(said).toContain('Your order is not valid');
    expect(said).toContain('#/quantity must be at least 1');
    const order = await panel.$$eval(`${DETAIL} .overview > section`, (els) =>
      els.map((e) => e.getAttribute('aria-label')),
    );
    expect(order.indexOf('What the server said')).toBe(0);
    expect(order.indexOf('Findings')).toBeLessThan(order.indexOf('Status explanation'));
    expect(await panel.$eval(`${DETAIL} .about-entry summary`, (e) => e.textContent)).toBe(
      'About 422 Unprocessable Content',
    );
  });

  it('shows the 503’s hints and cites §15.6 for its empty body', async () => {
    await select('/api/orders/7');
    const text = await until('the 503 overview', async () => {
      const t = await panel.$eval(`${DETAIL} .overview`, (e) => (e as HTMLElement).innerText);
      return t.includes('body/empty-error') ? t : undefined;
    });
    expect(text).toMatch(/Retry in 30 s/);
    expect(text).toContain('RFC 9110 §15.6');
    expect(text).not.toContain('RFC 9110 §15.5\n');
  });

  it('reads Server-Timing in the Timing tab', async () => {
    await select('/api/products');
    await panel.click(`${DETAIL} ::-p-xpath(.//*[@role="tab"][normalize-space()="Timing"])`);
    const server = await until('Server-Timing rows', async () =>
      panel
        .$eval(`${DETAIL} [aria-label="Server-Timing"]`, (e) => (e as HTMLElement).innerText)
        .catch(() => undefined),
    );
    expect(server).toMatch(/db\s+Catalogue query\s+42\.5 ms/);
    expect(server).toMatch(/cache\s+miss/);
    const phases = await panel.$$eval(`${DETAIL} [aria-label="Request phases"] tr`, (els) =>
      els.map((e) => e.getAttribute('data-phase')),
    );
    expect(phases).toContain('wait');
  });

  it('ranks endpoints worst first with calls, errors and latency', async () => {
    const rows = await clickUntil(
      panel,
      '::-p-xpath(//*[@role="tab"][normalize-space()="Endpoints"])',
      'endpoint rows',
      async () => {
        const r = await panel.$$eval('[aria-label="Endpoints"] tbody tr', (els) =>
          els.map((e) => [...e.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())),
        );
        return r.length >= 3 ? r : undefined;
      },
    );
    expect(rows[0]![0]).toContain('GET /api/orders/{id}');
    expect(rows[0]!.slice(1, 3)).toEqual(['1', '100%']);
    expect(rows[0]![3]).toMatch(/\d+ ms/);
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Requests"])');
  });

  it('shows the popup as a triage card: host, failures by reason, Clear and Options on top', async () => {
    const tabId = await panel.evaluate(() => chrome.devtools.inspectedWindow.tabId);
    const popup = await ext.browser.newPage();
    await popup.setViewport({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/${POPUP}?tabId=${tabId}`);
    const failures = await until('failures by reason', async () =>
      popup
        .$eval('[aria-label="Failures by reason"]', (e) => (e as HTMLElement).innerText)
        .catch(() => undefined),
    );
    expect(failures).toMatch(/Server Error \(5xx\)\s*×1/);
    expect(await popup.$eval('h1', (e) => e.textContent)).toContain(new URL(server.origin).host);
    const [clearTop, familiesTop] = await popup.evaluate(() => [
      [...document.querySelectorAll('button')]
        .find((b) => b.textContent === 'Clear this tab')!
        .getBoundingClientRect().top,
      document.getElementById('families-heading')!.getBoundingClientRect().top,
    ]);
    expect(clearTop).toBeLessThan(familiesTop!);
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });
    await popup.close();
  });

  // Last, because headless Chromium then misplaces the panel's frame for input: every later click
  // into the panel landed on the list's empty area (seen in CI and reproduced here, with or
  // without captureBeyondViewport), while elementFromPoint still found the row.
  it('shows the Overview as README’s screenshot does (taken last)', async () => {
    await select('/api/orders');
    // The Timing tab chosen above stays chosen for the next row.
    await clickUntil(
      panel,
      `${DETAIL} ::-p-xpath(.//*[@role="tab"][normalize-space()="Overview"])`,
      'what the server said',
      async () => panel.$(`${DETAIL} [aria-label="What the server said"]`),
    );
    // The panel alone (its frame), as README's docs/screenshot.png shows it. The npm package ships
    // that copy: make it a palette PNG first (scripts/palette-png.mjs; cli-pack.test.ts holds it to 64 KiB).
    await (await panel.frameElement())!.screenshot({ path: join(SHOTS, 'overview.png') });
  });
});
