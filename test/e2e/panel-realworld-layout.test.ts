import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, type ExtensionBrowser } from './harness/browser';
import { importHar, layoutSettled } from './harness/panel';

/** Laravel's refused CORS preflight (OPTIONS 204) and the XHR GET it failed (net::ERR_FAILED). */
const CORS = resolve(
  import.meta.dirname,
  '../fixtures/realworld/laravel_cors-preflight-no-acao-err-failed.har',
);

/** PingOne's HAL API: two routes under /v1/environments/{id}. */
const HAL = resolve(import.meta.dirname, '../fixtures/realworld/j1ping_hal-environment-groups.har');

/** MCP inspector's OAuth discovery: GETs the browser failed after the server answered 404 or 200. */
const BLOCKED = resolve(import.meta.dirname, '../fixtures/realworld/aic_oauth-discovery.har');

/**
 * Each row's cell in the column headed `column` once the panel is `width` px wide: its text as
 * seen (without what only a screen reader reads) and whether the column cuts it.
 */
async function columnAt(panel: Page, width: number, column: string) {
  await panel.setViewport({ width, height: 700 });
  await layoutSettled(panel, '[role="columnheader"], .list-row [role="gridcell"]', width);
  return panel.$$eval(
    '.list-row',
    (rows, name) => {
      const header = [...document.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent ?? '');
      const i = header.findIndex((h) => h.startsWith(name));
      return rows.map((r) => {
        const cell = r.querySelectorAll<HTMLElement>('[role="gridcell"]')[i]!;
        const seen = cell.cloneNode(true) as HTMLElement;
        for (const hidden of seen.querySelectorAll('.visually-hidden')) hidden.remove();
        return {
          text: (seen.textContent ?? '').replace(/\s+/g, ' ').trim(),
          clipped: cell.scrollWidth > cell.clientWidth,
        };
      });
    },
    column,
  );
}

describe('a real capture, imported, reads in full in the list', () => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('docked right at 500 px, an endpoint route wraps after a "/", never inside {id}', async () => {
    const panel = await openPanelTab(ext, 'dark');
    await panel.setViewport({ width: 1400, height: 700 });
    await importHar(panel, HAL);
    await panel.setViewport({ width: 500, height: 700 });
    await panel.$$eval('[role="tab"]', (tabs) =>
      (tabs.find((t) => t.textContent === 'Endpoints') as HTMLElement).click(),
    );
    await panel.waitForSelector('.endpoint-table th[role="rowheader"] button');
    await layoutSettled(panel, '.endpoint-table th[role="rowheader"] button', 500);
    // Each line of each route as laid out: the text before every place the next character
    // starts a new line.
    const lines = await panel.$$eval('.endpoint-table th[role="rowheader"] button', (buttons) =>
      buttons.map((b) => {
        const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
        const out: string[] = [];
        let line = '';
        let top: number | undefined;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 1);
            const y = r.getClientRects()[0]?.top;
            if (y !== undefined && top !== undefined && y > top + 2) {
              out.push(line);
              line = '';
            }
            if (y !== undefined) top = y;
            line += text[i];
          }
        }
        out.push(line);
        return out;
      }),
    );
    const routes = lines.map((l) => l.join(''));
    expect(routes).toContain('GET /v1/environments/{id}/groups');
    // The column is narrower than the routes, so they do wrap; each break follows a "/" (or the
    // space after the method), so {id} and every other segment stays whole.
    expect(lines.some((l) => l.length > 1)).toBe(true);
    for (const l of lines) for (const part of l.slice(0, -1)) expect(part, l.join(' | ')).toMatch(/[/ ]$/);
    await panel.close();
  });

  it('the Method column shows OPTIONS whole, wide and docked right at 500 px', async () => {
    const panel = await openPanelTab(ext);
    await panel.setViewport({ width: 1400, height: 700 });
    await importHar(panel, CORS);
    for (const width of [1400, 500]) {
      const cells = await columnAt(panel, width, 'Method');
      expect(cells, `at ${width} px`).toContainEqual({ text: 'OPTIONS', clipped: false });
      expect(cells, `at ${width} px`).toContainEqual({ text: 'GET', clipped: false });
    }
    await panel.close();
  });

  it('a CORS-blocked row shows the status the server sent, not "(failed) …", wide and at 500 px', async () => {
    const panel = await openPanelTab(ext);
    await panel.setViewport({ width: 1400, height: 700 });
    await importHar(panel, BLOCKED);
    for (const width of [1400, 500]) {
      const cells = await columnAt(panel, width, 'Status');
      const blocked = cells.filter((c) => c.text.startsWith('(failed) 404'));
      expect(blocked, `at ${width} px: ${JSON.stringify(cells)}`).toHaveLength(2);
      expect(
        cells.filter((c) => c.text.startsWith('(failed) 200')),
        `at ${width} px`,
      ).toHaveLength(1);
      expect(
        cells.filter((c) => c.clipped),
        `at ${width} px`,
      ).toEqual([]);
    }
    await panel.close();
  });
});
