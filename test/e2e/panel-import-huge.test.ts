import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, until, type ExtensionBrowser } from './harness/browser';
import { LONG_TASK_MS, traceTasks } from './harness/main-thread-cpu';
import { statusText, typeFilter } from './harness/panel';

/**
 * #17: the panel imports a HAR past V8's string ceiling (~512 MB; Chrome's own Network panel
 * fails there). The file is generated here (over 600 MB, deleted after) and dropped on the
 * panel's file input: the worker reads it a few megabytes at a time, so the import finishes with
 * every entry counted, no error, and the panel's thread stays responsive while it runs — traced
 * for a window in the middle of the import: no task over 100 ms of CPU (wall-clock is the
 * shared machine's load more than the panel's work; see harness/main-thread-cpu.ts).
 */
const SIZE = 620 * 1024 * 1024;

const { generateHar } = (await import(pathToFileURL(resolve('scripts/gen-har.mjs')).href)) as {
  generateHar(o: {
    out: string;
    targetBytes: number;
    seed: number;
  }): Promise<{ entries: number; bytes: number }>;
};

describe('panel HAR import over 600 MB', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-huge-'));
  const file = join(tmp, 'huge.har');
  let entries = 0;

  beforeAll(async () => {
    ({ entries } = await generateHar({ out: file, targetBytes: SIZE, seed: 23 }));
    expect(statSync(file).size).toBeGreaterThan(600 * 1024 * 1024);
    ext = await launchWithExtension();
    page = await openPanelTab(ext);
    await page.waitForSelector('[role="grid"]');
  }, 600_000);

  afterAll(async () => {
    await ext?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'imports every entry without error, with progress, the panel responsive throughout',
    { timeout: 1_200_000 },
    async () => {
      const input = (await page.$('input[type="file"]'))!;
      await input.uploadFile(file);
      // Under way: the notice counts rows and how much of the file was read.
      await until(
        'the import to report progress',
        async () => /% read…/.test(await statusText(page)) || undefined,
        300_000,
      );
      // A window in the middle of the import: every task on the panel's thread stays short, and
      // the page answers (a search keystroke is handled while rows stream in).
      const { cpu: tasks } = await traceTasks(page, async () => {
        await typeFilter(page, 'status:5xx');
        await page.evaluate(() => new Promise((r) => setTimeout(r, 8_000)));
      });
      const over = tasks.filter((d) => d > LONG_TASK_MS).map(Math.round);
      expect(over, `longest task ${Math.round(Math.max(...tasks))} ms CPU`).toEqual([]);
      await until(
        'the import to finish',
        async () => {
          const text = await statusText(page);
          return /Imported \d+ of \d+ entries|could not be/.test(text) ? text : undefined;
        },
        1_100_000,
      );
      const text = await statusText(page);
      expect(text).toContain(`Imported ${entries} of ${entries} entries from huge.har`);
      expect(text).not.toMatch(/could not be read|too large|cut short/);
      // The rows the retention cap keeps are listed (the filter shows 5xx ones).
      expect(await page.$$eval('[role="row"]', (rows) => rows.length)).toBeGreaterThan(1);
    },
  );
});
