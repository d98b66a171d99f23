import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, until, type ExtensionBrowser } from './harness/browser';
import { expectNoLongTask, traceTasks } from './harness/main-thread-cpu';
import { importHar, typeFilter, watchLongTasks } from './harness/panel';

/**
 * The panel's main thread under 20,000 imported rows: the Endpoints view open during the import
 * (grouping runs in the worker, #14 item 7), and a user regex that backtracks exponentially in
 * V8 typed over URLs built to explode it (matched by RE2 in linear time, #14 item 4).
 *
 * Two watchdogs run: a PerformanceObserver for 'longtask' in the panel page (wall-clock), and a
 * Chrome trace of the panel's renderer main thread, which also gives each task's CPU time.
 * The assertion is on CPU time, no task over 100 ms (harness/main-thread-cpu.ts says why); the
 * wall-clock figures are in the failure message.
 */
const ROWS = 20_000;

const { generateHar } = (await import(pathToFileURL(resolve('scripts/gen-har.mjs')).href)) as {
  generateHar(o: { out: string; entries: number; largeEvery: number; seed: number }): Promise<unknown>;
};

/** Entries whose URLs end in a run of a's and a "!": what /(a+)+$/ backtracks on for ever in V8. */
const explodingHar = (n: number) =>
  jsonHar(n, (i) => `https://api.example.com/items/${i}/${'a'.repeat(28)}!`, '{}');

/** `n` GETs answered 200 with a JSON body `text`, at the URLs `urlOf` gives. */
function jsonHar(n: number, urlOf: (i: number) => string, text: string): string {
  const entries = Array.from({ length: n }, (_, i) => ({
    startedDateTime: '2024-05-01T10:00:00.000Z',
    time: 1,
    request: {
      method: 'GET',
      url: urlOf(i),
      httpVersion: 'HTTP/1.1',
      headers: [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      cookies: [],
      content: { size: text.length, mimeType: 'application/json', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
    _resourceType: 'fetch',
  }));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'e2e', version: '1' }, entries } });
}

/** Imports `file` and waits until all `rows` are in (a 20,000-row import takes a while on two cores). */
async function importFile(page: Page, file: string, rows: number): Promise<void> {
  const text = await importHar(page, file, 240_000);
  expect(text).toContain(`Imported ${rows} of ${rows} entries`);
}

/**
 * Imports 20,000 rows whose 4 KB bodies are each cut short (body/invalid-json on every row),
 * then switches the rule off and a session rule's option: every row is judged again, its file's
 * session begun again. No task over the limit meanwhile.
 */
async function rejudgeWithoutLongTask(page: Page, file: string): Promise<void> {
  // Bodies of a realistic size: the rows the panel sends to be judged again are cloned whole.
  const cut = `{"items":[${'"abcdefghijk",'.repeat(300)}`;
  writeFileSync(
    file,
    jsonHar(ROWS, (i) => `https://api.example.com/orders/${i}`, cut),
  );
  await importFile(page, file, ROWS);
  const status = () => page.$eval('.status-bar', (e) => e.textContent ?? '');
  await typeFilter(page, 'rule:body/invalid-json', { blur: true });
  await until('every row flagged', async () => {
    const text = await status();
    return text.includes(`${ROWS} requests`) && !text.includes('shown') ? true : undefined;
  });
  await watchLongTasks(page);
  const traced = await traceTasks(page, async () => {
    await page.evaluate(() =>
      chrome.storage.sync.set({
        settings: {
          capture: { apiOnly: false },
          rules: { 'body/invalid-json': 'off' },
          ruleOptions: { 'session/n-plus-one': { minCalls: 3 } },
        },
      }),
    );
    await until(
      'every row judged again without the rule',
      async () => ((await status()).includes(`0 of ${ROWS} requests shown`) ? true : undefined),
      240_000,
    );
  });
  await expectNoLongTask(page, traced);
  // Back as they were, for whatever runs next.
  await page.evaluate(() => chrome.storage.sync.set({ settings: { capture: { apiOnly: false } } }));
}

/** Types `text` into the search box one key at a time, each keystroke its own task. */
const typeQuery = (page: Page, text: string) => typeFilter(page, text, { keyByKey: true });

describe('panel responsiveness at 20,000 rows (long-task watchdog)', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-responsive-'));

  beforeAll(async () => {
    ext = await launchWithExtension();
    page = await openPanelTab(ext);
    await page.setViewport({ width: 1400, height: 1000 });
    // Every row listed (the generated HAR has documents and scripts too).
    await page.evaluate(() => chrome.storage.sync.set({ settings: { capture: { apiOnly: false } } }));
    await page.reload();
    await page.waitForSelector('[role="grid"]');
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  // Once borderline (105–115 ms in one run in three); the Endpoints rows now skip rendering off
  // screen and open a batch per frame, and the test runs without a retry.
  it('keeps every task under 100 ms with the Endpoints view open during the import', async () => {
    const file = join(tmp, 'varied.har');
    await generateHar({ out: file, entries: ROWS, largeEvery: 1e12, seed: 11 });
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')]
        .find((t) => t.textContent === 'Endpoints')!
        .click(),
    );
    await page.waitForSelector('.view-endpoints:not([hidden]) .muted');
    await watchLongTasks(page);
    const traced = await traceTasks(page, () => importFile(page, file, ROWS));
    // The view followed the import: the table lists the worst endpoints and counts the rest.
    await until('the Endpoints table to fill', async () => {
      const shown = await page.$$eval('.endpoints tbody tr', (rows) => rows.length);
      const more = await page.$eval(
        '.endpoints',
        (e) => /(\d+) more endpoints not shown/.exec(e.textContent ?? '')?.[1],
      );
      // All 100 rows (the worker's limit), drawn a batch per frame after the first 20.
      return shown === 100 && more !== undefined ? true : undefined;
    });
    await expectNoLongTask(page, traced);
    // To the list and back: switching to Endpoints over 20,000 rows is not a long task either.
    await watchLongTasks(page);
    const switching = await traceTasks(page, async () => {
      for (const name of ['Requests', 'Endpoints', 'Requests', 'Endpoints']) {
        await page.evaluate(
          (n) =>
            [...document.querySelectorAll<HTMLElement>('[role="tab"]')]
              .find((t) => t.textContent === n)!
              .click(),
          name,
        );
        if (name === 'Endpoints') await page.waitForSelector('.endpoints tbody tr');
        await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
      }
    });
    await expectNoLongTask(page, switching);
  });

  it('matches a backtracking-bomb regex over 20,000 hostile URLs without a long task', async () => {
    await page.reload();
    await page.waitForSelector('[role="grid"]');
    const file = join(tmp, 'exploding.har');
    writeFileSync(file, explodingHar(ROWS));
    await importFile(page, file, ROWS);
    await watchLongTasks(page);
    const traced = await traceTasks(page, async () => {
      // In V8, /(a+)+$/ on one of these URLs alone takes minutes.
      await typeQuery(page, '/(a+)+$/');
      await until('the regex to filter every row out', async () => {
        const text = await page.$eval('.status-bar', (e) => e.textContent ?? '');
        return text.includes(`0 of ${ROWS} requests shown`) || undefined;
      });
      await typeQuery(page, '/(a+)+!$/');
      await until('the regex to match every row', async () => {
        const text = await page.$eval('.status-bar', (e) => e.textContent ?? '');
        return text.includes(`${ROWS} requests`) && !text.includes('shown') ? true : undefined;
      });
    });
    await expectNoLongTask(page, traced);
  });

  it('keeps every task under 100 ms while a settings change judges 20,000 rows again', async () => {
    await page.reload();
    await page.waitForSelector('[role="grid"]');
    await rejudgeWithoutLongTask(page, join(tmp, 'invalid-json.har'));
  });

  // The worker could not start: the panel analyses on its own thread, a batch per task
  // (inline-batches.ts), where it judged all 20,000 rows again in one task of seconds.
  it('keeps every task under 100 ms when the analysis falls back to the panel’s thread', async () => {
    // The other panel emptied: the settings change below reaches it too.
    await page.reload();
    const inline = await openPanelTab(ext);
    try {
      await inline.setViewport({ width: 1400, height: 1000 });
      await inline.evaluateOnNewDocument(() => {
        (globalThis as unknown as { Worker: unknown }).Worker = class {
          constructor() {
            throw new Error('e2e: no worker');
          }
        };
      });
      await inline.reload();
      await inline.waitForSelector('[role="grid"]');
      await until('the panel to say it analyses on its own thread', async () =>
        (await inline.$eval('.status-bar', (e) => e.textContent ?? '')).includes(
          'Background analysis failed; analysing in the panel instead.',
        ),
      );
      await rejudgeWithoutLongTask(inline, join(tmp, 'invalid-json-inline.har'));
    } finally {
      await inline.close();
    }
  });
});
