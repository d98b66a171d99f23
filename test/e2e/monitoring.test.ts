import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, inServiceWorker, launchWithExtension, until, type ExtensionBrowser } from './harness/browser';
import { pageFetching, startServer, type TestServer } from './harness/server';

/**
 * Monitoring without DevTools, in real Chromium. Headless Chromium cannot answer the
 * permission prompt that `chrome.permissions.request` opens, so this test loads a copy of
 * dist/ whose manifest grants `webRequest` and host access up front — exactly the state the
 * prompt leads to — and proves what the worker does with it: every tab gets a summary and a
 * badge without DevTools ever being opened. (popup-options.test.ts covers the prompt itself.)
 */
describe('monitoring without DevTools', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-granted-'));
  const granted = join(tmp, 'dist');

  beforeAll(async () => {
    cpSync(DIST, granted, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    manifest.permissions = ['storage', 'webRequest'];
    manifest.host_permissions = ['<all_urls>'];
    delete manifest.optional_permissions;
    delete manifest.optional_host_permissions;
    writeFileSync(join(granted, 'manifest.json'), JSON.stringify(manifest));
    const json = { 'Content-Type': 'application/json' };
    server = await startServer({
      '/': {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: pageFetching(['/api/ok', '/api/login', '/api/boom']),
      },
      '/api/ok': { status: 200, headers: json, body: '{}' },
      '/api/login': { status: 401, headers: json, body: '{"error":"who are you"}' },
      '/api/boom': { status: 500, headers: json, body: '{}' },
    });
    ext = await launchWithExtension(granted);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('summarises a tab DevTools never saw, and badges its errors', async () => {
    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/surfaces/options/options.html`);
    // The worker learns the setting from chrome.storage.onChanged and drops requests until then,
    // so the page is loaded only once it has. A listener added now runs after the worker's own
    // (added at start-up) in the same dispatch: once it has fired, the worker's copy says true.
    await inServiceWorker(ext, () => {
      const g = globalThis as { __monitoringSeen?: boolean };
      g.__monitoringSeen = false;
      chrome.storage.onChanged.addListener((changes, area) => {
        const next = changes.settings?.newValue as { capture?: { monitoring?: boolean } } | undefined;
        if (area === 'sync' && next?.capture?.monitoring === true) g.__monitoringSeen = true;
      });
    });
    await options.evaluate(() => chrome.storage.sync.set({ settings: { capture: { monitoring: true } } }));
    await until('the service worker to have monitoring on', () =>
      inServiceWorker(ext, async () => {
        const seen = (globalThis as { __monitoringSeen?: boolean }).__monitoringSeen;
        // undefined: the worker was restarted since, and a new one reads the stored settings.
        if (seen !== undefined) return seen;
        const stored = (await chrome.storage.sync.get('settings')).settings as
          { capture?: { monitoring?: boolean } } | undefined;
        return stored?.capture?.monitoring === true;
      }),
    );

    const page = await ext.browser.newPage();
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => document.title === 'done');
    const tabId = await options.evaluate(
      async (origin) => (await chrome.tabs.query({ url: `${origin}/*` }))[0]?.id,
      server.origin,
    );
    expect(typeof tabId).toBe('number');

    const badge = await until('the badge', async () => {
      const text = await options.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId!);
      return text || undefined;
    });
    expect(badge).toBe('1');

    const popup = await ext.browser.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/surfaces/popup/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[aria-label="Requests by status family"]');
    const families = await popup.$eval(
      '[aria-label="Requests by status family"]',
      (e) => (e as HTMLElement).innerText,
    );
    expect(families).toMatch(/4xx\D*1/);
    expect(families).toMatch(/5xx\D*1/);
    const rules = await popup.$eval('[aria-label="Top broken rules"]', (e) => (e as HTMLElement).innerText);
    expect(rules).toContain('http/unauthorized-challenge');
    const recent = await popup.$eval(
      '[aria-label="Latest problem responses"]',
      (e) => (e as HTMLElement).innerText,
    );
    expect(recent).toContain('/api/login');
    expect(recent).toContain('/api/boom');
  });

  it('opens as the real toolbar popup on the active tab', async () => {
    const page = (await ext.browser.pages()).find((p) => p.url().startsWith(server.origin))!;
    await page.bringToFront();
    await inServiceWorker(ext, () => chrome.action.openPopup());
    const target = await ext.browser.waitForTarget((t) => t.url().endsWith('src/surfaces/popup/popup.html'));
    const popup = (await target.asPage())!;
    await popup.waitForSelector('[aria-label="Top broken rules"]');
    expect(
      await popup.$eval('[aria-label="Top broken rules"]', (e) => (e as HTMLElement).innerText),
    ).toContain('http/unauthorized-challenge');
  });
});
