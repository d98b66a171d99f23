import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, until, type ExtensionBrowser } from './harness/browser';
import { loadOpenApiFile, openOptions } from './harness/options';
import { importHar } from './harness/panel';

/**
 * A contract finding names the schema location it failed at, a JSON Pointer with no space in it
 * (`#/paths/~1libraries~1{libraryId}~1…/properties/id/type`): in a side-docked panel it ran
 * past the detail's right edge, cut off, instead of wrapping.
 */
const SPEC = `openapi: 3.0.3
info: { title: Shelf, version: "1" }
servers: [ { url: "https://api.shelf.example/v1" } ]
paths:
  /libraries/{libraryId}/shelves/{shelfId}/books/{bookId}:
    get:
      responses:
        "200":
          description: one book
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
`;

const har = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 't', version: '1' },
    entries: [
      {
        startedDateTime: '2026-12-07T10:00:00.000Z',
        time: 20,
        request: {
          method: 'GET',
          url: 'https://api.shelf.example/v1/libraries/1/shelves/2/books/3',
          httpVersion: 'HTTP/1.1',
          headers: [],
        },
        response: {
          status: 200,
          statusText: 'OK',
          httpVersion: 'HTTP/1.1',
          headers: [{ name: 'Content-Type', value: 'application/json' }],
          content: { size: 8, mimeType: 'application/json', text: '{"id":3}' },
        },
        timings: { wait: 20 },
        _resourceType: 'fetch',
      },
    ],
  },
});

describe('contract findings in a narrow panel', () => {
  let ext: ExtensionBrowser;
  const dir = mkdtempSync(join(tmpdir(), 'status-lens-contract-wrap-'));

  beforeAll(async () => {
    ext = await launchWithExtension();
    const spec = join(dir, 'shelf.yaml');
    writeFileSync(spec, SPEC);
    const options = await openOptions(ext);
    await loadOpenApiFile(options, spec);
    await options.close();
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['default', 'dark'] as const)(
    '%s theme: the schema location wraps inside its finding',
    async (theme) => {
      const page = await openPanelTab(ext, theme);
      const file = join(dir, 'books.har');
      writeFileSync(file, har);
      await importHar(page, file);
      // Side-docked width (Import HAR is behind the ⋯ menu there, so it comes after the import).
      await page.setViewport({ width: 450, height: 900 });
      const row = await page.waitForSelector('[role="grid"] [role="row"][data-id]');
      await row!.click();
      const finding = await until('the contract finding', async () =>
        page.$('xpath/.//li[contains(@class, "finding")][.//code[.="contract/response-schema"]]'),
      );
      const fit = await finding.evaluate((li) => {
        const box = li.getBoundingClientRect();
        // Text nodes too: the pointer is text inside the message button, not an element of its own.
        const range = document.createRange();
        range.selectNodeContents(li);
        const widest = Math.max(...[...range.getClientRects()].map((r) => r.right));
        return {
          text: (li as HTMLElement).innerText,
          right: box.right,
          widest,
          page: document.documentElement.clientWidth,
        };
      });
      expect(fit.text).toContain('#/paths/~1libraries~1{libraryId}');
      expect(fit.right).toBeLessThanOrEqual(fit.page);
      expect(fit.widest).toBeLessThanOrEqual(fit.right + 1);
      await page.close();
    },
  );
});
