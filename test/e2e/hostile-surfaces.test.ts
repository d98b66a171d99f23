import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inServiceWorker,
  launchWithExtension,
  openPanel,
  panelRows,
  until,
  type ExtensionBrowser,
} from './harness/browser';
import { startServer, type TestServer } from './harness/server';

const POPUP = 'src/surfaces/popup/popup.html';
const OPTIONS = 'src/surfaces/options/options.html';
const JSON_CT = { 'Content-Type': 'application/json' };

// Short enough to survive the rules' quoting (about 60 characters), without double quotes, which JSON would escape.
const IMG = '<img src=x onerror=window.__pwned=1>';
const SVG = '<svg onload=window.__pwned=2>';
const SCRIPT = '<script>window.__pwned=3</script>';

/** Finding messages that quote the response: each carries a payload into the popup's summary. */
const ROUTES = {
  // body/soft-error quotes the message member.
  '/api/soft': { status: 200, headers: JSON_CT, body: JSON.stringify({ success: false, message: IMG }) },
  // security/server-version-disclosure quotes the Server header.
  '/api/server': {
    status: 500,
    headers: { ...JSON_CT, Server: `nginx/1.2.3 ${SVG}` },
    body: '{"error":"x"}',
  },
  '/api/error': { status: 200, headers: JSON_CT, body: JSON.stringify({ error: SCRIPT }) },
  '/logo.svg': {
    status: 500,
    headers: { 'Content-Type': 'image/svg+xml' },
    body: '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=6"><script>window.__pwned=7</script></svg>',
  },
};
/** Paths that are payloads themselves; the server answers them 404, so they are problems the popup lists. */
const HOSTILE_PATHS = [`/api/${IMG}`, `/api/x?next=javascript:window.__pwned=5&html=${SCRIPT}`];

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script>
(async () => {
  for (const p of ${JSON.stringify([...Object.keys(ROUTES), ...HOSTILE_PATHS]).replace(/</g, '\\u003c')}) {
    await fetch(p).then((r) => r.text()).catch(() => {});
  }
})();
</script></body></html>`;

/** Whatever a payload could leave behind in a page: a global it set, an element it planted, a dialog. */
async function assertInert(page: Page, dialogs: string[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 300)); // let any onerror/onload that was going to fire, fire
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const planted = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    svg: document.querySelectorAll('#root svg script, #root svg[onload]').length,
    inlineScript: document.querySelectorAll('#root script').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i], iframe, object, embed').length,
  }));
  expect(planted).toEqual({ img: 0, handlers: 0, svg: 0, inlineScript: 0, jsLinks: 0 });
  expect(dialogs).toEqual([]);
}

function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

describe('hostile content in the popup and the options page', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let tabId: number;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-hostile-surfaces-'));
  const extUrl = (path: string) => `chrome-extension://${ext.extensionId}/${path}`;

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    const page = await ext.browser.newPage();
    await page.goto(server.origin + '/');
    const { panel } = await openPanel(page, ext.extensionId);
    await page.reload();
    const total = Object.keys(ROUTES).length + HOSTILE_PATHS.length;
    await until('every request analysed', async () => {
      const rows = await panelRows(panel);
      return rows.length === total && rows.every((r) => !r.text.includes('…'));
    });
    tabId = await panel.evaluate(() => chrome.devtools.inspectedWindow.tabId);
    await until('the summary with every payload', async () => {
      const s = JSON.stringify(
        await inServiceWorker(
          ext,
          async (id: number) => (await chrome.storage.session.get(`summary:${id}`))[`summary:${id}`],
          tabId,
        ),
      );
      return s !== undefined && [IMG, SVG, SCRIPT].every((p) => s.includes(JSON.stringify(p).slice(1, -1)));
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the popup shows paths and finding messages carrying script as text, and runs none of it', async () => {
    const popup = await ext.browser.newPage();
    const dialogs = watchDialogs(popup);
    await popup.goto(`${extUrl(POPUP)}?tabId=${tabId}`);
    await popup.waitForSelector('[aria-label="Latest problem responses"]');
    const text = await popup.$eval(
      '[aria-label="Latest problem responses"]',
      (e) => (e as HTMLElement).innerText,
    );
    for (const payload of [IMG, SVG, SCRIPT]) expect(text).toContain(payload);
    // Paths read decoded, as the request list shows them: the markup they spell is still text.
    expect(text).toContain('/api/<img src=x onerror=window.__pwned=1>');
    expect(text).toContain('javascript:window.__pwned=5');
    await assertInert(popup, dialogs);
    await popup.close();
  });

  it('the popup shows a tampered summary (raw markup in every field) as text too', async () => {
    const fakeTab = 424_242;
    await inServiceWorker(
      ext,
      async (id: number) => {
        await chrome.storage.session.set({
          [`summary:${id}`]: {
            families: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 1, '5xx': 1, failed: 1, unknown: 1 },
            findings: { error: 1, warning: 1, info: 0 },
            rules: { '<img src=x onerror=window.__pwned=11>': 3, 'javascript:window.__pwned=12': 2 },
            recent: [
              {
                method: '<script>window.__pwned=13</script>',
                path: 'javascript:window.__pwned=14',
                status: 999,
                worst: {
                  rule: '<svg onload="window.__pwned=15"></svg>',
                  severity: 'error',
                  message:
                    '<a href="javascript:window.__pwned=16">click</a><img src=x onerror="window.__pwned=17">',
                },
              },
              { method: 'GET', path: '<iframe src="javascript:window.__pwned=18"></iframe>', status: 0 },
            ],
            updatedAt: 1,
          },
        });
      },
      fakeTab,
    );
    const popup = await ext.browser.newPage();
    const dialogs = watchDialogs(popup);
    await popup.goto(`${extUrl(POPUP)}?tabId=${fakeTab}`);
    await popup.waitForSelector('[aria-label="Latest problem responses"]');
    const text = await popup.$eval('main', (e) => (e as HTMLElement).innerText);
    for (const shown of [
      '<img src=x onerror=window.__pwned=11>',
      'javascript:window.__pwned=12',
      '<script>window.__pwned=13</script>',
      'javascript:window.__pwned=14',
      '<a href="javascript:window.__pwned=16">click</a>',
      '<iframe src="javascript:window.__pwned=18"></iframe>',
    ]) {
      expect(text).toContain(shown);
    }
    await assertInert(popup, dialogs);
    await popup.close();
  });

  it('the options page refuses a settings file of hostile strings, showing why as text, running nothing', async () => {
    const options = await ext.browser.newPage();
    const dialogs = watchDialogs(options);
    await options.goto(extUrl(OPTIONS));
    // The settings file's input (the page also has one for profiles).
    const input = (await options.waitForSelector(
      'xpath/.//label[contains(., "Import settings")]//input[@type="file"]',
    )) as ElementHandle<HTMLInputElement> | null;
    const file = join(tmp, 'evil-settings.json');
    // An own "__proto__" member, as JSON.parse would create it from a file.
    writeFileSync(
      file,
      '{"__proto__":{"polluted":1},' +
        JSON.stringify({
          version: 1,
          profiles: ['<img src=x onerror=window.__pwned=21>'],
          rules: {
            '<script>window.__pwned=22</script>': 'off',
            'http/date': '<svg onload=window.__pwned=23>',
          },
          capture: {
            badgeMode: 'javascript:window.__pwned=24',
            '<iframe src=javascript:window.__pwned=25>': true,
          },
          redaction: { headers: '<img src=x onerror=window.__pwned=26>' },
          '<a href=javascript:window.__pwned=27>x</a>': 1,
        }).slice(1),
    );
    await input!.uploadFile(file);
    const alert = await options.waitForSelector('.import-errors[role="alert"]');
    const text = await alert!.evaluate((e) => (e as HTMLElement).innerText);
    expect(text).toContain('The settings in evil-settings.json were not imported');
    for (const shown of [
      '<img src=x onerror=window.__pwned=21>',
      '<script>window.__pwned=22</script>',
      '<svg onload=window.__pwned=23>',
      '<a href=javascript:window.__pwned=27>x</a>',
    ]) {
      expect(text).toContain(shown);
    }
    await assertInert(options, dialogs);
    expect(await options.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    // Nothing of it was saved.
    const saved = JSON.stringify(await inServiceWorker(ext, async () => chrome.storage.sync.get(null)));
    expect(saved).not.toContain('__pwned');
    await options.close();
  });

  it('a valid settings file whose names are markup imports as plain text', async () => {
    const options = await ext.browser.newPage();
    const dialogs = watchDialogs(options);
    await options.goto(extUrl(OPTIONS));
    // The settings file's input (the page also has one for profiles).
    const input = (await options.waitForSelector(
      'xpath/.//label[contains(., "Import settings")]//input[@type="file"]',
    )) as ElementHandle<HTMLInputElement> | null;
    const file = join(tmp, 'odd-names.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        redaction: {
          headers: ['<img src=x onerror=window.__pwned=31>'],
          queryParams: ['"><script>window.__pwned=32</script>'],
        },
      }),
    );
    await input!.uploadFile(file);
    await options.waitForSelector('.import-ok[role="status"]');
    const values = await options.$$eval('textarea', (els) =>
      els.map((e) => (e as HTMLTextAreaElement).value),
    );
    expect(values).toEqual(
      expect.arrayContaining([
        '<img src=x onerror=window.__pwned=31>',
        '"><script>window.__pwned=32</script>',
      ]),
    );
    await assertInert(options, dialogs);
    await options.close();
  });
});
