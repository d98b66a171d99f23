import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  panelRows,
  rowsExactly,
  until,
  waitForRows,
  type ExtensionBrowser,
} from './harness/browser';
import { importHar, openPanelOn, typeFilter } from './harness/panel';
import { pageFetching, startServer, type TestServer } from './harness/server';

const JSON_CT = { 'Content-Type': 'application/json' };
const DETAIL = 'section[aria-label="Selected request"]';
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const ROUTES = {
  '/api/users/1': { status: 200, headers: JSON_CT, body: '{"id":1,"name":"Ada"}' },
  '/api/users': { status: 201, headers: JSON_CT, body: '{"id":2}' },
  '/api/redirect': { status: 302, headers: JSON_CT, body: '{}' },
  '/api/secret': { status: 401, headers: JSON_CT, body: '{"error":"no token"}' },
  '/api/limited': {
    status: 429,
    headers: { ...JSON_CT, 'Retry-After': '30' },
    body: '{"error":"slow down"}',
  },
  '/api/crash': {
    status: 500,
    headers: { 'Content-Type': 'text/html' },
    body: `<pre>Traceback (most recent call last):\n  File "app.py", line 3, in handler\nKeyError: 'x'</pre>`,
  },
  '/api/xss': {
    status: 400,
    headers: { ...JSON_CT, 'X-Evil': XSS },
    body: JSON.stringify({ message: XSS, link: 'javascript:window.__pwned=3' }),
  },
};

async function rowFor(panel: Frame, path: string) {
  const rows = await waitForRows(
    panel,
    (rs) => rs.some((r) => r.text.includes(path + ' ') || r.text.endsWith(path)),
    `row ${path}`,
  );
  return rows.find((r) => r.text.includes(path))!;
}

describe('panel triage in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let page: Page;
  let panel: Frame;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-har-'));

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: pageFetching(Object.keys(ROUTES)) },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    ({ page, panel } = await openPanelOn(ext, server.origin + '/'));
    await waitForRows(
      panel,
      (rs) => Object.keys(ROUTES).every((p) => rs.some((r) => r.text.includes(p))),
      'all routes',
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('shows every family and the findings the engine reports', async () => {
    const rows = await panelRows(panel);
    const fam = (p: string) => rows.find((r) => r.text.includes(p))!.family;
    expect(fam('/api/users/1')).toBe('2xx');
    expect(fam('/api/redirect')).toBe('3xx');
    expect(fam('/api/secret')).toBe('4xx');
    expect(fam('/api/crash')).toBe('5xx');
    // Findings arrive from the worker; wait until the 401 row itself shows its error mark.
    const secret = rows.find((r) => r.text.includes('/api/secret'))!;
    await until(
      'the error mark on /api/secret',
      async () => (await panel.$(`[role="row"][data-id="${secret.id}"] .sev-error`)) !== null,
    );
    await typeFilter(panel, 'rule:http/unauthorized-challenge');
    await waitForRows(panel, rowsExactly('/api/secret'), 'one 401 row: /api/secret');
    await typeFilter(panel, 'rule:security/stack-trace');
    await waitForRows(panel, rowsExactly('/api/crash'), 'the stack trace row: /api/crash');
  });

  it('narrows the list with family chips and search, and restores it', async () => {
    await typeFilter(panel, '');
    await waitForRows(panel, (rs) => rs.length === Object.keys(ROUTES).length, 'all rows back');
    await panel.click('button.chip.fam-4xx');
    await waitForRows(
      panel,
      (rs) => rs.length === 3 && rs.every((r) => r.family === '4xx'),
      'three rows, all 4xx',
    );
    await panel.click('button.chip.fam-4xx');
    await typeFilter(panel, 'status:2xx -status:201 method:GET');
    await waitForRows(panel, rowsExactly('/api/users/1'), 'one 200: /api/users/1');
    await typeFilter(panel, '/users\\/\\d+/');
    await waitForRows(panel, rowsExactly('/api/users/1'), 'the regex match: /api/users/1');
    await typeFilter(panel, '');
  });

  it('shows hostile response content as text and runs none of it', async () => {
    const row = await rowFor(panel, '/api/xss');
    await panel.click(`[role="row"][data-id="${row.id}"]`);
    await until('the /api/xss row in the detail view', async () =>
      (await panel.$eval(`${DETAIL} .detail-url`, (e) => e.textContent ?? '')).includes('/api/xss'),
    );
    // The payload is in the X-Evil header and the body's message: each tab shows it as text.
    for (const tab of ['Headers', 'Body']) {
      await panel.evaluate((label) => {
        const button = [
          ...document.querySelectorAll<HTMLElement>('section[aria-label="Selected request"] [role="tab"]'),
        ].find((t) => t.textContent === label);
        button!.click();
      }, tab);
      const shown = await until(`the payload as text in the ${tab} tab`, () =>
        panel.evaluate((label) => {
          const selected = document.querySelector<HTMLElement>(
            'section[aria-label="Selected request"] [role="tab"][aria-selected="true"]',
          );
          if (selected?.textContent !== label) return undefined;
          const own = document.getElementById(selected.getAttribute('aria-controls') ?? '');
          const shownText = own && !own.hidden ? own.innerText : '';
          return shownText.includes('<script>window.__pwned=2</script>') ? shownText : undefined;
        }, tab),
      );
      expect(shown).toContain('<img src=x onerror=');
      expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // No element from the payload exists in the panel, and no javascript: link either.
      expect(await panel.$$eval('img[src="x"], script:not([src])', (els) => els.length)).toBe(0);
      expect(await panel.$$eval('a[href^="javascript:"]', (els) => els.length)).toBe(0);
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('imports a HAR file and shows its findings', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'fixture', version: '1' },
        entries: [
          {
            startedDateTime: '2026-01-01T00:00:00Z',
            time: 5,
            request: { method: 'POST', url: 'https://imported.example/orders', headers: [] },
            response: {
              status: 201,
              statusText: 'Created',
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              content: { size: 2, mimeType: 'application/json', text: '{}' },
            },
          },
          { broken: true },
          {
            request: { method: 'GET', url: 'https://imported.example/down' },
            response: { status: 0, headers: [], content: {}, _error: 'net::ERR_NAME_NOT_RESOLVED' },
          },
        ],
      },
    };
    const file = join(tmp, 'fixture.har');
    writeFileSync(file, JSON.stringify(har));
    const status = await importHar(panel, file);
    expect(status).toMatch(/Imported 2 of 3 entries from fixture\.har; 1 could not be read/);
    await typeFilter(panel, 'host:imported.example');
    const rows = await waitForRows(panel, (rs) => rs.length === 2, 'two imported rows');
    expect(rows.map((r) => r.family).sort()).toEqual(['2xx', 'failed']);
    await typeFilter(panel, 'host:imported.example rule:http/created-location');
    await waitForRows(panel, (rs) => rs.length === 1, 'created-location finding on the imported 201');
    await typeFilter(panel, '');
  });
});
