import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

// Benchmarks bundle this file elsewhere, so they name dist/ explicitly.
export const DIST = process.env.STATUS_LENS_DIST ?? resolve(import.meta.dirname, '../../../dist');

export function chromePath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH');
  return found;
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches headless Chromium with the built dist/ installed, in a throwaway profile and HOME. */
export async function launchWithExtension(
  dist: string = DIST,
  windowSize?: { width: number; height: number },
): Promise<ExtensionBrowser> {
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`${dist} is missing: run npm run build first`);
  const home = mkdtempSync(join(tmpdir(), 'status-lens-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: join(home, 'profile'),
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
    },
    ...(windowSize ? { defaultViewport: null } : {}),
    args: [
      ...(windowSize ? [`--window-size=${windowSize.width},${windowSize.height}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const extensionId = await browser.installExtension(dist);
  return {
    browser,
    extensionId,
    async close() {
      await browser.close().catch(() => {});
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `fn` until it returns something truthy. On timeout the error names what was awaited,
 * how long, what the last check saw (`seen`, when given: the state a reader needs to tell which
 * part never came) and the last error a check threw (a detached frame, a missing element), so
 * a failure in CI says more than "Timed out".
 */
async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  seen?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const v = await fn().catch((e: unknown) => {
      lastError = e;
      return undefined;
    });
    if (v) return v;
    if (Date.now() > deadline) {
      const parts = [`Timed out after ${timeoutMs / 1000} s waiting for ${what}`];
      if (seen)
        parts.push(`last seen: ${await seen().catch((e: unknown) => `(could not look: ${String(e)})`)}`);
      if (lastError !== undefined) parts.push(`last check threw: ${String(lastError)}`);
      throw new Error(parts.join('\n'));
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export const PANEL_PATH = 'src/surfaces/panel/panel.html';

/**
 * Opens DevTools on `page` and shows the Status Lens panel. The panel's tab sits in the
 * overflow menu in a narrow headless window, so it is shown through DevToolsAPI.showPanel.
 */
export async function openPanel(page: Page, extensionId: string): Promise<{ devtools: Page; panel: Frame }> {
  const devtools = await page.openDevTools();
  const prefix = `chrome-extension://${extensionId}/`;
  const frameUrls = async () =>
    `DevTools frames: ${devtools
      .frames()
      .map((f) => f.url())
      .join(', ')}`;
  await until(
    'the devtools page',
    async () => devtools.frames().find((f) => f.url().startsWith(prefix)),
    undefined,
    frameUrls,
  );
  const viewId = `chrome-extension://${extensionId}StatusLens`;
  const panelUrl = prefix + PANEL_PATH;
  const panel = await until(
    'the Status Lens panel',
    async () => {
      const found = devtools.frames().find((f) => f.url().startsWith(panelUrl));
      if (found) return found;
      await devtools.evaluate((id) => {
        (globalThis as unknown as { DevToolsAPI?: { showPanel(id: string): void } }).DevToolsAPI?.showPanel(
          id,
        );
      }, viewId);
      return undefined;
    },
    undefined,
    frameUrls,
  );
  await panel.waitForSelector('[role="grid"]');
  return { devtools, panel };
}

export interface PanelRow {
  /** The row as shown, then its full URL (the Name column shows only the last path segment; the URL is its tooltip). */
  text: string;
  /** The full URL (the Name cell's tooltip). */
  url: string;
  family: string;
  id: string;
  imported: boolean;
}

export async function panelRows(panel: Frame): Promise<PanelRow[]> {
  return panel.$$eval('[role="grid"] [role="row"][data-id]', (els) =>
    els.map((e) => {
      const url = e.querySelector('[role="gridcell"].name')?.getAttribute('title') ?? '';
      return {
        text: `${(e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()} ${url}`,
        url,
        family: e.getAttribute('data-family') ?? '',
        id: e.getAttribute('data-id') ?? '',
        imported: e.getAttribute('data-imported') === 'true',
      };
    }),
  );
}

/** What the panel shows as rows are awaited: each row (id, family, text) and the status bar. */
export async function describeRows(panel: Frame, rows?: PanelRow[]): Promise<string> {
  const listed = rows ?? (await panelRows(panel));
  const status = await panel
    .$eval('.status-bar', (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())
    .catch(() => '(no status bar)');
  const lines = listed.map((r) => `  ${r.id} [${r.family}${r.imported ? ', imported' : ''}] ${r.text}`);
  return [`${listed.length} rows in the DOM; status bar: ${status}`, ...lines].join('\n');
}

/**
 * For waitForRows after a filter change: exactly one row per needle (a path, a URL part), each
 * shown. Waiting for a count alone can latch on to a state the list passes through while the
 * filter is typed or the worker answers (the right number of the wrong rows).
 */
export const rowsExactly =
  (...needles: string[]) =>
  (rows: PanelRow[]): boolean =>
    rows.length === needles.length && needles.every((n) => rows.some((r) => r.text.includes(n)));

/**
 * Waits until the rows shown satisfy `expect`, and returns them. `expect` is one predicate, or
 * named predicates (`{ 'the PUT and its preflight': rs => … }`) that must all hold: on timeout
 * the error names the ones that did not, then every row the panel showed with its status text.
 */
export async function waitForRows(
  panel: Frame,
  expect: ((rows: PanelRow[]) => boolean) | Record<string, (rows: PanelRow[]) => boolean>,
  what: string,
  timeoutMs?: number,
): Promise<PanelRow[]> {
  const checks = typeof expect === 'function' ? { [what]: expect } : expect;
  let last: PanelRow[] | undefined;
  return until(
    what,
    async () => {
      const rows = await panelRows(panel);
      last = rows;
      return Object.values(checks).every((check) => check(rows)) ? rows : undefined;
    },
    timeoutMs,
    async () => {
      const unmet = last
        ? Object.entries(checks)
            .filter(([, check]) => !check(last!))
            .map(([name]) => name)
        : ['(the rows were never read)'];
      return `unmet: ${unmet.join('; ')}\n${await describeRows(panel, last)}`;
    },
  );
}

export { until };

/**
 * Clicks `selector` in `frame` until `done` holds: once, and again (at most twice more) when
 * nothing changed within a few seconds, saying on stderr what lay under the pointer. Headless
 * DevTools once dropped every click into the panel for a whole test file in CI (stop 26,
 * never seen locally); a second click tells a lost click from a panel that does not react,
 * which still fails with what was found.
 */
export async function clickUntil<T>(
  frame: Frame,
  selector: string,
  what: string,
  done: () => Promise<T | undefined | null | false>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await frame.evaluate(() => {
      const w = window as unknown as { __clicks?: string[] };
      if (!w.__clicks)
        for (const t of ['pointerdown', 'mousedown', 'mouseup', 'click'])
          document.addEventListener(
            t,
            (e) => w.__clicks!.push(`${t}@${(e.target as Element).className}`),
            true,
          );
      w.__clicks = [];
    });
    await frame.click(selector);
    try {
      return await until(what, done, attempt < 3 ? 4_000 : 20_000);
    } catch (err) {
      const under = await frame
        .$eval(selector, (e) => {
          const r = e.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          const seen = (window as unknown as { __clicks?: string[] }).__clicks ?? [];
          const selected = [...document.querySelectorAll('[aria-selected="true"]')].map(
            (s) => s.id || s.textContent,
          );
          return `${hit?.tagName ?? 'nothing'}.${hit?.className ?? ''}; events: ${seen.join(' ') || 'none'}; selected: ${selected.join(', ')}; focus: ${document.hasFocus()}`;
        })
        .catch((e: unknown) => String(e));
      console.warn(`clickUntil: no ${what} after click ${attempt} on ${selector}; under it: ${under}`);
      if (attempt === 3) throw err;
    }
  }
}

interface ExtensionIssues {
  installWarnings: unknown[];
  manifestErrors: unknown[];
  runtimeErrors: unknown[];
}

/**
 * Turns on developer mode on chrome://extensions, so Chrome collects the extension's
 * runtime errors the way a developer would see them there.
 */
export async function extensionsPage(ext: ExtensionBrowser): Promise<{ issues(): Promise<ExtensionIssues> }> {
  const page = await ext.browser.newPage();
  await page.goto('chrome://extensions/');
  await until('chrome.developerPrivate', () =>
    page.evaluate(
      () =>
        typeof (globalThis as { chrome?: { developerPrivate?: unknown } }).chrome?.developerPrivate ===
        'object',
    ),
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { updateProfileConfiguration(c: object, cb: () => void): void } };
          }
        ).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve),
      ),
  );
  return {
    issues: () =>
      page.evaluate(
        (id) =>
          new Promise<ExtensionIssues>((resolve) =>
            (
              globalThis as unknown as {
                chrome: {
                  developerPrivate: { getExtensionInfo(id: string, cb: (i: ExtensionIssues) => void): void };
                };
              }
            ).chrome.developerPrivate.getExtensionInfo(id, resolve),
          ),
        ext.extensionId,
      ),
  };
}

/**
 * Opens the panel page as an ordinary extension tab with a stand-in `chrome.devtools`
 * (no inspected page): enough for HAR import, settings and benchmarks.
 */
export async function openPanelTab(
  ext: ExtensionBrowser,
  theme: 'default' | 'dark' = 'default',
): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.evaluateOnNewDocument((themeName) => {
    const noopEvent = { addListener() {}, removeListener() {} };
    const c = (globalThis as unknown as { chrome: Record<string, unknown> }).chrome;
    c.devtools = {
      inspectedWindow: { tabId: 999_999 },
      panels: {
        themeName,
        setThemeChangeHandler(handler?: (theme: string) => void) {
          (globalThis as unknown as { __themeHandler?: unknown }).__themeHandler = handler;
        },
      },
      network: {
        onRequestFinished: noopEvent,
        onNavigated: noopEvent,
        getHAR: (cb: (h: { entries: [] }) => void) => cb({ entries: [] }),
      },
    };
  }, theme);
  await page.goto(`chrome-extension://${ext.extensionId}/${PANEL_PATH}`);
  await page.waitForSelector('[role="grid"]');
  return page;
}

/** The extension's service worker targets as Chrome lists them now (puppeteer keeps stale ones). */
export async function serviceWorkerTargetIds(ext: ExtensionBrowser): Promise<string[]> {
  const session = await ext.browser.target().createCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos
      .filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`),
      )
      .map((t) => t.targetId);
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * Runs `fn` in the extension's service worker and returns its (JSON) result. A fresh CDP
 * session each time: after the worker is stopped and restarted Chrome reuses the target id
 * and puppeteer's cached session is dead. Retried until chrome.* exists (the target appears
 * before it does).
 */
export async function inServiceWorker<A extends unknown[], T>(
  ext: ExtensionBrowser,
  fn: (...args: A) => T | Promise<T>,
  ...args: A
): Promise<T> {
  const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
  return until('an answer from the service worker', async () => {
    if ((await serviceWorkerTargetIds(ext)).length === 0) return undefined;
    const target = ext.browser
      .targets()
      .find(
        (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${ext.extensionId}/`),
      );
    if (!target) return undefined;
    const session = await target.createCDPSession();
    try {
      const reply = await session.send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      return reply.exceptionDetails ? undefined : { value: reply.result.value as T };
    } finally {
      await session.detach().catch(() => {});
    }
  }).then((r) => r.value);
}

export type DockSide = 'bottom' | 'right' | 'left' | 'undocked';

/**
 * Docks DevTools as the user's dock-side buttons do, from its own frontend: the bundled
 * DevTools' DockController (an internal module of this Chromium's DevTools, reached by a
 * dynamic import in the DevTools page; tried on Chromium 156). Resolves to the side DevTools
 * reports afterwards. In a headless DevTools target the inspected page's area is left blank.
 */
export async function setDockSide(devtools: Page, side: DockSide): Promise<string> {
  return devtools.evaluate(`(async () => {
    const legacy = await import('./ui/legacy/legacy.js');
    const dock = legacy.DockController.DockController.instance();
    dock.setDockSide(${JSON.stringify(side)});
    return dock.dockSide();
  })()`) as Promise<string>;
}

/**
 * Sets DevTools' own preferences for the size of the docked area (height when docked at the
 * bottom, width when docked to a side). DevTools reads them when it opens: close and reopen it.
 */
export async function setDockedSize(devtools: Page, size: { bottom: number; side: number }): Promise<void> {
  await devtools.evaluate((s) => {
    const host = (globalThis as { InspectorFrontendHost?: { setPreference(k: string, v: string): void } })
      .InspectorFrontendHost;
    host?.setPreference(
      'inspector-view.split-view-state',
      JSON.stringify({ horizontal: { size: s.bottom }, vertical: { size: s.side } }),
    );
  }, size);
}
