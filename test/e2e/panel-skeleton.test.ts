import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionsPage,
  launchWithExtension,
  openPanelTab,
  waitForRows,
  type ExtensionBrowser,
} from './harness/browser';
import { openPanelOn } from './harness/panel';
import { pageFetching, startServer, type TestServer } from './harness/server';

const ENDPOINTS: Record<
  string,
  { status: number; family: string; headers?: Record<string, string>; body?: string }
> = {
  '/api/ok': {
    status: 200,
    family: '2xx',
    headers: { 'Content-Type': 'application/json' },
    body: '{"ok":true}',
  },
  '/api/created': {
    status: 201,
    family: '2xx',
    headers: { 'Content-Type': 'application/json', Location: '/api/things/1' },
    body: '{"id":1}',
  },
  '/api/empty': { status: 204, family: '2xx' },
  '/api/moved': { status: 302, family: '3xx', headers: { 'Content-Type': 'application/json' }, body: '{}' },
  '/api/missing': {
    status: 404,
    family: '4xx',
    headers: { 'Content-Type': 'application/problem+json' },
    body: '{"type":"about:blank","title":"Not Found","status":404,"detail":"No thing 9"}',
  },
  '/api/broken': {
    status: 500,
    family: '5xx',
    headers: { 'Content-Type': 'application/json' },
    body: '{"errors":["boom"]}',
  },
};

describe('the Status Lens panel in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startServer({
      '/': {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: pageFetching(Object.keys(ENDPOINTS)),
      },
      ...ENDPOINTS,
    });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('lists each request of the inspected page with its status code and family, with no extension errors', async () => {
    const extensions = await extensionsPage(ext);
    const { panel } = await openPanelOn(ext, server.origin + '/');
    const rows = await waitForRows(
      panel,
      (rows) => Object.keys(ENDPOINTS).every((p) => rows.some((r) => r.text.includes(p))),
      'every endpoint in the panel',
    );
    for (const [path, want] of Object.entries(ENDPOINTS)) {
      const row = rows.find((r) => r.text.includes(path))!;
      expect(row.text).toContain(String(want.status));
      expect(row.text).toContain('GET');
      expect(row.text).toContain(want.family);
      expect(row.family).toBe(want.family);
    }
    // Docked to the side, the list drops its least useful columns but keeps status, name and findings.
    const headers = await panel.$$eval('[role="columnheader"]', (els) =>
      els.map((e) => e.textContent?.trim() ?? ''),
    );
    expect(headers).toEqual(expect.arrayContaining(['Status', 'Method', 'Name', 'Findings']));
    expect(await panel.$eval('[role="grid"]', (g) => g.scrollWidth <= g.clientWidth + 1)).toBe(true);
    // What chrome://extensions would show a developer: no install warnings, manifest or runtime errors.
    const issues = await extensions.issues();
    expect(issues.installWarnings).toEqual([]);
    expect(issues.manifestErrors).toEqual([]);
    expect(issues.runtimeErrors).toEqual([]);
  });

  it('follows the DevTools theme', async () => {
    for (const [themeName, want] of [
      ['dark', 'dark'],
      ['default', 'light'],
    ] as const) {
      const tab = await openPanelTab(ext, themeName);
      const { theme, background } = await tab.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      expect(theme).toBe(want);
      expect(background).toBe(want === 'dark' ? 'rgb(32, 33, 36)' : 'rgb(255, 255, 255)');
      // The user switches DevTools' theme while the panel is open.
      const flipped = want === 'dark' ? 'light' : 'dark';
      await tab.evaluate((name) => {
        (globalThis as unknown as { __themeHandler: (t: string) => void }).__themeHandler(
          name === 'dark' ? 'dark' : 'default',
        );
      }, flipped);
      expect(await tab.evaluate(() => document.documentElement.dataset.theme)).toBe(flipped);
      await tab.close();
    }
  });
});
