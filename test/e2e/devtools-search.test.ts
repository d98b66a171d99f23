import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  panelRows,
  rowsExactly,
  until,
  waitForRows,
  type ExtensionBrowser,
} from './harness/browser';
import { openPanelOn } from './harness/panel';
import { pageFetching, startServer, type TestServer } from './harness/server';

const JSON_CT = { 'Content-Type': 'application/json' };
const ROUTES = {
  '/api/users/1': { status: 200, headers: JSON_CT, body: '{"id":1}' },
  '/api/orders/7': { status: 404, headers: JSON_CT, body: '{"message":"no order 7"}' },
  '/api/orders/8': { status: 500, headers: JSON_CT, body: '{"error":"boom"}' },
};

/** The element that has the keyboard in DevTools' own document (through its shadow roots). */
const devtoolsFocus = (devtools: Page) =>
  devtools.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? `${a.tagName.toLowerCase()}#${a.id}` : '';
  });

const filterValue = (panel: Frame) =>
  panel.$eval('#status-lens-filter', (e) => (e as HTMLInputElement).value);

/**
 * Issue #16 point 7 in real DevTools: Ctrl+F over our panel opens DevTools' own search bar (the
 * key never reaches the panel), and what the user types there lands in the panel's filter box
 * (ExtensionPanel.onSearch → devtools page → the panel window).
 */
describe('DevTools’ search bar fills the panel’s filter (#16)', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let devtools: Page;
  let panel: Frame;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-search-'));

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: pageFetching(Object.keys(ROUTES)) },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    ({ devtools, panel } = await openPanelOn(ext, server.origin + '/'));
    await waitForRows(
      panel,
      (rs) => rs.filter((r) => r.url.includes('/api/')).length === 3,
      'three API rows',
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('Ctrl+F, typing in DevTools’ box, Enter and Escape drive the filter, the list and the selection', async () => {
    await panel.type('#status-lens-filter', 'api');
    await panel.focus('[role="grid"]');
    // The real key, pressed while the panel has focus: DevTools takes it and opens its search bar.
    await devtools.keyboard.down('Control');
    await devtools.keyboard.press('f');
    await devtools.keyboard.up('Control');
    await until('DevTools’ search box focused', async () =>
      (await devtoolsFocus(devtools)) === 'input#search-input-field' ? true : undefined,
    );
    // Typed into DevTools’ own box, a key at a time as a user does.
    await devtools.keyboard.type('orders', { delay: 60 });
    await until('the filter box showing the query', async () =>
      (await filterValue(panel)) === 'orders' ? true : undefined,
    );
    const rows = await waitForRows(
      panel,
      rowsExactly('/api/orders/7', '/api/orders/8'),
      'the list narrowed to the orders',
    );
    expect(rows.map((r) => new URL(r.url).pathname)).toEqual(['/api/orders/7', '/api/orders/8']);
    // Every key went to DevTools' box, which keeps the keyboard (the panel fills its box without
    // focusing it: focusing would pull the rest of the word into the panel's frame).
    expect(await devtoolsFocus(devtools)).toBe('input#search-input-field');
    expect(
      await devtools.evaluate(() => {
        let a: Element | null = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return (a as HTMLInputElement | null)?.value;
      }),
    ).toBe('orders');

    // Enter: the first match selected; again: the next one.
    await devtools.keyboard.press('Enter');
    await until('the first order selected', async () =>
      (
        await panel
          .$eval('[role="row"][aria-selected="true"] .name', (e) => e.getAttribute('title'))
          .catch(() => '')
      )?.endsWith('/api/orders/7')
        ? true
        : undefined,
    );
    await devtools.keyboard.press('Enter');
    await until('the second order selected', async () =>
      (
        await panel
          .$eval('[role="row"][aria-selected="true"] .name', (e) => e.getAttribute('title'))
          .catch(() => '')
      )?.endsWith('/api/orders/8')
        ? true
        : undefined,
    );

    // Escape closes DevTools' bar: the filter the user had before the search comes back.
    await devtools.keyboard.press('Escape');
    await until('the earlier filter back', async () =>
      (await filterValue(panel)) === 'api' ? true : undefined,
    );
    await waitForRows(panel, (rs) => rs.length === 3, 'all three API rows again');
    expect((await panelRows(panel)).every((r) => r.url.includes('/api/'))).toBe(true);
  });

  it('Shift+Enter in DevTools’ bar brings the last match into view in a long list', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({
      startedDateTime: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(),
      time: 1,
      request: {
        method: 'GET',
        url: `https://old.example.com/items/${i}`,
        httpVersion: 'HTTP/1.1',
        headers: [],
      },
      response: {
        status: 200,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        content: { size: 2, mimeType: 'application/json', text: '{}' },
      },
      timings: { wait: 1 },
      _resourceType: 'fetch',
    }));
    const file = join(tmp, 'items.har');
    writeFileSync(
      file,
      JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } }),
    );
    // The first test left the filter at `api`: empty it.
    const box = (await panel.$('#status-lens-filter'))!;
    await box.click({ count: 3 });
    await box.press('Backspace');
    await until('the filter emptied', async () => ((await filterValue(panel)) === '' ? true : undefined));
    const input = await panel.waitForSelector('input[type="file"][aria-label="Import HAR file"]');
    await input!.uploadFile(file);
    // Every row shown: the three live API calls, the 300 imported ones, and the header row.
    await until('the import', async () =>
      (await panel.$eval('[role="grid"]', (e) => e.getAttribute('aria-rowcount'))) === String(3 + 300 + 1)
        ? true
        : undefined,
    );
    await panel.focus('[role="grid"]');
    await devtools.keyboard.down('Control');
    await devtools.keyboard.press('f');
    await devtools.keyboard.up('Control');
    await until('DevTools’ search box focused', async () =>
      (await devtoolsFocus(devtools)) === 'input#search-input-field' ? true : undefined,
    );
    await devtools.keyboard.type('items/', { delay: 40 });
    await until('the filter', async () => ((await filterValue(panel)) === 'items/' ? true : undefined));
    await devtools.keyboard.down('Shift');
    await devtools.keyboard.press('Enter');
    await devtools.keyboard.up('Shift');
    // The list is virtualised: the selected row is in the DOM only once it has been scrolled to.
    await until('the last item selected and drawn', async () =>
      (
        await panel
          .$eval('[role="row"][aria-selected="true"] .name', (e) => e.getAttribute('title'))
          .catch(() => '')
      )?.endsWith('/items/299')
        ? true
        : undefined,
    );
    await devtools.keyboard.press('Escape');
  });
});
