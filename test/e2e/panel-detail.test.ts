import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  until,
  waitForRows,
  type ExtensionBrowser,
  type PanelRow,
} from './harness/browser';
import { openPanelOn } from './harness/panel';
import { startServer, type TestServer } from './harness/server';

const JSON_CT = { 'Content-Type': 'application/json' };
const PAYLOAD =
  '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=4"><script>window.__pwned=5</script></svg>';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const ROUTES = {
  '/api/avatar.png': { status: 200, headers: { 'Content-Type': 'image/png' }, body: PNG },
  '/api/limited': {
    status: 429,
    headers: { ...JSON_CT, 'Retry-After': '30' },
    body: '{"error":"slow down"}',
  },
  '/api/orders': {
    status: 200,
    headers: JSON_CT,
    body: JSON.stringify({ ok: true, data: { order: { id: 7, status: 'error', error: 'card declined' } } }),
  },
  '/api/soft': { status: 200, headers: JSON_CT, body: JSON.stringify({ success: false, reason: 'quota' }) },
  '/api/hostile': {
    status: 400,
    headers: { ...JSON_CT, 'X-Evil': PAYLOAD, Location: 'javascript:window.__pwned=3' },
    body: JSON.stringify({ message: PAYLOAD, _links: { self: { href: 'javascript:window.__pwned=6' } } }),
  },
};

// The page calls with credentials and a token in the query, so the export has secrets to redact.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script>
(async () => {
  for (const p of ${JSON.stringify(Object.keys(ROUTES))}) {
    await fetch(p + '?access_token=tok-SECRET-123&page=2', { headers: { Authorization: 'Bearer sk-SECRET-456', 'X-Api-Key': 'key-SECRET-789' } }).then(r => r.text()).catch(() => {});
  }
})();
</script></body></html>`;

async function select(panel: Frame, rows: PanelRow[], path: string) {
  const row = rows.find((r) => r.text.includes(path))!;
  await panel.click(`[role="row"][data-id="${row.id}"]`);
}

const text = (panel: Frame, selector: string) => panel.$eval(selector, (e) => (e as HTMLElement).innerText);
const DETAIL = 'section[aria-label="Selected request"]';
const OPEN_PANEL = `${DETAIL} [role="tabpanel"]:not([hidden])`;

describe('the detail view in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let panel: Frame;
  let devtools: Page;
  let rows: PanelRow[];

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    ({ panel, devtools } = await openPanelOn(ext, server.origin + '/'));
    rows = await waitForRows(panel, (rs) => rs.length === Object.keys(ROUTES).length, 'all routes');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('explains a 429 from the catalogue, with the Retry-After hint', async () => {
    await select(panel, rows, '/api/limited');
    await panel.waitForSelector('section[aria-label="Status explanation"]');
    const overview = await text(panel, OPEN_PANEL);
    expect(overview).toContain('429 Too Many Requests');
    expect(overview).toMatch(/RFC 6585/);
    expect(overview).toContain('Retry in 30 s');
  });

  it('jumps from a finding about a body member to that member in the Body tab', async () => {
    await select(panel, rows, '/api/soft');
    const finding = await panel.waitForSelector('section[aria-label="Findings"] button');
    expect(await finding!.evaluate((b) => b.textContent)).toContain('/success');
    // A DOM click: headless DevTools docks into a window too small for coordinate clicks down there.
    await finding!.evaluate((b) => (b as HTMLElement).click());
    await until(
      'the Body tab',
      async () =>
        (await panel.$eval(`${DETAIL} [role="tab"][aria-selected="true"]`, (t) => t.textContent)) === 'Body',
    );
    await until('the revealed member', async () => {
      const focused = await panel.$$eval('[aria-current="location"]', (els) =>
        els.map((e) => e.textContent ?? ''),
      );
      return focused.some((t) => t.includes('success'));
    });
  });

  it('shows hostile headers, bodies and links as text and runs none of them', async () => {
    await select(panel, rows, '/api/hostile');
    await until('the hostile row in the detail view', async () =>
      (await text(panel, `${DETAIL} .detail-url`)).includes('/api/hostile'),
    );
    for (const tab of ['Headers', 'Body', 'Request', 'Overview']) {
      const handle = await panel.waitForSelector(
        `::-p-xpath(//section[@aria-label="Selected request"]//*[@role="tab"][normalize-space()="${tab}"])`,
      );
      await handle!.click();
      // Rendered: the clicked tab is selected and its own panel has content (else the checks
      // below would pass on an empty view).
      const shown = await until(`the ${tab} tab`, () =>
        panel.evaluate((label) => {
          const selected = document.querySelector<HTMLElement>(
            'section[aria-label="Selected request"] [role="tab"][aria-selected="true"]',
          );
          if (selected?.textContent !== label) return undefined;
          const own = document.getElementById(selected.getAttribute('aria-controls') ?? '');
          if (!own || own.hidden) return undefined;
          const shownText = own.innerText;
          return shownText.trim() ? shownText : undefined;
        }, tab),
      );
      // The payload is on screen as text where it is shown: the header value and the body member.
      if (tab === 'Headers' || tab === 'Body') expect(shown).toContain('<img src=x onerror=');
      expect(
        await panel.$$eval('img[src="x"], svg[onload], [role="tabpanel"] script', (els) => els.length),
      ).toBe(0);
      expect(await panel.$$eval('a[href^="javascript:"]', (els) => els.length)).toBe(0);
    }
    const pwned = await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    expect(pwned).toBeUndefined();
  });

  it('exports the shown requests as a valid HAR with secrets redacted', async () => {
    // Capture the Blob the panel downloads instead of letting Chromium save it.
    await panel.evaluate(() => {
      const w = window as unknown as { __exported?: Promise<string> };
      const original = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        if (blob instanceof Blob) w.__exported = blob.text();
        return original(blob);
      };
      HTMLAnchorElement.prototype.click = function () {};
    });
    await panel.click('button[aria-haspopup="menu"]');
    const item = await panel.waitForSelector('::-p-xpath(//*[@role="menuitem"][contains(., "HAR of the")])');
    await item!.click();
    // Built in the analysis worker: the download comes a moment after the click.
    await until('the exported HAR', () =>
      panel.evaluate(() => (window as unknown as { __exported?: unknown }).__exported !== undefined),
    );
    const exported = await panel.evaluate(
      () => (window as unknown as { __exported?: Promise<string> }).__exported,
    );
    const har = JSON.parse(exported!) as {
      log: {
        version: string;
        entries: { request: { url: string; headers: { name: string; value: string }[] } }[];
      };
    };
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(Object.keys(ROUTES).length);
    const all = JSON.stringify(har);
    expect(all).not.toContain('SECRET');
    const auth = har.log.entries[0]!.request.headers.find((h) => h.name.toLowerCase() === 'authorization');
    expect(auth?.value).toMatch(/REDACTED/);
    expect(har.log.entries[0]!.request.url).toContain('page=2');
  });

  it('fetches an image body on demand and shows it as an image', async () => {
    await select(panel, rows, '/api/avatar.png');
    const body = await panel.waitForSelector(
      `::-p-xpath(//section[@aria-label="Selected request"]//*[@role="tab"][normalize-space()="Body"])`,
    );
    await body!.evaluate((b) => (b as HTMLElement).click());
    const img = await panel.waitForSelector(`${DETAIL} img`);
    expect(await img!.evaluate((i) => (i as HTMLImageElement).src)).toBe(
      `data:image/png;base64,${PNG.toString('base64')}`,
    );
    expect(await img!.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(1);
  });

  it('works from the keyboard: grid rows announced, view tabs by arrows, Export menu by Escape', async () => {
    const focusedInPanel = () =>
      panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { role: el?.getAttribute('role') ?? '', text: el?.textContent ?? '', id: el?.id ?? '' };
      });
    // The grid keeps focus; the selected row is announced through aria-activedescendant.
    await panel.focus('[role="grid"]');
    await devtools.keyboard.press('Home');
    await devtools.keyboard.press('ArrowDown');
    const active = await until('an active row', async () => {
      const id = await panel.$eval('[role="grid"]', (g) => g.getAttribute('aria-activedescendant'));
      return id || undefined;
    });
    const activeRow = await panel.$eval(`[id="${active}"]`, (r) => ({
      selected: r.getAttribute('aria-selected'),
      data: r.getAttribute('data-id'),
    }));
    expect(activeRow.selected).toBe('true');
    expect(activeRow.data).toBe(rows[1]!.id);

    // The view tabs: arrows move selection and focus; the Export and Import buttons are not tabs.
    await panel.focus('[role="tablist"][aria-label="Views"] [role="tab"][aria-selected="true"]');
    await devtools.keyboard.press('ArrowRight');
    await until(
      'the Endpoints view',
      async () => (await panel.$('[role="region"][aria-label="Endpoints"]')) !== null,
    );
    expect(await focusedInPanel()).toMatchObject({ role: 'tab', text: 'Endpoints' });
    expect(
      await panel.$$eval(
        '[role="tablist"][aria-label="Views"] button:not([role="tab"])',
        (els) => els.length,
      ),
    ).toBe(0);
    await devtools.keyboard.press('ArrowLeft');
    await panel.waitForSelector('[role="grid"]');

    // The Export menu: opened from the keyboard, closed with Escape, focus back on its button.
    await panel.focus('button[aria-haspopup="menu"]');
    await devtools.keyboard.press('ArrowDown');
    await panel.waitForSelector('[role="menu"] [role="menuitem"]');
    expect((await focusedInPanel()).role).toBe('menuitem');
    await devtools.keyboard.press('Escape');
    await until('the menu to close', async () => (await panel.$('[role="menu"]')) === null);
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
  });
});
