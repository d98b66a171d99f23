import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIDI_CLASS, CONTROL_CLASS } from '../../src/core/text/bidi';
import { NAME_AT_500 } from '../../src/surfaces/panel/list-columns';
import { launchWithExtension, openPanelTab, until, type ExtensionBrowser } from './harness/browser';
import { importHar, typeFilter } from './harness/panel';

/**
 * The panel docked to the side (500 px wide), in both themes: the toolbar wastes no row on the ⋯
 * menu, Name is the list's widest column, Name and Endpoints paths read decoded, and a hostile path's
 * bidi override or newline stays an escape. Screenshots in artifacts/narrow-*.png.
 */
const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const WIDTH = 500;

const entry = (method: string, path: string, status: number) => ({
  startedDateTime: '2026-12-07T10:00:00.000Z',
  time: 20,
  request: { method, url: `https://api.example.test${path}`, httpVersion: 'HTTP/1.1', headers: [] },
  response: {
    status,
    statusText: '',
    httpVersion: 'HTTP/1.1',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    content: { size: 2, mimeType: 'application/json', text: '{}' },
  },
  timings: { send: 1, wait: 18, receive: 1 },
  _resourceType: 'fetch',
});

/** A control character (a newline among them) or a bidi control: none may be shown raw. */
const UNSAFE = new RegExp(`[${CONTROL_CLASS}${BIDI_CLASS}]`);

const ENTRIES = [
  entry('GET', '/api/Another%20Test', 200),
  entry('OPTIONS', '/api/Another%20Test', 204),
  entry('GET', '/api/projects/42/deployments?environment=production&include=logs', 200),
  entry('DELETE', '/api/sessions/current', 404),
  // Hostile: a right-to-left override that would make "fdp.exe" read "exe.pdf", and a newline.
  entry('GET', '/api/invoice%E2%80%AEfdp.exe', 200),
  entry('GET', '/api/line%0Abreak', 500),
];

/** Waits for two frames, for layout after a change. */
const settle = (p: Page) =>
  p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));

describe.each(['default', 'dark'] as const)('docked to the side at 500 px (%s theme)', (theme) => {
  let ext: ExtensionBrowser;
  let panel: Page;
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'narrow-dock-'));
    const file = join(tmp, 'narrow.har');
    writeFileSync(
      file,
      JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: ENTRIES } }),
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    ext = await launchWithExtension();
    panel = await openPanelTab(ext, theme);
    await panel.setViewport({ width: 1400, height: 700 });
    await importHar(panel, file);
    await panel.setViewport({ width: WIDTH, height: 700 });
    await panel.waitForSelector('button[aria-label="More filters and options"]');
    await settle(panel);
  });

  afterAll(async () => {
    await ext?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('no toolbar row holds only the ⋯ menu, and the toolbar takes two rows', async () => {
    const rows = await panel.evaluate(() => {
      const toolbar = document.querySelector('[role="toolbar"]')!;
      // Every control on the toolbar itself (not inside an open popover), by the row it sits on.
      const controls = [...toolbar.querySelectorAll<HTMLElement>('button, input, label')].filter(
        (e) => e.offsetParent !== null && !e.closest('.overflow-popover, .search-suggestions'),
      );
      const byRow = new Map<number, string[]>();
      for (const c of controls) {
        const r = c.getBoundingClientRect();
        const mid = Math.round((r.top + r.bottom) / 2 / 4);
        byRow.set(mid, [...(byRow.get(mid) ?? []), c.getAttribute('aria-label') ?? c.textContent!.trim()]);
      }
      return [...byRow.values()];
    });
    const menuRow = rows.find((r) => r.includes('More filters and options'))!;
    expect(menuRow, JSON.stringify(rows)).toContain('Filter requests');
    expect(rows.every((r) => r.length > 1)).toBe(true);
    expect(rows, JSON.stringify(rows)).toHaveLength(2);
    // Nothing spills past the panel's right edge.
    const spill = await panel.$$eval('[role="toolbar"] button, [role="toolbar"] input', (els) =>
      els.some((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1),
    );
    expect(spill).toBe(false);
    await panel.click('button[aria-label="More filters and options"]');
    await panel.waitForSelector('.overflow-popover');
    const popover = await panel.$eval('.overflow-popover', (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, text: (e as HTMLElement).innerText };
    });
    expect(popover.text).toContain('API only');
    expect(popover.left).toBeGreaterThanOrEqual(0);
    expect(popover.right).toBeLessThanOrEqual(WIDTH);
    await panel.screenshot({ path: join(ARTIFACTS, `narrow-menu-${theme}.png`) as `${string}.png` });
    await panel.click('button[aria-label="More filters and options"]');
  });

  it(`Name is the list's widest column, at least ${NAME_AT_500} px, its tooltip the whole URL`, async () => {
    const columns = await panel.$$eval('.list-header [role="columnheader"]', (hs) =>
      hs.map((h) => ({
        label: h.textContent!.replace(/[▲▼]/g, '').trim(),
        width: h.getBoundingClientRect().width,
      })),
    );
    expect(columns.map((c) => c.label)).toEqual(['#', 'Status', 'Method', 'Name', 'Findings']);
    const name = columns.find((c) => c.label === 'Name')!.width;
    expect(name).toBeGreaterThanOrEqual(NAME_AT_500);
    for (const c of columns) if (c.label !== 'Name') expect(name, c.label).toBeGreaterThan(2 * c.width);
    const cells = await panel.$$eval('.list-row', (rows) =>
      rows.map((r) => {
        const [, status, method, name] = [...r.querySelectorAll<HTMLElement>('[role="gridcell"]')];
        return {
          method: method!.textContent,
          methodCut: method!.scrollWidth > method!.clientWidth,
          statusCut: status!.scrollWidth > status!.clientWidth,
          title: name!.title,
          // The name itself, without the HAR mark of an imported row.
          name: name!.querySelector('[data-recorded]')!.textContent,
        };
      }),
    );
    // OPTIONS and DELETE whole; the long URL whole in its tooltip.
    expect(cells.filter((c) => c.methodCut || c.statusCut)).toEqual([]);
    expect(cells.map((c) => c.method)).toContain('OPTIONS');
    expect(cells.map((c) => c.title)).toContain(
      'https://api.example.test/api/projects/42/deployments?environment=production&include=logs',
    );
    // Names read decoded where that is safe; the tooltip keeps the URL as recorded.
    expect(cells.map((c) => c.name).sort()).toEqual(
      [
        'Another Test',
        'Another Test',
        'deployments?environment=production&include=logs',
        'current',
        'invoice%E2%80%AEfdp.exe',
        'line%0Abreak',
      ].sort(),
    );
    expect(cells.map((c) => c.title)).toContain('https://api.example.test/api/Another%20Test');
    const list = await panel.$eval('[role="grid"][aria-label="Requests"]', (e) => e.textContent!);
    expect(list).not.toMatch(UNSAFE);
    await panel.screenshot({ path: join(ARTIFACTS, `narrow-list-${theme}.png`) as `${string}.png` });
  });

  it('Endpoints paths read decoded; a bidi override and a newline stay escapes', async () => {
    await panel.$$eval('[role="tab"]', (tabs) =>
      (tabs.find((t) => t.textContent === 'Endpoints') as HTMLElement).click(),
    );
    await panel.waitForSelector('.endpoint-table th[role="rowheader"] button');
    await settle(panel);
    const routes = await panel.$$eval('.endpoint-table th[role="rowheader"] button', (bs) =>
      bs.map((b) => ({ text: b.textContent!, seen: (b as HTMLElement).innerText.replace(/\n/g, '') })),
    );
    const texts = routes.map((r) => r.text);
    expect(texts).toContain('GET /api/Another Test');
    expect(texts).toContain('GET /api/invoice%E2%80%AEfdp.exe');
    expect(texts).toContain('GET /api/line%0Abreak');
    // Nothing raw anywhere in the view: no bidi control, no newline, no other control character.
    const all = await panel.$eval('.endpoints', (e) => e.textContent!);
    expect(all).not.toMatch(UNSAFE);
    await panel.screenshot({ path: join(ARTIFACTS, `narrow-endpoints-${theme}.png`) as `${string}.png` });
    await panel.$$eval('[role="tab"]', (tabs) =>
      (tabs.find((t) => t.textContent === 'Requests') as HTMLElement).click(),
    );
    // The switch re-renders the toolbar with the list: the next test types into the search box
    // drawn with it, not the one the click is about to replace (a CI run caught it detached).
    await panel.waitForSelector('[role="grid"][aria-label="Requests"]');
  });

  it('a search that matches nothing says so, and clears at a click', async () => {
    await typeFilter(panel, 'nowhere-at-all', { blur: true });
    const note = await panel.waitForSelector('.filtered-out');
    expect(await note!.evaluate((e) => (e as HTMLElement).innerText)).toContain(
      'None of the 6 requests matches the search.',
    );
    await panel.screenshot({ path: join(ARTIFACTS, `narrow-filtered-out-${theme}.png`) as `${string}.png` });
    await panel.click('.filtered-out button');
    await until('the rows back', async () => ((await panel.$$('.list-row')).length === 6 ? true : undefined));
  });
});
