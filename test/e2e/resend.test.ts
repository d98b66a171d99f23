import type { IncomingMessage } from 'node:http';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from './harness/browser';
import { openPanelOn } from './harness/panel';
import { startServer, type TestServer } from './harness/server';

/*
 * Issue #19 in real Chromium: a request is resent from the inspected page (inspectedWindow.eval
 * running fetch), captured by DevTools like any request, linked to its original, and shown side
 * by side with it — findings resolved, a JSON body diff — and a resend the page's CORS forbids is
 * shown failed, with the reason.
 */

const COMPARISON = 'section[aria-label="Comparison"]';
const DETAIL = 'section[aria-label="Selected request"]';

interface ListedRow {
  id: string;
  family: string;
  /** The full URL (the Name cell's title: the cell itself shows the last path segment). */
  url: string;
  text: string;
}

const listedRows = (panel: Frame): Promise<ListedRow[]> =>
  panel.$$eval('[role="grid"] [role="row"][data-id]', (els) =>
    els.map((e) => ({
      id: e.getAttribute('data-id') ?? '',
      family: e.getAttribute('data-family') ?? '',
      url: e.querySelector('[title^="http"]')?.getAttribute('title') ?? '',
      text: (e as HTMLElement).innerText.replace(/\s+/g, ' '),
    })),
  );

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text));
  });

describe('resend and verify in real Chromium (#19)', () => {
  let site: TestServer;
  let api: TestServer;
  let ext: ExtensionBrowser;
  let page: Page;
  let panel: Frame;
  let rows: ListedRow[];
  /** Bodies the server received for POST /api/orders, in order. */
  const orders: string[] = [];
  /** The API's CORS answer: open while the page loads, closed before the resend. */
  let corsOpen = true;

  beforeAll(async () => {
    // Another origin, whose CORS policy the test closes before resending to it.
    api = await startServer({
      '/api/data': (_req, res) => {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
          ...(corsOpen ? { 'Access-Control-Allow-Origin': '*' } : {}),
        });
        res.end('{"ok":true}');
      },
    });
    const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>resend</title></head><body><script>
(async () => {
  try { await fetch('/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"item":"book"}' }).then(r => r.text()); } catch (e) {}
  try { await fetch(${JSON.stringify(api.origin + '/api/data')}).then(r => r.text()); } catch (e) {}
  document.title = 'done';
})();
</script></body></html>`;
    site = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: html },
      // 422 without a Content-Type (a finding) until the order names a quantity; then 201.
      '/api/orders': (req, res) => {
        void readBody(req).then((text) => {
          orders.push(text);
          let order: { item?: unknown; quantity?: unknown } = {};
          try {
            order = JSON.parse(text) as typeof order;
          } catch {
            // Stays invalid.
          }
          if (typeof order.quantity === 'number') {
            res.writeHead(201, {
              'Content-Type': 'application/json',
              'Cache-Control': 'no-store',
              Location: '/api/orders/1',
            });
            res.end(JSON.stringify({ id: 1, item: order.item, quantity: order.quantity }));
          } else {
            res.writeHead(422, { 'Cache-Control': 'no-store' });
            res.end('{"error":"quantity is required"}');
          }
        });
      },
    });
    ext = await launchWithExtension();
    ({ page, panel } = await openPanelOn(ext, site.origin + '/'));
    rows = await until('the order and the data rows', async () => {
      const rs = await listedRows(panel);
      return rs.some((r) => r.url.endsWith('/api/orders')) && rs.some((r) => r.url.endsWith('/api/data'))
        ? rs
        : undefined;
    });
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
    await api?.close();
    await site?.close();
  });

  const comparisonText = (what: string, test: (text: string) => boolean) =>
    until(what, async () => {
      const text = await panel.$eval(COMPARISON, (e) => (e as HTMLElement).innerText);
      return test(text) ? text : undefined;
    });

  it('resends a 422 with an edited body, gets a 201, and shows the finding resolved', async () => {
    const original = rows.find((r) => r.url.endsWith('/api/orders'))!;
    expect(original.text).toContain('422');
    await panel.click(`[role="row"][data-id="${original.id}"]`);
    await panel.waitForSelector(DETAIL);
    // The 422's finding is there before the fix.
    await until('the 422 analysed', async () =>
      (await panel.$eval(DETAIL, (e) => (e as HTMLElement).innerText)).includes('body/missing-content-type'),
    );
    const [edit] = await panel.$$('xpath/.//button[contains(., "Edit and resend")]');
    await edit!.click();
    const dialog = await panel.waitForSelector('[role="dialog"]');
    const dialogText = await dialog!.evaluate((e) => (e as HTMLElement).innerText);
    expect(dialogText).toContain('POST is not idempotent');
    // UI review finding 12: the headers Chromium sets itself (Host, Origin, Sec-Fetch-*…) fold
    // under one closed line with one explanation; the editable rows are the ones sent.
    const fold = await panel.$eval('[role="dialog"] details.resend-unsendable', (d) => ({
      open: (d as HTMLDetailsElement).open,
      summary: d.querySelector('summary')!.textContent,
      items: d.querySelectorAll('li').length,
    }));
    expect(fold.open).toBe(false);
    expect(fold.summary).toMatch(/^Not sent by the browser \((\d+)\)$/);
    expect(Number(/\((\d+)\)/.exec(fold.summary!)![1])).toBe(fold.items);
    expect(fold.items).toBeGreaterThanOrEqual(5);
    expect(dialogText).not.toContain('Not sent: a forbidden request header');
    const editable = await panel.$$eval(
      '[role="dialog"] input[aria-label$=" name"][aria-label^="Header "]',
      (els) => els.map((e) => (e as HTMLInputElement).value.toLowerCase()),
    );
    expect(editable).toContain('content-type');
    expect(editable).not.toContain('host');
    expect(editable).not.toContain('sec-fetch-mode');
    // Send is in view without scrolling the dialog, in the small headless panel.
    const sendInView = await panel.$eval('[role="dialog"]', (d) => {
      const button = [...d.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Send')!;
      const r = button.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { bottom: r.bottom, height: innerHeight, hit: hit === button || button.contains(hit) };
    });
    expect(sendInView.bottom).toBeLessThanOrEqual(sendInView.height);
    expect(sendInView.hit).toBe(true);
    // Edit the body the way React hears it (the native setter, then an input event).
    await panel.$eval('textarea[aria-label="Request body"]', (el) => {
      const area = el as HTMLTextAreaElement;
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      set.call(area, '{"item":"book","quantity":2}');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until('valid JSON said', async () =>
      (await panel.$eval('[role="dialog"]', (e) => (e as HTMLElement).innerText)).includes('Valid JSON.'),
    );
    const [send] = await panel.$$('xpath/.//div[@role="dialog"]//button[normalize-space(.)="Send"]');
    // The panel is small in headless DevTools: the dialog scrolls, so click the button itself.
    await send!.evaluate((b) => (b as HTMLElement).click());

    const text = await comparisonText(
      'the side-by-side with the resend analysed',
      (t) => t.includes('Resolved') && t.includes('body/missing-content-type') && t.includes('/quantity'),
    );
    expect(orders.at(-1)).toBe('{"item":"book","quantity":2}');
    expect(text).toContain('Original');
    expect(text).toContain('Resent');
    expect(text).toMatch(/422\s*→\s*201/);
    // The finding sits in the Resolved list, not among the new ones.
    const resolved = await panel.$eval(
      `${COMPARISON} .findings-resolved`,
      (e) => (e as HTMLElement).innerText,
    );
    expect(resolved).toContain('body/missing-content-type');
    const fresh = await panel.$eval(`${COMPARISON} .findings-new`, (e) => (e as HTMLElement).innerText);
    expect(fresh).not.toContain('body/missing-content-type');
    // JSON-aware body diff, with pointers.
    expect(text).toContain('/error');
    expect(text).toMatch(/added\s+\/id/);
    // The resend is a row of its own, captured like any request.
    const now = await listedRows(panel);
    const orderRows = now.filter((r) => r.url.endsWith('/api/orders'));
    expect(orderRows.map((r) => r.family).sort()).toEqual(['2xx', '4xx']);
  }, 60_000);

  it('shows a resend the page’s CORS forbids as failed, with the reason', async () => {
    await panel.$eval(`${COMPARISON} .detail-header button:last-of-type`, (b) => (b as HTMLElement).click());
    await panel.waitForSelector(COMPARISON, { hidden: true });
    corsOpen = false;
    const original = (await listedRows(panel)).find((r) => r.url.endsWith('/api/data'))!;
    expect(original.family).toBe('2xx');
    await panel.click(`[role="row"][data-id="${original.id}"]`);
    await panel.waitForSelector(DETAIL);
    // R on the list resends the selected GET at once: nothing to ask.
    await panel.focus('[role="grid"]');
    await page.bringToFront();
    await panel.$eval('[role="grid"]', (grid) =>
      grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true })),
    );
    const text = await comparisonText('the failed resend beside its original', (t) =>
      t.includes('net::ERR_FAILED'),
    );
    expect(text).toContain('the server sent 200');
    expect(text).toContain('no Access-Control-Allow-Origin header');
    const failed = (await listedRows(panel)).filter((r) => r.url.endsWith('/api/data'));
    expect(failed.map((r) => r.family).sort()).toEqual(['2xx', 'failed']);
  }, 60_000);
});
