import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, waitForRows, type ExtensionBrowser } from './harness/browser';
import { openPanelOn } from './harness/panel';
import { pageFetching, startServer, type TestServer } from './harness/server';

/*
 * #19 point 4 in the panel: "Compare with HAR…" compares a recording from before with what the
 * panel captured live from a 127.0.0.1 server, in the analysis worker, and shows the changes.
 */
const JSON_CT = { 'Content-Type': 'application/json' };
const ROUTES = {
  '/api/orders/1': {
    status: 500,
    headers: { 'Content-Type': 'text/plain' },
    body: `Traceback (most recent call last):\n  File "app.py", line 3, in handler\nKeyError: 'total'`,
  },
  '/api/users/1': { status: 200, headers: JSON_CT, body: '{"id":1,"email":"a@example.com"}' },
};

function entry(origin: string, path: string, status: number, body: string) {
  return {
    startedDateTime: '2026-12-05T10:00:00.000Z',
    time: 20,
    request: { method: 'GET', url: `${origin}${path}`, httpVersion: 'HTTP/1.1', headers: [] },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: { size: body.length, mimeType: 'application/json', text: body },
    },
  };
}

describe('Compare with HAR… in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let panel: Frame;
  const tmp = mkdtempSync(join(tmpdir(), 'status-lens-compare-'));

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: pageFetching(Object.keys(ROUTES)) },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    ({ panel } = await openPanelOn(ext, server.origin + '/'));
    await waitForRows(
      panel,
      (rs) => Object.keys(ROUTES).every((p) => rs.some((r) => r.text.includes(p))),
      'all routes',
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('shows status, findings, shape and vanished endpoints against the live capture', async () => {
    const host = new URL(server.origin).host;
    const before = {
      log: {
        version: '1.2',
        creator: { name: 'baseline', version: '1' },
        entries: [
          entry(server.origin, '/api/orders/2', 200, '{"id":2,"total":10}'),
          entry(server.origin, '/api/users/7', 200, '{"id":7,"name":"Ada"}'),
          entry(server.origin, '/api/legacy', 200, '{}'),
        ],
      },
    };
    const file = join(tmp, 'baseline.har');
    writeFileSync(file, JSON.stringify(before));
    const input = (await panel.$('input[aria-label="Compare with HAR file"]'))!;
    await input.uploadFile(file);

    const text = await until('the comparison', async () => {
      const t = await panel
        .$eval('[role="dialog"][aria-label="Comparison with HAR"]', (e) => e.textContent ?? '')
        .catch(() => '');
      return t.includes('changed,') ? t : undefined;
    });
    expect(text).toContain('baseline.har');
    expect(text).toContain('live capture');
    expect(text).toContain(`GET ${host}/api/orders/{id}`);
    expect(text).toMatch(/Status:\s*200×1 → 500×1/);
    expect(text).toMatch(/New (error|warning):\s*security\/stack-trace/);
    expect(text).toMatch(/Shape:\s*2xx body: added \/email \(string\); removed \/name \(string\)/);
    expect(text).toContain(`GET ${host}/api/legacy (gone: had 1 request)`);

    const close = (await panel.$('[role="dialog"][aria-label="Comparison with HAR"] button'))!;
    await close.click();
    await until('the dialog closed', async () =>
      (await panel.$('[role="dialog"][aria-label="Comparison with HAR"]')) ? undefined : true,
    );
  });

  it('matches a production HAR with live traffic from 127.0.0.1 once "Ignore host" is ticked, naming the profiles on', async () => {
    // The Problem Details profile switched on, as the options page would store it.
    await panel.evaluate(() => chrome.storage.sync.set({ settings: { profiles: ['problem'] } }));
    const prod = 'https://api.prod.example';
    const before = {
      log: {
        version: '1.2',
        creator: { name: 'production', version: '1' },
        entries: [
          entry(prod, '/api/orders/2', 200, '{"id":2,"total":10}'),
          entry(prod, '/api/users/7', 200, '{"id":7,"email":"b@example.com"}'),
        ],
      },
    };
    const file = join(tmp, 'production.har');
    writeFileSync(file, JSON.stringify(before));
    const dialogText = () =>
      panel
        .$eval('[role="dialog"][aria-label="Comparison with HAR"]', (e) => e.textContent ?? '')
        .catch(() => '');
    await (await panel.$('input[aria-label="Compare with HAR file"]'))!.uploadFile(file);

    // By host, production's endpoints and the live ones are different endpoints.
    const byHost = await until('the comparison by host', async () => {
      const t = await dialogText();
      return t.includes('changed,') ? t : undefined;
    });
    expect(byHost).toContain(`GET api.prod.example/api/orders/{id} (gone: had 1 request)`);
    expect(byHost).toMatch(/0 changed, \d+ appeared, 2 vanished/);

    const box = (await panel.$('xpath/.//*[@role="dialog"]//label[contains(., "Ignore host")]//input'))!;
    expect(await box.evaluate((b) => (b as HTMLInputElement).checked)).toBe(false);
    await box.click();
    const hostless = await until('the comparison ignoring hosts', async () => {
      const t = await dialogText();
      return t.includes('GET /api/orders/{id}') ? t : undefined;
    });
    expect(hostless).toMatch(/Status:\s*200×1 → 500×1/);
    expect(hostless).toMatch(/New (error|warning):\s*security\/stack-trace/);
    expect(hostless).not.toContain('api.prod.example');
    expect(hostless).toContain('profiles: problem');

    // Closed and opened on the file again: the box stays ticked, the comparison ignores hosts.
    await (await panel.$('[role="dialog"][aria-label="Comparison with HAR"] button'))!.click();
    await (await panel.$('input[aria-label="Compare with HAR file"]'))!.uploadFile(file);
    const again = await until('the comparison, again', async () => {
      const t = await dialogText();
      return t.includes('changed,') ? t : undefined;
    });
    expect(again).toContain('GET /api/orders/{id}');
    const boxAgain = (await panel.$('xpath/.//*[@role="dialog"]//label[contains(., "Ignore host")]//input'))!;
    expect(await boxAgain.evaluate((b) => (b as HTMLInputElement).checked)).toBe(true);
  });
});
