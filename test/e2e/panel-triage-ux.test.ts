import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openPanel,
  panelRows,
  setDockedSize,
  setDockSide,
  until,
  waitForRows,
  type ExtensionBrowser,
} from './harness/browser';
import { importHar, openPanelOn, setApiOnly, typeFilter } from './harness/panel';
import { startServer, type TestServer } from './harness/server';

/** Where the e2e run leaves the dock-size screenshots (gitignored), to be looked at. */
const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const JSON_CT = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };

/**
 * A page that starts a slow call, then (without waiting) a fast one and a 404: the fast ones
 * finish first, but the slow one started first, so it must be listed first.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fixture</title></head>
<body><h1>Status Lens triage fixture</h1><script>
(async () => {
  const slow = fetch('/api/slow').then((r) => r.text());
  await new Promise((r) => setTimeout(r, 50));
  await fetch('/api/fast').then((r) => r.text());
  await fetch('/api/users/42?fields=name').then((r) => r.text());
  await fetch('/api/missing').then((r) => r.text());
  await slow;
  document.title = 'done';
})();
</script></body></html>`;

/** The filter set to `text`, its suggestions closed. */
const typeSearch = (panel: Frame, text: string) => typeFilter(panel, text, { blur: true });

const urls = async (panel: Frame) => (await panelRows(panel)).map((r) => new URL(r.url).pathname);

describe('triage UX in real Chromium (#16)', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let page: Page;
  let devtools: Page;
  let panel: Frame;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-triage-'));

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE },
      '/api/slow': (_req, res) => {
        setTimeout(() => {
          res.writeHead(200, JSON_CT);
          res.end('{"report":"the needle is here"}');
        }, 900);
      },
      '/api/fast': { status: 204, headers: JSON_CT },
      '/api/users/42': { status: 200, headers: JSON_CT, body: '{"id":42,"name":"Ada"}' },
      '/api/missing': { status: 404, headers: JSON_CT, body: '{"message":"no such thing"}' },
    });
    ext = await launchWithExtension();
    ({ page, devtools, panel } = await openPanelOn(ext, server.origin + '/'));
    await until('the page to finish', async () => ((await page.title()) === 'done' ? true : undefined));
    await waitForRows(panel, (rs) => rs.length >= 4, 'four API rows');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lists rows in the order the requests started, numbered, with their start time', async () => {
    expect(await urls(panel)).toEqual(['/api/slow', '/api/fast', '/api/users/42', '/api/missing']);
    const rows = await panelRows(panel);
    // Numbered in request order among all rows (the page itself, hidden by API only, is one).
    expect(rows.map((r) => Number(r.text.split(' ')[0]))).toEqual([2, 3, 4, 5]);

    // The Name column: last segment and query.
    expect(rows[2]!.text).toContain('42?fields=name');
    // A sort, its reverse, then request order again.
    const nameHeader = async () => {
      for (const b of await panel.$$('[role="columnheader"] button'))
        if ((await panel.evaluate((e) => e.textContent, b))?.startsWith('Name')) return b;
      throw new Error('no Name header');
    };
    await (await nameHeader()).click();
    expect((await urls(panel))[0]).toBe('/api/users/42'); // "42?fields=name" sorts first
    await (await nameHeader()).click();
    await (await nameHeader()).click();
    expect(await urls(panel)).toEqual(['/api/slow', '/api/fast', '/api/users/42', '/api/missing']);
  });

  it('filters with Chrome’s keys, comparisons and body: (searched off the main thread)', async () => {
    await typeSearch(panel, 'status-code:404');
    await waitForRows(
      panel,
      (rs) => rs.length === 1 && rs[0]!.url.endsWith('/api/missing'),
      'status-code:404',
    );
    await typeSearch(panel, 'time:>500ms');
    await waitForRows(panel, (rs) => rs.length === 1 && rs[0]!.url.endsWith('/api/slow'), 'time:>500ms');
    await typeSearch(panel, 'domain:127.0.0.* -status:2xx');
    await waitForRows(panel, (rs) => rs.length === 1 && rs[0]!.url.endsWith('/api/missing'), 'domain: glob');
    await typeSearch(panel, 'body:NEEDLE');
    await waitForRows(panel, (rs) => rs.length === 1 && rs[0]!.url.endsWith('/api/slow'), 'body: search');
    expect(await panel.$eval('.search-progress', (e) => e.textContent)).toMatch(
      /body: 1 match in \d+ captured/,
    );
    await typeSearch(panel, '');
  });

  it('completes keys from the box', async () => {
    const box = (await panel.$('input[type="search"]'))!;
    await box.click();
    await box.type('stat');
    const options = await panel.$$eval('[role="listbox"] [role="option"]', (els) =>
      els.map((e) => e.textContent),
    );
    expect(options[0]).toMatch(/^status:/);
    await box.press('Enter');
    expect(await panel.$eval('input[type="search"]', (e) => (e as HTMLInputElement).value)).toBe('status:');
    await typeSearch(panel, '');
  });

  it('tells the user when the filter hides the selected request', async () => {
    const rows = await panel.$$('[role="row"][data-id]');
    await rows[0]!.click();
    await panel.waitForSelector('section[aria-label="Selected request"]');
    await typeSearch(panel, 'status:404');
    await panel.waitForSelector('.detail-hidden');
    expect(await panel.$('section[aria-label="Selected request"]')).toBeNull();
    await typeSearch(panel, '');
    await panel.waitForSelector('section[aria-label="Selected request"]');

    // The page itself, selected, then hidden by API only: the note says so, and its button
    // (not "Clear the filter", which leaves API only on) lists the page again, selected.
    await setApiOnly(panel, false);
    const pageRow = await until('the page listed', async () =>
      (await panelRows(panel)).find((r) => new URL(r.url).pathname === '/'),
    );
    await panel.click(`[role="row"][data-id="${pageRow.id}"]`);
    await panel.waitForSelector('section[aria-label="Selected request"]');
    await setApiOnly(panel, true);
    const hidden = await until('the hidden note', () => panel.$('.detail-hidden'));
    expect(await hidden!.evaluate((e) => (e as HTMLElement).innerText)).toContain(
      'The selected request is hidden by API only.',
    );
    await panel.$$eval('.detail-hidden button', (bs) =>
      (bs.find((b) => b.textContent === 'Turn off API only') as HTMLElement).click(),
    );
    await until('the page listed and selected', () =>
      panel.$(`[role="row"][data-id="${pageRow.id}"][aria-selected="true"]`),
    );
    expect(await panel.$('.detail-hidden')).toBeNull();
    await setApiOnly(panel, true);
  });

  it('Ctrl+E pauses and resumes, / focuses the filter, ? shows the shortcuts, while the panel has focus', async () => {
    await panel.focus('[role="grid"]');
    await devtools.keyboard.down('Control');
    await devtools.keyboard.press('e');
    await devtools.keyboard.up('Control');
    await panel.waitForSelector('button.record[aria-pressed="false"]');
    await devtools.keyboard.down('Control');
    await devtools.keyboard.press('e');
    await devtools.keyboard.up('Control');
    await panel.waitForSelector('button.record[aria-pressed="true"]');
    // Ctrl+F stays DevTools' own (its search bar, relayed into the filter: devtools-search.test.ts),
    // so the panel also takes `/`.
    await devtools.keyboard.press('/');
    await until('the filter focused', async () =>
      (await panel.evaluate(() => document.activeElement?.getAttribute('type'))) === 'search'
        ? true
        : undefined,
    );
    await panel.focus('[role="grid"]');
    await devtools.keyboard.type('?');
    await panel.waitForSelector('[role="dialog"][aria-label="Keyboard shortcuts"]');
    // The sheet is the list the keys are handled from: Resend and Edit and resend are on it.
    const sheet = await panel.$$eval('[role="dialog"][aria-label="Keyboard shortcuts"] dt', (dts) =>
      dts.map((dt) => dt.textContent),
    );
    expect(sheet).toEqual(expect.arrayContaining(['R', 'Shift+R', 'Esc', '?']));
    await devtools.keyboard.press('Escape');
    await until('the sheet closed', async () =>
      (await panel.$('[role="dialog"][aria-label="Keyboard shortcuts"]')) ? undefined : true,
    );
  });

  it('Esc deselects in the list and goes back to the list from the detail, never opening the Console drawer', async () => {
    // DevTools' own state, read in its front-end page as the review did (InspectorView).
    const drawer = (verb: 'drawerVisible' | 'closeDrawer') =>
      devtools.evaluate(
        `(async () => (await import('./ui/legacy/legacy.js')).InspectorView.InspectorView.instance().${verb}())()`,
      );
    const selected = () =>
      panel.$$eval('[role="row"][data-id][aria-selected="true"]', (rs) =>
        rs.map((r) => r.getAttribute('data-id')),
      );
    await drawer('closeDrawer');
    expect(await drawer('drawerVisible')).toBe(false);
    const [first] = await panelRows(panel);
    await panel.click(`[role="row"][data-id="${first!.id}"]`);
    await panel.focus('[role="grid"]');
    await devtools.keyboard.press('Escape');
    await until('the row deselected', async () => ((await selected()).length === 0 ? true : undefined));
    // A forwarded Esc would have toggled the drawer by now (the review saw it at once).
    await new Promise((r) => setTimeout(r, 500));
    expect(await drawer('drawerVisible')).toBe(false);

    await panel.click(`[role="row"][data-id="${first!.id}"]`);
    await panel.focus('[role="grid"]');
    await devtools.keyboard.press('Enter');
    await until('the detail tab focused', async () =>
      (await panel.evaluate(() => document.activeElement?.getAttribute('role'))) === 'tab' ? true : undefined,
    );
    await devtools.keyboard.press('Escape');
    await until('the list focused', async () =>
      (await panel.evaluate(() => document.activeElement?.getAttribute('role'))) === 'grid'
        ? true
        : undefined,
    );
    expect(await selected()).toEqual([first!.id]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await drawer('drawerVisible')).toBe(false);
    await devtools.keyboard.press('Escape');
    await until('the row deselected', async () => ((await selected()).length === 0 ? true : undefined));
  });

  it("filter help's profile: example is a real profile's id, and a wrong id gets a did-you-mean", async () => {
    await panel.click('button[aria-label="Filter syntax help"]');
    const examples = await panel.$$eval('[role="dialog"][aria-label="Filter syntax"] button', (bs) =>
      bs.map((b) => b.textContent),
    );
    expect(examples).toContain('profile:problem');
    expect(examples).not.toContain('profile:problem-details');
    // Taking an example closes the help and fills the box, with no hint: the id is known.
    const example = await panel.$$('[role="dialog"][aria-label="Filter syntax"] button');
    for (const b of example)
      if ((await b.evaluate((e) => e.textContent)) === 'profile:problem')
        await b.evaluate((e) => (e as HTMLElement).click());
    await until('the box filled', async () =>
      (await panel.$eval('input[type="search"]', (e) => (e as HTMLInputElement).value)) === 'profile:problem'
        ? true
        : undefined,
    );
    expect(await panel.$('.search-error')).toBeNull();
    await typeSearch(panel, 'profile:problem-details');
    const hint = await until('the hint under the box', () => panel.$('.search-error'));
    expect(await hint!.evaluate((e) => e.textContent)).toContain('(did you mean "profile:problem"?)');
    await typeSearch(panel, '');
  });

  it('a status chip that hides every request says so in one sentence', async () => {
    await typeSearch(panel, 'status:404');
    await until('one row', async () => ((await panelRows(panel)).length === 1 ? true : undefined));
    await panel.$eval('.chip.fam-2xx', (b) => (b as HTMLElement).click());
    const note = await until('the empty state', () => panel.$('.filtered-out'));
    expect(await note!.evaluate((e) => e.textContent)).toContain(
      'The one request matching the search with API only on is not a 2xx response.',
    );
    await panel.$eval('.chip.fam-2xx', (b) => (b as HTMLElement).click());
    await typeSearch(panel, '');
  });

  it('marks imported rows, and is:imported / is:live filter them', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 't', version: '1' },
        entries: [
          {
            startedDateTime: '2020-01-01T00:00:00.000Z',
            time: 5,
            request: {
              method: 'GET',
              url: 'https://old.example.com/api/x',
              httpVersion: 'HTTP/1.1',
              headers: [],
            },
            response: {
              status: 500,
              statusText: '',
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              content: { size: 2, mimeType: 'application/json', text: '{}' },
            },
            timings: { wait: 5 },
            _resourceType: 'fetch',
          },
        ],
      },
    };
    const file = join(tmp, 'old.har');
    writeFileSync(file, JSON.stringify(har));
    await importHar(panel, file);
    // It started in 2020: first in request order.
    const rows = await waitForRows(panel, (rs) => rs.some((r) => r.imported), 'the imported row');
    expect(rows[0]!.imported).toBe(true);
    expect(rows[0]!.text).toContain('HAR');
    await typeSearch(panel, 'is:imported');
    await waitForRows(panel, (rs) => rs.length === 1 && rs[0]!.imported, 'is:imported');
    await typeSearch(panel, 'is:live');
    await waitForRows(panel, (rs) => rs.length === 4 && rs.every((r) => !r.imported), 'is:live');
    await typeSearch(panel, '');
    // Ctrl+L clears the list while the panel has focus.
    await panel.focus('[role="grid"]');
    await devtools.keyboard.down('Control');
    await devtools.keyboard.press('l');
    await devtools.keyboard.up('Control');
    await until('the list cleared', async () => ((await panelRows(panel)).length === 0 ? true : undefined));
  });

  it('fits bottom-docked, right-docked (Requests and Endpoints) and undocked DevTools (screenshots in test/e2e/artifacts)', async () => {
    // Real DevTools around the panel: its docked area sized by DevTools' own preferences (read
    // when it opens), then docked to each side by its DockController, as the dock buttons do.
    mkdirSync(ARTIFACTS, { recursive: true });
    await setDockedSize(devtools, { bottom: 300, side: 450 });
    await devtools.close();
    ({ devtools, panel } = await openPanel(page, ext.extensionId));
    const entry = (path: string, status: number, second: number, body: string) => ({
      startedDateTime: `2026-11-22T10:00:${String(second).padStart(2, '0')}.000Z`,
      time: 40 + second,
      request: {
        method: 'GET',
        url: `http://127.0.0.1:8080/api${path}`,
        httpVersion: 'HTTP/1.1',
        headers: [],
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        content: { size: body.length, mimeType: 'application/json', text: body },
      },
      timings: { wait: 30 },
      _resourceType: 'fetch',
    });
    const file = join(tmp, 'docks.har');
    writeFileSync(
      file,
      JSON.stringify({
        log: {
          version: '1.2',
          creator: { name: 't', version: '1' },
          entries: [
            entry('/users/42?fields=name', 200, 1, '{"id":42}'),
            entry('/orders', 422, 2, '{"title":"Invalid order","detail":"quantity must be positive"}'),
            entry('/login', 401, 3, '{"error":"invalid_token"}'),
            entry('/report', 500, 4, '<h1>oops</h1>'),
          ],
        },
      }),
    );
    // Wide first: side-docked, Import waits in the ⋯ menu.
    await devtools.setViewport({ width: 1400, height: 900 });
    await setDockSide(devtools, 'bottom');
    await panel.waitForSelector('input[type="file"][aria-label="Import HAR file"]');
    await importHar(panel, file);
    await waitForRows(panel, (rs) => rs.length === 4, 'the four imported rows');
    await panel.$$eval('[role="row"][data-id]', (rows) => (rows[1] as HTMLElement).click());
    await panel.waitForSelector('section[aria-label="Selected request"]');

    /** The Endpoints view, docked to the side: readable endpoints, findings on screen. */
    const endpointsFitSideDock = async () => {
      await panel.click('.view-tabs [role="tab"]:nth-child(2)');
      await panel.waitForSelector('.endpoint-table tbody tr');
      const layout = await until('the Endpoints table laid out for the side', async () => {
        const m = await panel.evaluate(() => {
          const box = (e: Element | null | undefined) => e?.getBoundingClientRect();
          const heads = [...document.querySelectorAll('.endpoint-table thead th')];
          const endpoint = box(heads.find((h) => h.textContent === 'Endpoint'));
          const findings = box(heads.find((h) => h.textContent === 'Findings by rule'));
          const rows = [...document.querySelectorAll('.endpoint-table tbody tr')].map((r) => box(r)!.height);
          return {
            heads: heads.map((h) => h.textContent),
            endpoint: endpoint?.width ?? 0,
            findings: findings?.width ?? 0,
            findingsRight: findings?.right ?? Infinity,
            viewRight: document.documentElement.clientWidth,
            tallest: Math.max(...rows),
            // Each rule's name wraps inside the findings column rather than running off it.
            rulesRight: Math.max(
              ...[...document.querySelectorAll('.endpoint-table .rule-count')].map((e) => box(e)!.right),
            ),
          };
        });
        return m.heads.length === 4 ? m : undefined;
      });
      expect(layout.heads).toEqual(['Endpoint', 'Calls', 'Errors', 'Findings by rule']);
      expect(layout.endpoint).toBeGreaterThanOrEqual(120);
      expect(layout.findings).toBeGreaterThanOrEqual(120);
      expect(layout.findingsRight).toBeLessThanOrEqual(layout.viewRight + 1);
      expect(layout.rulesRight).toBeLessThanOrEqual(layout.findingsRight + 1);
      // A route and its host on a line or two, not one letter a line.
      expect(layout.tallest).toBeLessThan(80);
      await devtools.screenshot({ path: join(ARTIFACTS, 'dock-right-endpoints.png') as `${string}.png` });
      await panel.click('.view-tabs [role="tab"]:nth-child(1)');
      await panel.waitForSelector('section[aria-label="Selected request"]');
    };
    const shapes = [
      // The browser window, and where DevTools sits in it: the panel gets DevTools' area.
      { dock: 'bottom', window: { width: 1400, height: 900 }, stacked: false, menus: false },
      { dock: 'right', window: { width: 1400, height: 900 }, stacked: true, menus: true },
      { dock: 'undocked', window: { width: 1280, height: 860 }, stacked: false, menus: false },
    ] as const;
    for (const s of shapes) {
      await devtools.setViewport(s.window);
      expect(await setDockSide(devtools, s.dock)).toBe(s.dock);
      const size = await until(`the panel laid out ${s.dock}`, async () => {
        const m = await panel.evaluate(() => ({
          width: innerWidth,
          height: innerHeight,
          stacked: Boolean(document.querySelector('.split.stacked')),
          menus: Boolean(document.querySelector('button[aria-label="More actions"]')),
        }));
        return m.stacked === s.stacked && m.menus === s.menus ? m : undefined;
      });
      // The shape of DevTools' area: a wide strip at the bottom, a tall column at the side, or
      // the whole window.
      if (s.dock === 'bottom') {
        expect(size.width).toBe(s.window.width);
        expect(size.height).toBeLessThan(320);
      } else if (s.dock === 'right') {
        expect(size.width).toBeLessThan(470);
        expect(size.height).toBeGreaterThan(800);
      } else {
        expect(size.width).toBe(s.window.width);
        expect(size.height).toBeGreaterThan(800);
      }
      // Nothing in the toolbar spills past the panel's right edge.
      const overflow = await panel.evaluate(() =>
        [
          ...document.querySelectorAll('.toolbar button, .toolbar input, .toolbar label, .view-bar button'),
        ].some((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1),
      );
      expect(overflow, s.dock).toBe(false);
      const visibleButtons = await panel.$$eval('.view-bar button, .toolbar button', (els) =>
        els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent?.trim()),
      );
      if (s.menus) {
        // Side-docked: Import and the filter toggles wait behind the ⋯ buttons.
        expect(visibleButtons).not.toContain('Import HAR');
        await panel.click('button[aria-label="More actions"]');
        await panel.waitForSelector('.overflow-popover[aria-label="More actions"]');
        expect(
          await panel.$eval(
            '.overflow-popover[aria-label="More actions"]',
            (e) => (e as HTMLElement).innerText,
          ),
        ).toContain('Import HAR');
        await panel.click('button[aria-label="More actions"]');
        expect(await panel.$('button[aria-label="More filters and options"]')).not.toBeNull();
      } else {
        expect(visibleButtons).toContain('Import HAR');
        // Wide enough for the Host column: it keeps the port.
        expect(
          await panel.$$eval('[role="row"][data-id]', (els) =>
            els.map((e) => (e as HTMLElement).innerText).join('\n'),
          ),
        ).toContain('127.0.0.1:8080');
      }
      // The detail (what the 422's server said) is on screen in every shape: beside the list,
      // or under it when stacked.
      const detail = await panel.$eval('section[aria-label="Selected request"]', (e) => {
        const r = e.getBoundingClientRect();
        const list = document.querySelector('[role="grid"]')!.getBoundingClientRect();
        return {
          below: r.top >= list.bottom - 1,
          beside: r.left >= list.right - 1,
          text: (e as HTMLElement).innerText,
        };
      });
      expect(detail.text).toContain('Invalid order');
      expect(detail.below, s.dock).toBe(s.stacked);
      expect(detail.beside, s.dock).toBe(!s.stacked);
      await new Promise((r) => setTimeout(r, 150));
      await devtools.screenshot({ path: join(ARTIFACTS, `dock-${s.dock}.png`) as `${string}.png` });
      if (s.dock === 'right') await endpointsFitSideDock();
    }
  });
});
