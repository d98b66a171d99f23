import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusFamily } from '../../src/core/exchange/family';
import {
  bigJson,
  brokenEntries,
  deepArray,
  deepObject,
  extremeEntries,
  FULL,
  harOf,
  INVALID_UTF8,
  longLine,
  MB,
  normalAfter,
} from '../fixtures/hostile/entries';
import {
  launchWithExtension,
  openPanel,
  openPanelTab,
  panelRows,
  until,
  waitForRows,
  type ExtensionBrowser,
} from './harness/browser';
import { importHar, longTasks, setToggle, watchLongTasks, type Surface } from './harness/panel';

/** A freeze is a task holding the panel's main thread this long; analysis must happen elsewhere. */
const FREEZE_MS = 1_000;
const DETAIL = 'section[aria-label="Selected request"]';
const OPEN_TAB = `${DETAIL} [role="tabpanel"]:not([hidden])`;

const longestTask = async (s: Surface) => {
  const longest = Math.max(0, ...(await longTasks(s)));
  if (process.env.STATUS_LENS_E2E_VERBOSE) console.log(`longest main-thread task: ${longest.toFixed(0)} ms`);
  return longest;
};

/** Still alive: the app is mounted (no render crash blanked it) and answers within a frame or two. */
async function assertAlive(s: Surface): Promise<void> {
  const started = Date.now();
  const mounted = await s.evaluate(
    () =>
      new Promise<boolean>((resolve) =>
        requestAnimationFrame(() =>
          resolve(
            !!document.querySelector('#root [role="grid"]') || !!document.querySelector('#root .detail'),
          ),
        ),
      ),
  );
  expect(mounted).toBe(true);
  expect(Date.now() - started).toBeLessThan(FREEZE_MS);
}

async function clickRow(s: Surface, id: string): Promise<void> {
  // Virtualised list: scroll until the row is rendered, then a DOM click (no coordinates needed).
  await until(`row ${id}`, () =>
    s.evaluate((rowId) => {
      const row = document.querySelector<HTMLElement>(`[role="row"][data-id="${rowId}"]`);
      if (row) {
        // Queued, so the render it causes runs as a task the long-task observer measures.
        setTimeout(() => row.click(), 0);
        return true;
      }
      const body = document.querySelector('.list-body');
      if (body) body.scrollTop = body.scrollTop + 200 >= body.scrollHeight ? 0 : body.scrollTop + 200;
      return false;
    }, id),
  );
}

async function clickTab(s: Surface, label: string): Promise<void> {
  await s.evaluate((text) => {
    const tab = [
      ...document.querySelectorAll<HTMLElement>('section[aria-label="Selected request"] [role="tab"]'),
    ].find((t) => t.textContent?.trim() === text);
    if (!tab) throw new Error(`no ${text} tab`);
    setTimeout(() => tab.click(), 0);
  }, label);
}

/** The URL is `/hostile/<tag>`'s, not that of a tag it is the start of (status-99 / status-999). */
const showsTag = (url: string, tag: string) =>
  new RegExp(`/hostile/${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[?#…])`).test(url);

/** Waits until the detail view shows `tag`'s row: clickRow only queues the click. */
async function shownRow(s: Surface, tag: string): Promise<void> {
  await until(`the detail view of ${tag}`, async () =>
    showsTag(await s.$eval(`${DETAIL} .detail-url`, (e) => e.textContent ?? ''), tag),
  );
}

/**
 * Clicks a detail tab and returns the text of its own panel once the detail view shows `tag`'s
 * row with that tab selected (a tab renders its content in the same commit that selects it).
 */
async function openTab(s: Surface, tag: string, label: string): Promise<string> {
  await clickTab(s, label);
  const shown = await until(`the ${label} tab of ${tag}`, () =>
    s.evaluate((text) => {
      const detail = document.querySelector('section[aria-label="Selected request"]');
      const selected = detail?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
      if (selected?.textContent?.trim() !== text) return undefined;
      const own = document.getElementById(selected.getAttribute('aria-controls') ?? '');
      if (!own || own.hidden) return undefined;
      return { url: detail!.querySelector('.detail-url')?.textContent ?? '', text: own.innerText };
    }, label),
  );
  expect(showsTag(shown.url, tag), `${tag} ${label}: the detail view shows ${shown.url.slice(0, 80)}`).toBe(
    true,
  );
  return shown.text;
}

/** What some tabs must say about an extreme input: shown sensibly, not just without a crash. */
const EXPECTED: Record<string, Partial<Record<string, RegExp>>> = {
  'big-json': { Body: /over the (size )?cap/ },
  'many-params': { Request: /Query parameters \(100,000\)[\s\S]*more not shown/ },
  'repeated-header': { Headers: /copy-999/ },
  'status-0': { Overview: /net::ERR_|Network error/ },
  'status-600': { Overview: /600/ },
  'status-999': { Overview: /999/ },
  'proto-keys': { Headers: /__proto__/ },
  'bad-base64': { Body: /base64/ },
  'invalid-utf8': { Body: /Binary body|\uFFFD/ },
};

const JSON_VIEWS = ['Tree', 'Pretty', 'Raw'];
const TEXT_VIEWS = ['Raw', 'Pretty'];

/**
 * The body views each row's Body tab offers. Rows not listed offer none: no body, a binary or
 * undecodable one, one over the size cap, or one that is not valid JSON (shown as plain text).
 */
const HAR_BODY_VIEWS: Record<string, string[]> = {
  'deep-array': JSON_VIEWS,
  'deep-object': JSON_VIEWS,
  'long-line': JSON_VIEWS,
  'long-line-text': TEXT_VIEWS,
  'invalid-utf8-text': JSON_VIEWS,
  'nul-bytes-text': TEXT_VIEWS,
  'repeated-header': JSON_VIEWS,
  'repeated-content-type': TEXT_VIEWS,
  'many-params': JSON_VIEWS,
  'proto-keys': JSON_VIEWS,
  'status-99': JSON_VIEWS,
  'status-600': JSON_VIEWS,
  'status-999': TEXT_VIEWS,
  'unprintable-values': JSON_VIEWS,
};
/** The same for the live responses (there the invalid UTF-8 is decoded into JSON with U+FFFD). */
const LIVE_BODY_VIEWS: Record<string, string[]> = {
  'deep-array': JSON_VIEWS,
  'deep-object': JSON_VIEWS,
  'long-line': JSON_VIEWS,
  'invalid-utf8': JSON_VIEWS,
  'repeated-header': JSON_VIEWS,
  'many-params': JSON_VIEWS,
  'proto-keys': JSON_VIEWS,
  'status-99': JSON_VIEWS,
  'status-600': JSON_VIEWS,
  'status-999': TEXT_VIEWS,
  'normal-after': JSON_VIEWS,
};

/** Opens one row and every detail tab (and every body view it must offer), checking each renders something. */
async function inspectRow(
  s: Surface,
  id: string,
  tag: string,
  bodyViews: Record<string, string[]>,
): Promise<void> {
  await clickRow(s, id);
  await shownRow(s, tag);
  for (const tab of ['Headers', 'Body', 'Request', 'Overview']) {
    const shown = await openTab(s, tag, tab);
    expect(shown.trim().length, `${tag} ${tab} renders something`).toBeGreaterThan(0);
    const want = EXPECTED[tag]?.[tab];
    if (want) expect(shown, `${tag} ${tab}`).toMatch(want);
    if (tab === 'Body') {
      const modes = await s.$$eval(`${OPEN_TAB} [aria-label="Body view"] button`, (bs) =>
        bs.map((b) => b.textContent ?? ''),
      );
      expect(modes, `${tag} body views`).toEqual(bodyViews[tag] ?? []);
      // The first view is the one shown; it comes last, so that every click switches the view.
      for (const mode of [...modes.slice(1), ...modes.slice(0, 1)]) {
        await s.evaluate((m) => {
          const b = [...document.querySelectorAll<HTMLElement>('[aria-label="Body view"] button')].find(
            (x) => x.textContent === m,
          );
          if (b) setTimeout(() => b.click(), 0);
        }, mode);
        await until(`${mode} view of ${tag}`, () =>
          s.evaluate(
            (m) =>
              [...document.querySelectorAll('[aria-label="Body view"] button')].some(
                (x) => x.textContent === m && x.getAttribute('aria-pressed') === 'true',
              ),
            mode,
          ),
        );
        await assertAlive(s);
      }
    }
  }
  await assertAlive(s);
}

describe('extreme input imported as a HAR into the panel', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-hostile-'));
  const extreme = extremeEntries(FULL);
  const broken = brokenEntries();
  const entries = [...extreme.map((h) => h.entry), ...broken.map((h) => h.entry), normalAfter()];
  const normalIndex = entries.length - 1;
  let ext: ExtensionBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    writeFileSync(join(tmp, 'hostile.har'), harOf(entries));
    ext = await launchWithExtension();
    page = await openPanelTab(ext);
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width: 1400, height: 1600 });
  });

  afterAll(async () => {
    await ext?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('imports it without freezing the panel: rows for the readable entries, the bad ones reported by index', async () => {
    // Show every row: some entries carry no resource type or JSON media type.
    await setToggle(page, 'API only', false);
    await watchLongTasks(page);
    const status = await importHar(page, join(tmp, 'hostile.har'));
    expect(status).toContain(
      `Imported ${extreme.length + 1} of ${entries.length} entries from hostile.har; ${broken.length} could not be read (entry ${extreme.length}: entry is null, not an object)`,
    );
    expect(status).toContain(`${extreme.length + 1} requests`);
    const rows = await panelRows(page.mainFrame());
    for (const [i, h] of extreme.entries()) {
      const row = rows.find((r) => r.id === `har0-${i}`);
      expect(row, h.tag).toBeDefined();
      const recorded = (h.entry as { response: { status: number } }).response.status;
      expect(row!.family, h.tag).toBe(statusFamily(Math.trunc(recorded)));
      if (recorded !== 0) expect(row!.text, h.tag).toContain(String(Math.trunc(recorded)));
    }
    // The ordinary request after all of it still got its finding (an error mark).
    await until('findings on the ordinary request', async () => {
      const cell = await page.$eval(
        `[role="row"][data-id="har0-${normalIndex}"]`,
        (e) => (e as HTMLElement).innerText,
      );
      return cell.includes('✖');
    });
    expect(await longestTask(page)).toBeLessThan(FREEZE_MS);
    await assertAlive(page);
  }, 90_000);

  it('opens every hostile row in the detail view: each tab renders, nothing freezes, prototypes stay clean', async () => {
    await watchLongTasks(page);
    for (const [i, h] of extreme.entries()) await inspectRow(page, `har0-${i}`, h.tag, HAR_BODY_VIEWS);
    expect(await longestTask(page)).toBeLessThan(FREEZE_MS);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    // The 50 MB body was over the cap: the Body tab says so instead of holding it.
    await clickRow(page, `har0-${extreme.findIndex((h) => h.tag === 'big-json')}`);
    await shownRow(page, 'big-json');
    expect(await openTab(page, 'big-json', 'Body')).toMatch(/over the (size )?cap/);
  }, 90_000);
});

interface RawRoute {
  status: number;
  reason?: string;
  headers?: [string, string][];
  body?: Buffer | string;
  /** Close the connection without answering: Chrome records a failed request (status 0). */
  drop?: boolean;
}

/** An HTTP/1.1 server on raw sockets, so it can send what Node's http module refuses to. */
async function rawServer(
  routes: Record<string, RawRoute>,
): Promise<{ origin: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.removeAllListeners('data');
      const target = head.slice(0, head.indexOf('\r\n')).split(' ')[1] ?? '/';
      const route = routes[target.split('?')[0]!];
      if (!route || route.drop) {
        socket.destroy();
        return;
      }
      const body = typeof route.body === 'string' ? Buffer.from(route.body) : (route.body ?? Buffer.alloc(0));
      const lines = [
        `HTTP/1.1 ${route.status} ${route.reason ?? 'Whatever'}`,
        'Cache-Control: no-store',
        'Connection: close',
        `Content-Length: ${body.length}`,
        ...(route.headers ?? []).map(([n, v]) => `${n}: ${v}`),
      ];
      socket.write(Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'));
      socket.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const JSON_H: [string, string][] = [['Content-Type', 'application/json']];

/** What the live page fetches, in order; each route's path ends in its tag. */
const LIVE: Record<string, RawRoute & { family: string }> = {
  '/hostile/big-json': { status: 200, headers: JSON_H, body: bigJson(50 * MB), family: '2xx' },
  '/hostile/deep-array': { status: 200, headers: JSON_H, body: deepArray(100_000), family: '2xx' },
  '/hostile/deep-object': { status: 400, headers: JSON_H, body: deepObject(100_000), family: '4xx' },
  '/hostile/long-line': { status: 200, headers: JSON_H, body: longLine(MB), family: '2xx' },
  '/hostile/invalid-utf8': { status: 200, headers: JSON_H, body: Buffer.from(INVALID_UTF8), family: '2xx' },
  '/hostile/nul-bytes': {
    status: 500,
    headers: JSON_H,
    body: Buffer.from('{"a":"\u0000\u0000","b":1}\u0000', 'latin1'),
    family: '5xx',
  },
  '/hostile/repeated-header': {
    status: 200,
    headers: [
      ...JSON_H,
      ...Array.from({ length: 1_000 }, (_, i): [string, string] => ['X-Repeat', `copy-${i}`]),
    ],
    body: '{"ok":true}',
    family: '2xx',
  },
  '/hostile/many-params': { status: 200, headers: JSON_H, body: '{"ok":true}', family: '2xx' },
  '/hostile/proto-keys': {
    status: 400,
    headers: [...JSON_H, ['__proto__', 'polluted'], ['constructor', 'prototype']],
    body: '{"__proto__":{"polluted":"body"},"constructor":{"prototype":{"polluted":"body"}},"error":{"__proto__":{"polluted":1}}}',
    family: '4xx',
  },
  '/hostile/status-99': {
    status: 99,
    reason: 'Odd',
    headers: JSON_H,
    body: '{"ok":true}',
    family: 'unknown',
  },
  '/hostile/status-600': {
    status: 600,
    reason: 'Beyond',
    headers: JSON_H,
    body: '{"error":"six hundred"}',
    family: 'unknown',
  },
  '/hostile/status-999': {
    status: 999,
    reason: 'Request Denied',
    headers: [['Content-Type', 'text/html']],
    body: '<h1>999</h1>',
    family: 'unknown',
  },
  '/hostile/status-0': { status: 0, drop: true, family: 'failed' },
  '/hostile/normal-after': { status: 401, headers: JSON_H, body: '{"error":"log in first"}', family: '4xx' },
};

const LIVE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script>
(async () => {
  const query = Array.from({ length: 100000 }, (_, i) => 'p' + i + '=' + i).join('&');
  for (const p of ${JSON.stringify(Object.keys(LIVE))}) {
    const url = p === '/hostile/many-params' ? p + '?' + query : p;
    try { await fetch(url).then((r) => r.arrayBuffer()); } catch (e) {}
  }
  document.title = 'done';
})();
</script></body></html>`;

describe('extreme responses captured live in the DevTools panel', () => {
  let server: Awaited<ReturnType<typeof rawServer>>;
  let ext: ExtensionBrowser;
  let panel: Frame;

  beforeAll(async () => {
    server = await rawServer({
      '/': { status: 200, headers: [['Content-Type', 'text/html']], body: LIVE_PAGE },
      ...LIVE,
    });
    ext = await launchWithExtension();
    const page = await ext.browser.newPage();
    await page.goto(server.origin + '/');
    ({ panel } = await openPanel(page, ext.extensionId));
    await watchLongTasks(panel);
    await page.reload();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('lists every one with its family, analyses the request after them, and never freezes the panel', async () => {
    const paths = Object.keys(LIVE);
    const rows = await waitForRows(
      panel,
      (rs) => paths.every((p) => rs.some((r) => r.text.includes(p))),
      'a row for every hostile response',
    );
    for (const [path, route] of Object.entries(LIVE)) {
      const row = rows.find((r) => r.text.includes(path))!;
      expect(row.family, path).toBe(route.family);
      if (route.status !== 0) expect(row.text, path).toContain(String(route.status));
    }
    const normal = rows.find((r) => r.text.includes('/hostile/normal-after'))!;
    await until('the finding on the ordinary request', async () =>
      (
        await panel.$eval(`[role="row"][data-id="${normal.id}"]`, (e) => (e as HTMLElement).innerText)
      ).includes('✖'),
    );
    for (const [path] of Object.entries(LIVE)) {
      const row = rows.find((r) => r.text.includes(path))!;
      await inspectRow(panel, row.id, path.slice('/hostile/'.length), LIVE_BODY_VIEWS);
    }
    expect(await longestTask(panel)).toBeLessThan(FREEZE_MS);
    expect(await panel.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  }, 90_000);
});
