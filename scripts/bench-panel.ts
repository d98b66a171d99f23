// Panel benchmark in real Chromium (not a test: it prints figures, it asserts nothing).
// For HARs of 1,000 / 10,000 / 50,000 generated exchanges it measures:
//   - import-to-rendered throughput (file picked → every row in the store, findings attached),
//   - the longest main-thread task while that happens (PerformanceObserver 'longtask'),
//   - filter and search latency at each size (input event → next frame),
//   - JS heap of the panel page and its analysis worker once everything is in,
//   - switching to the Endpoints view (click → table drawn; grouping runs in the worker),
//     `route:` keystrokes and a `/(a+)+$/` keystroke, next to the #14 baseline;
//   - the same at 1,000 and 10,000 with an OpenAPI description covering the routes loaded (#15).
// Run through scripts/bench.mjs, which bundles this file with esbuild.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, openPanelTab } from '../test/e2e/harness/browser';
import { longestTask, watchLongTasks } from '../test/e2e/harness/long-tasks';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Loaded at run time, not bundled: the generator runs its own CLI when it is the entry module.
const { generateHar } = (await import(pathToFileURL(resolve('scripts/gen-har.mjs')).href)) as {
  generateHar(o: { out: string; entries: number; largeEvery: number; seed: number }): Promise<unknown>;
};

const { benchHarOpenApi } = (await import(pathToFileURL(resolve('scripts/gen-openapi.mjs')).href)) as {
  benchHarOpenApi(): string;
};

const sizeArg = process.argv.indexOf('--size');
/** `--size N` measures that one size only (to look into one figure). */
const ONLY = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : undefined;
const SIZES = ONLY ? [ONLY] : process.argv.includes('--quick') ? [1000, 10_000] : [1000, 10_000, 50_000];

async function filterLatency(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const t0 = performance.now();
    setter.call(input, q);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, query);
}

/** Click → the Endpoints table is drawn, with the longest main-thread task meanwhile. */
async function endpointsSwitch(page: Page): Promise<{ ms: number; longest: number }> {
  await watchLongTasks(page);
  const ms = await page.evaluate(async () => {
    const tab = (name: string) =>
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === name)!;
    const t0 = performance.now();
    tab('Endpoints').click();
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('.endpoints tbody tr') ? resolve() : requestAnimationFrame(check);
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const elapsed = performance.now() - t0;
    tab('Requests').click();
    return elapsed;
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const longest = await longestTask(page);
  return { ms, longest };
}

/** Types `query` one key at a time; the slowest keystroke (input → next frame). */
async function slowestKeystroke(page: Page, query: string): Promise<number> {
  let slowest = 0;
  for (let i = 1; i <= query.length; i++)
    slowest = Math.max(slowest, await filterLatency(page, query.slice(0, i)));
  await filterLatency(page, '');
  return slowest;
}

/**
 * `body:` typed in the box → the worker's answer drawn ("body: N matches in M captured
 * bodies"), with the longest main-thread task meanwhile (the search itself runs in the worker).
 */
async function bodySearch(
  page: Page,
  needle: string,
): Promise<{ ms: number; longest: number; text: string }> {
  await watchLongTasks(page);
  const result = await page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const t0 = performance.now();
    setter.call(input, q);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const text = await new Promise<string>((resolve) => {
      const check = () => {
        const t = document.querySelector('.search-progress')?.textContent ?? '';
        if (/^body: \d+ match/.test(t)) resolve(t);
        else requestAnimationFrame(check);
      };
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { ms: performance.now() - t0, text };
  }, `body:${needle}`);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const longest = await longestTask(page);
  await filterLatency(page, '');
  return { ...result, longest };
}

async function heapMB(page: Page): Promise<{ page: number; worker: number }> {
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  const main = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  let worker = 0;
  for (const w of page.workers()) {
    await w.client.send('HeapProfiler.collectGarbage');
    const usage = (await w.client.send('Runtime.getHeapUsage')) as { usedSize: number };
    worker += usage.usedSize;
  }
  return { page: main.usedSize / 1024 / 1024, worker: worker / 1024 / 1024 };
}

/** One size: import, filters, Endpoints (or coverage, with a description loaded), heap. */
async function measure(
  ext: Awaited<ReturnType<typeof launchWithExtension>>,
  tmp: string,
  n: number,
  contract: string | null,
): Promise<{ row: string; searchRow: string; triageRow?: string }> {
  const file = join(tmp, `bench-${n}.har`);
  // No multi-megabyte bodies here: the panel caps bodies at 5 MB anyway; this measures volume.
  await generateHar({ out: file, entries: n, largeEvery: 1e12, seed: 7 });
  const page = await openPanelTab(ext);
  // Keep every row, so the memory figure is for the full size, not the default 20,000 cap.
  await page.evaluate(
    (text) =>
      Promise.all([
        chrome.storage.sync.set({ settings: { capture: { retentionCap: 0, apiOnly: false } } }),
        // The description in the index's older whole-document form, which the store still reads.
        chrome.storage.local.set({ openapi: text === null ? [] : [{ name: 'bench-openapi.json', text }] }),
      ]),
    contract,
  );
  await page.reload();
  await page.waitForSelector('[role="grid"]');
  if (contract !== null)
    await page.waitForFunction(() => /OpenAPI \(1\)/.test(document.body.innerText), { timeout: 60_000 });
  await watchLongTasks(page);
  const input = (await page.$('input[type="file"]'))!;
  const t0 = Date.now();
  await input.uploadFile(file);
  await page.waitForFunction(
    () => /Imported \d+ of/.test(document.querySelector('.status-bar')?.textContent ?? ''),
    { timeout: 600_000, polling: 20 },
  );
  const ms = Date.now() - t0;
  const longest = await longestTask(page);
  const shown = await page.$$eval('[role="row"][data-id]', (els) => els.length);
  const lat: number[] = [];
  const queries: string[] = [];
  for (const q of [
    'status:4xx',
    'api.example.com',
    '/orders?\\/\\d+/',
    'has:findings severity:error',
    '-status:2xx method:GET',
    '',
  ]) {
    lat.push(await filterLatency(page, q));
    queries.push(q);
  }
  // Which query was slowest, so a figure over the goal says where to look.
  const slowestQuery = queries[lat.indexOf(Math.max(...lat))] || '(cleared)';
  // #16: Chrome's keys, comparisons and is: over the precomputed facts; body: in the worker.
  let triageRow: string | undefined;
  if (contract === null) {
    const keyLat: number[] = [];
    for (const q of [
      'status-code:404',
      'domain:*.example.com',
      'status:>=400',
      'time:>500ms',
      'size:>1kb',
      'is:imported',
      '-is:from-cache larger-than:1k has-response-header:content-type',
      '',
    ]) {
      keyLat.push(await filterLatency(page, q));
    }
    const body = await bodySearch(page, 'page');
    const bodyMiss = await bodySearch(page, 'no-such-text-anywhere');
    const longestBody = Math.max(body.longest, bodyMiss.longest);
    triageRow = `| ${n.toLocaleString('en')} | ${Math.round(Math.max(...keyLat))} ms | ${Math.round(body.ms)} ms (${body.text.replace(/^body: /, '')}) | ${Math.round(bodyMiss.ms)} ms | ${longestBody === 0 ? 'none over 50 ms' : `${Math.round(longestBody)} ms`} |`;
  }
  const endpoints = await endpointsSwitch(page);
  const route = await slowestKeystroke(page, 'route:/v1/alpha/{id}');
  const regex = await slowestKeystroke(page, '/(a+)+$/');
  const heap = await heapMB(page);
  await page.evaluate(() => chrome.storage.local.set({ openapi: [] }));
  await page.close();
  return {
    ...(triageRow ? { triageRow } : {}),
    searchRow: `| ${n.toLocaleString('en')} | ${Math.round(endpoints.ms)} ms (longest task ${endpoints.longest === 0 ? 'under 50 ms' : `${Math.round(endpoints.longest)} ms`}) | ${Math.round(route)} ms | ${Math.round(regex)} ms |`,
    row: `| ${n.toLocaleString('en')} | ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB | ${ms} ms | ${Math.round((n / ms) * 1000).toLocaleString('en')} /s | ${longest === 0 ? 'none over 50 ms' : `${Math.round(longest)} ms`} | ${Math.round(Math.max(...lat))} ms (median ${Math.round([...lat].sort((a, b) => a - b)[3]!)} ms; slowest \`${slowestQuery}\`) | ${heap.page.toFixed(0)} MB + worker ${heap.worker.toFixed(0)} MB | ${shown} rows in DOM |`,
  };
}

/** With a description covering the HAR's routes loaded (#15: as responsive as without). */
const CONTRACT_SIZES = [1000, 10_000].filter((n) => ONLY === undefined || n === ONLY);

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-bench-'));
  const ext = await launchWithExtension();
  const rows: string[] = [];
  const searchRows: string[] = [];
  const contractRows: string[] = [];
  const contractSearchRows: string[] = [];
  const triageRows: string[] = [];
  try {
    for (const n of SIZES) {
      const r = await measure(ext, tmp, n, null);
      rows.push(r.row);
      searchRows.push(r.searchRow);
      if (r.triageRow) triageRows.push(r.triageRow);
    }
    const contract = benchHarOpenApi();
    for (const n of CONTRACT_SIZES) {
      const r = await measure(ext, tmp, n, contract);
      contractRows.push(r.row);
      contractSearchRows.push(r.searchRow);
    }
  } finally {
    await ext.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(
    `\nPanel benchmark — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}\n`,
  );
  console.log(
    '| exchanges | HAR size | import → rendered | throughput | longest main-thread task | filter/search latency (max) | JS heap | DOM |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(
    '\nEndpoints and search (#14 items 4 and 7). Baseline before the fix, 20,000 rows: switch to Endpoints 560 ms; route: keystrokes up to 72 ms; /(a+)+$/ 26.9 s per keystroke on hostile URLs.\n',
  );
  console.log(
    '| exchanges | switch to Endpoints | route: keystroke (slowest) | /(a+)+$/ keystroke (slowest) |',
  );
  console.log('|---|---|---|---|');
  for (const r of searchRows) console.log(r);
  console.log(
    '\nWith an OpenAPI description covering the routes loaded (#15); Endpoints is then the coverage view.\n',
  );
  console.log(
    '| exchanges | HAR size | import → rendered | throughput | longest main-thread task | filter/search latency (max) | JS heap | DOM |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of contractRows) console.log(r);
  console.log(
    '\n| exchanges | switch to coverage | route: keystroke (slowest) | /(a+)+$/ keystroke (slowest) |',
  );
  console.log('|---|---|---|---|');
  for (const r of contractSearchRows) console.log(r);
  console.log(
    '\nTriage filters (#16). Baseline before #16, 50,000 rows: filter keystrokes under 50 ms with the old keys; no body: search existed. Targets: keys under 50 ms, body: within 1 s, no main-thread task over 100 ms.\n',
  );
  console.log(
    '| exchanges | new keys (slowest of 7) | body: search (hit) | body: search (miss) | longest main-thread task during body: |',
  );
  console.log('|---|---|---|---|---|');
  for (const r of triageRows) console.log(r);
}

await main();
