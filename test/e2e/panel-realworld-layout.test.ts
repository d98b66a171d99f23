import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, type ExtensionBrowser } from './harness/browser';
import { importHar } from './harness/panel';

/** Laravel's refused CORS preflight (OPTIONS 204) and the XHR GET it failed (net::ERR_FAILED). */
const CORS = resolve(
  import.meta.dirname,
  '../fixtures/realworld/laravel_cors-preflight-no-acao-err-failed.har',
);

describe('a real capture, imported, reads in full in the list', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('the Method column shows OPTIONS whole, wide and docked right at 500 px', async () => {
    const panel = await openPanelTab(ext);
    await panel.setViewport({ width: 1400, height: 700 });
    await importHar(panel, CORS);
    for (const width of [1400, 500]) {
      await panel.setViewport({ width, height: 700 });
      await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const cells = await panel.$$eval('.list-row', (rows) => {
        const header = [...document.querySelectorAll('[role="columnheader"]')].map(
          (h) => h.textContent ?? '',
        );
        const i = header.findIndex((h) => h.startsWith('Method'));
        return rows.map((r) => {
          const cell = r.querySelectorAll<HTMLElement>('[role="gridcell"]')[i]!;
          return { text: cell.textContent, clipped: cell.scrollWidth > cell.clientWidth };
        });
      });
      expect(cells, `at ${width} px`).toContainEqual({ text: 'OPTIONS', clipped: false });
      expect(cells, `at ${width} px`).toContainEqual({ text: 'GET', clipped: false });
    }
    await panel.close();
  });
});
