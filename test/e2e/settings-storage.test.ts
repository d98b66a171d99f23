import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inServiceWorker, launchWithExtension, until, type ExtensionBrowser } from './harness/browser';
import { findingsCell, openPanelOn } from './harness/panel';
import { pageFetching, startServer, type TestServer } from './harness/server';

const OPTIONS = 'src/surfaces/options/options.html';

// No WWW-Authenticate: http/unauthorized-challenge (error), which the imported settings turn off.
const ENDPOINTS = {
  '/api/unauth': { status: 401, headers: { 'Content-Type': 'application/json' }, body: '{"error":"no"}' },
};

/** A valid settings file of about 20 KB: long redaction lists, over sync's 8 KB per item. */
function bigSettingsFile(): {
  version: number;
  rules: Record<string, string>;
  redaction: { headers: string[]; queryParams: string[] };
} {
  return {
    version: 1,
    rules: { 'http/unauthorized-challenge': 'off' },
    redaction: {
      headers: Array.from({ length: 500 }, (_, i) => `x-team-internal-secret-${i}`),
      queryParams: Array.from({ length: 250 }, (_, i) => `team_private_param_${i}`),
    },
  };
}

describe('settings over 8 KB in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let panel: Frame;
  const dir = mkdtempSync(join(tmpdir(), 'status-lens-settings-'));

  beforeAll(async () => {
    server = await startServer({
      '/': {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: pageFetching(Object.keys(ENDPOINTS)),
      },
      ...ENDPOINTS,
    });
    ext = await launchWithExtension();
    ({ panel } = await openPanelOn(ext, server.origin + '/'));
    await until('the 401 analysed in the panel', async () =>
      (await findingsCell(panel, '/api/unauth')).includes('✖'),
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a ~20 KB settings file: saved, said where, kept after a reload, and the open panel follows', async () => {
    const settings = bigSettingsFile();
    const file = join(dir, 'team-settings.json');
    writeFileSync(file, JSON.stringify(settings, null, 2));

    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    // The settings file's input (the page also has file inputs for profiles and OpenAPI documents).
    const input = (await options.waitForSelector(
      'xpath/.//label[contains(., "Import settings")]//input[@type="file"]',
    )) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    const status = await options.waitForFunction(
      () => {
        const t = document.querySelector('.import-ok')?.textContent ?? '';
        return t.startsWith('Imported') ? t : false;
      },
      { timeout: 15_000 },
    );
    expect(await status.jsonValue()).toMatch(/saved in this browser only/);
    expect(await options.$('.save-status.error')).toBeNull();

    // Where Chrome holds them: the document in storage.local, a small pointer in sync.
    const stored = await inServiceWorker(ext, async () => ({
      sync: (await chrome.storage.sync.get('settings')).settings as unknown,
      local: (await chrome.storage.local.get('settings')).settings as {
        settings?: { redaction?: { headers?: string[] } };
      },
    }));
    expect(stored.sync).toMatchObject({ storedIn: 'local' });
    expect(stored.local.settings?.redaction?.headers).toEqual(settings.redaction.headers);

    // The open panel re-analyses with the new rules.
    await until(
      'the 401’s finding to leave the panel',
      async () => (await findingsCell(panel, '/api/unauth')) === '—',
    );

    // A reload of the options page shows the imported lists.
    await options.reload();
    const headers = await options.waitForSelector('#redact-headers');
    await until('the imported header names after a reload', async () => {
      const value = await options.evaluate((el) => (el as HTMLTextAreaElement).value, headers!);
      return value.split('\n').length === settings.redaction.headers.length;
    });
    const value = await options.evaluate((el) => (el as HTMLTextAreaElement).value, headers!);
    expect(value.split('\n')).toEqual(settings.redaction.headers);
    await options.close();
  });
});
