import { randomBytes } from 'node:crypto';
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inServiceWorker,
  launchWithExtension,
  panelRows,
  until,
  type ExtensionBrowser,
} from './harness/browser';
import { openPanelOn } from './harness/panel';
import { startServer, type TestServer } from './harness/server';

const POPUP = 'src/surfaces/popup/popup.html';

// Fresh per run, so a hit can only come from this run's traffic.
const nonce = randomBytes(8).toString('hex');
const BODY_MARKER = `BODY-MARKER-${nonce}`;
const ERROR_MARKER = `ERROR-BODY-${nonce}`;
const HEADER_SECRET = `hdr-secret-${nonce}`;
const REQUEST_SECRET = `Bearer req-secret-${nonce}`;
const QUERY_SECRET = `qs-secret-${nonce}`;
// A GitHub-token-shaped secret: security/secret-in-body reports it, masked.
const TOKEN = `ghp_${(nonce + nonce + nonce).slice(0, 36).replace(/[^A-Za-z0-9]/g, 'a')}`;
const SECRETS = [
  BODY_MARKER,
  ERROR_MARKER,
  HEADER_SECRET,
  REQUEST_SECRET.slice('Bearer '.length),
  QUERY_SECRET,
  TOKEN,
];

const JSON_CT = { 'Content-Type': 'application/json' };
const ROUTES = {
  '/api/profile': {
    status: 200,
    headers: {
      ...JSON_CT,
      'X-Secret-Token': HEADER_SECRET,
      'Set-Cookie': `session=${HEADER_SECRET}; HttpOnly`,
    },
    body: JSON.stringify({ user: { id: 7, note: BODY_MARKER, deploy: { key: TOKEN } } }),
  },
  '/api/broken': {
    status: 500,
    headers: { ...JSON_CT, 'X-Secret-Token': HEADER_SECRET },
    body: JSON.stringify({ detail: { trace_id: ERROR_MARKER, list: [ERROR_MARKER] } }),
  },
  '/api/unauth': { status: 401, headers: JSON_CT, body: JSON.stringify({ hint: BODY_MARKER }) },
};

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script>
(async () => {
  for (const p of ${JSON.stringify(Object.keys(ROUTES))}) {
    await fetch(p + '?access_token=${QUERY_SECRET}&page=2', { headers: { Authorization: '${REQUEST_SECRET}' } }).then((r) => r.text()).catch(() => {});
  }
})();
</script></body></html>`;

describe('what the extension stores: summaries, never bodies or header values', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let panel: Frame;
  let tabId: number;

  const everythingStored = () =>
    inServiceWorker(ext, async () =>
      JSON.stringify({
        session: await chrome.storage.session.get(null),
        local: await chrome.storage.local.get(null),
        sync: await chrome.storage.sync.get(null),
      }),
    );

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    ({ panel } = await openPanelOn(ext, server.origin + '/'));
    // Every row analysed (no "…" left in the findings column).
    await until('every route analysed', async () => {
      const rows = await panelRows(panel);
      return rows.length === Object.keys(ROUTES).length && rows.every((r) => !r.text.includes('…'));
    });
    tabId = await panel.evaluate(() => chrome.devtools.inspectedWindow.tabId);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the panel did see the bodies and headers (so their absence from storage means something)', async () => {
    const profile = (await panelRows(panel)).find((r) => r.text.includes('/api/profile'))!;
    await panel.evaluate(
      (id) => document.querySelector<HTMLElement>(`[role="row"][data-id="${id}"]`)!.click(),
      profile.id,
    );
    const body = await panel.waitForSelector(
      '::-p-xpath(//section[@aria-label="Selected request"]//*[@role="tab"][normalize-space()="Body"])',
    );
    await body!.evaluate((b) => (b as HTMLElement).click());
    await until('the body marker in the Body tab', async () =>
      (
        await panel.$eval(
          'section[aria-label="Selected request"] [role="tabpanel"]:not([hidden])',
          (e) => (e as HTMLElement).innerText,
        )
      ).includes(BODY_MARKER),
    );
  });

  it('chrome.storage (session, local, sync) holds the tab summary but no body, header value or secret', async () => {
    const stored = await until('the tab summary in session storage', async () => {
      const all = await everythingStored();
      return all.includes(`summary:${tabId}`) &&
        all.includes('/api/broken') &&
        all.includes('security/secret-in-body')
        ? all
        : undefined;
    });
    for (const secret of SECRETS) expect(stored, secret).not.toContain(secret);
    // Paths are kept for the popup, with the credential in the query redacted.
    expect(stored).toContain('/api/broken?access_token=[REDACTED]&page=2');
    // The secret-in-body finding is kept, with the token masked.
    expect(stored).toContain('GitHub token');
    // Nor anywhere else the extension's pages could persist to.
    const elsewhere = await panel.evaluate(async () => ({
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }));
    expect(elsewhere).toEqual({ localStorage: 0, sessionStorage: 0, indexedDB: 0, caches: 0 });
  });

  it('"Clear this tab" in the popup removes that tab’s summary from storage', async () => {
    const popup = await ext.browser.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/${POPUP}?tabId=${tabId}`);
    await popup.waitForSelector('[aria-label="Latest problem responses"]');
    const clear = await popup.waitForSelector('::-p-xpath(//button[normalize-space()="Clear this tab"])');
    await clear!.click();
    await until('the tab’s key to leave session storage', async () => {
      const session = await inServiceWorker(ext, async () =>
        Object.keys(await chrome.storage.session.get(null)),
      );
      return !session.includes(`summary:${tabId}`);
    });
    await popup.waitForFunction(() => document.body.innerText.includes('Nothing recorded for this tab yet.'));
    const all = await everythingStored();
    expect(all).not.toContain(`summary:${tabId}`);
    expect(all).not.toContain('/api/broken');
    await popup.close();
  });
});
