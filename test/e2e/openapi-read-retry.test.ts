import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelTab, until, type ExtensionBrowser } from './harness/browser';
import { impDescription } from '../helpers/contracts';
import { harDocument, harEntry } from '../helpers/har';
import { findingsCell, importHar, statusText } from './harness/panel';

const OPTIONS = 'src/surfaces/options/options.html';

/** One GET /i/1 answered 404: undocumented once imp.yaml (200 only) is in force. */
const HAR = JSON.stringify(
  harDocument([
    harEntry({
      url: 'https://imp.io/i/1',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      text: '{}',
    }),
  ]),
);

/**
 * The panel's reads of the stored descriptions' index refused while `__failOpenapiReads` is
 * set in it: chrome.storage.local answering an error, as it may when the profile's storage is
 * busy or damaged. Other keys read as usual.
 */
function refuseOpenapiReads() {
  const area = chrome.storage.local;
  const get = area.get.bind(area) as (key: string) => Promise<Record<string, unknown>>;
  (area as unknown as { get: unknown }).get = (key: string) =>
    key === 'openapi' && (globalThis as unknown as { __failOpenapiReads?: boolean }).__failOpenapiReads
      ? Promise.reject(new Error('IO error: e2e refuses the read'))
      : get(key);
}

const setRefusing = (panel: Page, on: boolean) =>
  panel.evaluate(
    (v) => void ((globalThis as unknown as { __failOpenapiReads?: boolean }).__failOpenapiReads = v),
    on,
  );

describe('an OpenAPI description saved while the panel cannot read storage', () => {
  let ext: ExtensionBrowser;
  let panel: Page;
  const dir = mkdtempSync(join(tmpdir(), 'status-lens-openapi-retry-'));

  beforeAll(async () => {
    ext = await launchWithExtension();
    panel = await openPanelTab(ext);
    await panel.evaluateOnNewDocument(refuseOpenapiReads);
    await panel.reload();
    await panel.waitForSelector('[role="grid"]');
    const har = join(dir, 'imp.har');
    writeFileSync(har, HAR);
    expect(await importHar(panel, har)).toContain('Imported 1 of 1');
  }, 60_000);

  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the change could not be read, then judges by it once a retry reads it', async () => {
    const cell = () => findingsCell(panel as unknown as Frame, '/i/1');
    await until('the row judged', async () => {
      const f = await cell();
      return f !== '' && !f.includes('…');
    });
    const before = await cell();
    await setRefusing(panel, true);
    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    const spec = join(dir, 'imp.yaml');
    writeFileSync(spec, impDescription().text);
    const input = await options.waitForSelector('input[aria-label="OpenAPI description file"]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(spec);
    await until('the description stored', async () =>
      (await options.$eval('body', (b) => (b as HTMLElement).innerText)).includes('1 operation'),
    );
    const said = await until('the panel to say it could not read the change', async () => {
      const text = await statusText(panel);
      return text.includes('could not be read') ? text : undefined;
    });
    expect(said).toContain(
      'The OpenAPI descriptions changed but could not be read (IO error: e2e refuses the read): the panel still judges by the ones it had, and tries again.',
    );
    // Nothing read yet: the row is judged as before.
    expect(await cell()).toBe(before);
    await setRefusing(panel, false);
    // The next retry (at most 5 s after the last) reads the change: the 404 is undocumented now.
    await until(
      'the row judged by the description',
      async () => ((await cell()) !== before ? true : undefined),
      20_000,
    );
    expect(await statusText(panel)).not.toContain('could not be read');
    // One warning more: contract/undocumented-status (the unit test contracts-unreadable names it).
    expect([before, await cell()]).toEqual(['▲ warning 1', '▲ warning 2']);
  });
});
