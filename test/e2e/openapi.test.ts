import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inServiceWorker,
  launchWithExtension,
  panelRows,
  until,
  type ExtensionBrowser,
} from './harness/browser';
import { findingsCell, openPanelOn, typeFilter } from './harness/panel';
import { pageFetching, startServer, type TestServer } from './harness/server';

const CLI = resolve(import.meta.dirname, '../../dist-cli/status-lens.mjs');
const SPEC = resolve(import.meta.dirname, '../fixtures/openapi/petstore-3.0.yaml');
const OPTIONS = 'src/surfaces/options/options.html';
const J = { 'Content-Type': 'application/json' };

/** The Petstore served at /api/v3 on 127.0.0.1: conforming, non-conforming and undocumented calls. */
const ROUTES = {
  '/api/v3/pet/10': { status: 200, headers: J, body: JSON.stringify({ id: 10, name: 'rex', photoUrls: [] }) },
  '/api/v3/pet/11': {
    status: 200,
    headers: J,
    body: JSON.stringify({ id: 'eleven', photoUrls: [], status: 'lost' }),
  },
  '/api/v3/pets': { status: 404, headers: J, body: '{}' },
  '/api/v3/store/inventory': {
    status: 200,
    headers: { 'Content-Type': 'text/html' },
    body: '<p>inventory</p>',
  },
};

describe('OpenAPI contracts in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  let panel: Frame;
  const dir = mkdtempSync(join(tmpdir(), 'status-lens-openapi-e2e-'));

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: pageFetching(Object.keys(ROUTES)) },
      ...ROUTES,
    });
    ext = await launchWithExtension();
    // Load the description in the options page, with the test server as its base URL.
    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    const input = await options.waitForSelector('input[aria-label="OpenAPI description file"]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(SPEC);
    await until('the load report', async () =>
      (await options.$eval('body', (b) => (b as HTMLElement).innerText)).includes('19 operations'),
    );
    const base = await options.waitForSelector(
      '::-p-xpath(//label[starts-with(normalize-space(), "Served at")]/following::input[1])',
    );
    await base!.type(`${server.origin}/api/v3`);
    await base!.press('Enter');
    await until('the base URL stored', async () => {
      const docs = await inServiceWorker(
        ext,
        async () => (await chrome.storage.local.get('openapi')).openapi as { baseUrl?: string }[],
      );
      return docs?.[0]?.baseUrl === `${server.origin}/api/v3`;
    });
    await options.close();
    ({ panel } = await openPanelOn(ext, server.origin + '/'));
    await until('every call analysed', async () => {
      for (const path of Object.keys(ROUTES)) {
        const f = await findingsCell(panel, path);
        if (f === '' || f.includes('…')) return false;
      }
      return true;
    });
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows each contract finding with its pointer, and the matched operation', async () => {
    expect(await findingsCell(panel, '/api/v3/pet/10')).toBe('—');
    const row = (await panelRows(panel)).find((r) => r.text.includes('/api/v3/pet/11'))!;
    await panel.click(`[role="row"][data-id="${row.id}"]`);
    const overview = await until('the overview', async () => {
      const t = await panel.$eval(
        'section[aria-label="Selected request"]',
        (e) => (e as HTMLElement).innerText,
      );
      return t.includes('OpenAPI operation') && t.includes('contract/response-schema') ? t : undefined;
    });
    expect(overview).toContain('GET /pet/{petId}');
    expect(overview).toContain('getPetById');
    expect(overview).toMatch(/required member "name" is missing[\s\S]*→ the top level of the body/);
    expect(overview).toMatch(/expected integer, got string[\s\S]*→ \/id/);
    expect(overview).toMatch(/available[\s\S]*→ \/status/);
    expect(await panel.$eval('.status-key.matched', (e) => e.textContent)).toBe('200');
    // The Body tab marks each failing member, with its violation beside it.
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Body"])');
    const marked = await until('the marked members', async () => {
      const rows = await panel.$$eval('[role="tree"] .jt-violation', (els) =>
        els.map((e) => [
          e.getAttribute('data-pointer'),
          (e.querySelector('.jt-note') as HTMLElement)?.innerText,
        ]),
      );
      return rows.length === 3 ? rows : undefined;
    });
    expect(marked.map(([p]) => p)).toEqual(['', '/id', '/status']);
    expect(marked[1]![1]).toMatch(
      /^⚠ .*expected integer, got string; schema petstore-3\.0\.yaml#\/components\/schemas\/Pet\/properties\/id\/type$/,
    );
    expect(marked[2]![1]).toMatch(/enum/);
    expect(
      await panel.$eval('[role="tree"] [data-pointer="/photoUrls"]', (e) =>
        e.classList.contains('jt-violation'),
      ),
    ).toBe(false);
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Overview"])');
  });

  it("keeps Endpoints' routes and adds coverage that counts right; a coverage row lists its calls", async () => {
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Endpoints"])');
    // Routes first, the triage by route (UI review finding 6: coverage used to replace it).
    // The table's header is drawn before the worker's grouping answers: wait for a route.
    const routes = await until('the routes', async () => {
      const el = await panel.$('[role="region"][aria-label="Endpoints"]');
      const seen = el ? ((await el.evaluate((e) => (e as HTMLElement).innerText)) as string) : '';
      return seen.includes('/api/v3/pets') ? seen : undefined;
    });
    expect(routes).toMatch(/Endpoint\s+Calls\s+Errors/);
    expect(routes).toContain('Findings by rule');
    expect(routes).toContain('/api/v3/pets');
    await panel.click(
      '::-p-xpath(//*[@role="group"][@aria-label="Endpoints shows"]/button[normalize-space()="Coverage"])',
    );
    const text = await until('the coverage view', async () => {
      const el = await panel.$('[aria-label="OpenAPI coverage"]');
      return el ? ((await el.evaluate((e) => (e as HTMLElement).innerText)) as string) : undefined;
    });
    expect(text).toContain('2 of 19 operations seen');
    expect(text).toMatch(/GET \/pet\/\{petId\}\s+getPetById\s+2\s+200 ×2/);
    expect(text).toContain('Undocumented operations (1)');
    // Its table has a header row, as every table does.
    expect(text).toMatch(
      /Undocumented operations \(1\)\s+Operation\s+Calls\s+Statuses seen\s+Description\s+GET \/pets/,
    );
    // A click lists the operation's calls in Requests, as a route's click does.
    await panel.click(
      '::-p-xpath(//*[@aria-label="OpenAPI coverage"]//button[normalize-space()="GET /pet/{petId}"])',
    );
    await until("the operation's calls listed", async () => {
      const rows = await panelRows(panel);
      return rows.length === 2 && rows.every((r) => /\/api\/v3\/pet\/1[01]/.test(r.url));
    });
    expect(await panel.$eval('input[type="search"]', (e) => (e as HTMLInputElement).value)).toBe(
      'method:GET operation:/pet/{petId}',
    );
    // The switch is remembered: back in Endpoints, coverage again.
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Endpoints"])');
    await panel.waitForSelector('[aria-label="OpenAPI coverage"]');
    await typeFilter(panel, '', { blur: true });
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Requests"])');
    await until('every row back', async () => (await panelRows(panel)).length === Object.keys(ROUTES).length);
  });

  it('the CLI gives the panel’s findings on the same HAR and spec', async () => {
    const har = await panel.evaluate(
      () =>
        new Promise<unknown>((done) => {
          chrome.devtools.network.getHAR(async (log) => {
            for (const entry of log.entries as unknown as chrome.devtools.network.Request[]) {
              const [text, encoding] = await new Promise<[string | null, string]>((r) =>
                entry.getContent((c, e) => r([c, e])),
              );
              if (text !== null && text !== undefined) {
                entry.response.content.text = text;
                if (encoding) entry.response.content.encoding = encoding;
              }
            }
            done(JSON.parse(JSON.stringify({ log })));
          });
        }),
    );
    const harFile = join(dir, 'traffic.har');
    writeFileSync(harFile, JSON.stringify(har));
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'lint',
        harFile,
        '--openapi',
        SPEC,
        '--openapi-base-url',
        `${server.origin}/api/v3`,
        '--format',
        'json',
        '--fail-on',
        'none',
      ],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      exchanges: { url: string; findings: { rule: string; pointer?: string }[] }[];
      coverage: { documents: { seen: number }[] };
    };
    expect(report.coverage.documents[0]!.seen).toBe(2);
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Requests"])');
    await until('the request list', async () => (await panelRows(panel)).length > 0);
    for (const path of Object.keys(ROUTES)) {
      const ex = report.exchanges.find((e) => new URL(e.url).pathname === path)!;
      const cell = await findingsCell(panel, path);
      expect(cell === '—' ? 0 : Number(/\d+/.exec(cell)?.[0]), path).toBe(ex.findings.length);
    }
    const pet11 = report.exchanges.find((e) => e.url.endsWith('/pet/11'))!;
    expect(pet11.findings.filter((f) => f.rule === 'contract/response-schema').map((f) => f.pointer)).toEqual(
      ['', '/id', '/status'],
    );
  });

  it('switching the description off on the options page drops its findings from the panel, and on brings them back; the switch survives a reload', async () => {
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Requests"])');
    const row = await until('the request list', async () =>
      (await panelRows(panel)).find((r) => r.text.includes('/api/v3/pet/11')),
    );
    await panel.click(`[role="row"][data-id="${row.id}"]`);
    const overview = () =>
      panel.$eval('section[aria-label="Selected request"]', (e) => (e as HTMLElement).innerText);
    await until('the contract findings', async () => (await overview()).includes('contract/response-schema'));
    const before = await findingsCell(panel, '/api/v3/pet/11');
    const toggle = 'li[data-description="petstore-3.0.yaml"] input[role="switch"]';
    const stored = () =>
      inServiceWorker(
        ext,
        async () =>
          (await chrome.storage.local.get('openapi')).openapi as {
            name: string;
            off?: boolean;
            baseUrl?: string;
          }[],
      );

    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    await (await options.waitForSelector(toggle))!.click();
    await until('the panel without contract findings', async () => {
      const t = await overview();
      return !t.includes('contract/') && !t.includes('OpenAPI operation');
    });
    expect(await findingsCell(panel, '/api/v3/pet/11')).not.toBe(before);
    expect(await panel.$eval('body', (b) => (b as HTMLElement).innerText)).not.toMatch(/OpenAPI \(\d+\)/);
    // Kept, with its base URL, and still off after the page is loaded again.
    expect((await stored()).find((d) => d.name === 'petstore-3.0.yaml')).toMatchObject({
      off: true,
      baseUrl: `${server.origin}/api/v3`,
    });
    await options.reload();
    expect(
      await (await options.waitForSelector(toggle))!.evaluate((e) => (e as HTMLInputElement).checked),
    ).toBe(false);
    expect(
      await options.$eval('input[id="openapi-base-petstore-3.0.yaml"]', (e) => (e as HTMLInputElement).value),
    ).toBe(`${server.origin}/api/v3`);

    await options.click(toggle);
    await until('the contract findings back', async () =>
      (await overview()).includes('contract/response-schema'),
    );
    await until(
      'the same findings count',
      async () => (await findingsCell(panel, '/api/v3/pet/11')) === before,
    );
    expect((await stored()).find((d) => d.name === 'petstore-3.0.yaml')!.off).toBeUndefined();
    await options.close();
  }, 120_000);

  it('the toolbar loading a new version of the stored description updates it, keeping its base URL, and says so', async () => {
    // The same file name, one operation more: what an API owner loads after editing the spec.
    const v2 = join(dir, 'petstore-3.0.yaml');
    writeFileSync(
      v2,
      readFileSync(SPEC, 'utf8').replace(
        /\npaths:\n/,
        '\npaths:\n  /pet/{petId}/tags:\n    get:\n      operationId: getPetTags\n      parameters:\n        - { name: petId, in: path, required: true, schema: { type: integer } }\n      responses:\n        "200": { description: ok }\n',
      ),
    );
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Requests"])');
    const input = await panel.waitForSelector('input[aria-label="Load OpenAPI description"]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(v2);
    const status = await until('the status bar saying it updated the stored copy', async () => {
      const t = await panel.$eval('.status-bar', (e) => (e as HTMLElement).innerText);
      return t.includes('stored copy updated') ? t : undefined;
    });
    expect(status).toContain(
      `petstore-3.0.yaml: stored copy updated to Swagger Petstore - OpenAPI 3.0 1.0.27-SNAPSHOT, OpenAPI 3.0, 20 operations, keeping its base URL ${server.origin}/api/v3`,
    );
    // In storage: one entry, the new text, the base URL as the options page set it.
    const index = await inServiceWorker(
      ext,
      async () =>
        (await chrome.storage.local.get('openapi')).openapi as {
          name: string;
          baseUrl?: string;
          size: number;
        }[],
    );
    expect(index).toEqual([
      expect.objectContaining({
        name: 'petstore-3.0.yaml',
        baseUrl: `${server.origin}/api/v3`,
        size: readFileSync(v2, 'utf8').length,
      }),
    ]);
    // Still judged at that base URL: the findings on /pet/11 stay, the coverage counts the new operation.
    expect(await findingsCell(panel, '/api/v3/pet/11')).not.toBe('—');
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Endpoints"])');
    await until('coverage of the new version', async () => {
      const el = await panel.$('[aria-label="OpenAPI coverage"]');
      return el
        ? ((await el.evaluate((e) => (e as HTMLElement).innerText)) as string).includes(
            '2 of 20 operations seen',
          )
        : false;
    });
    // The options page shows the base URL it keeps.
    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    const base = await options.waitForSelector('input[id="openapi-base-petstore-3.0.yaml"]');
    expect(await base!.evaluate((e) => (e as HTMLInputElement).value)).toBe(`${server.origin}/api/v3`);
    await options.close();
    await panel.click('::-p-xpath(//*[@role="tab"][normalize-space()="Requests"])');
  }, 120_000);

  it('stores a 20 MB description without unlimitedStorage (IndexedDB), and the panel picks it up', async () => {
    const big = join(dir, 'big.json');
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++)
      paths[`/big/${i}`] = { get: { operationId: `big${i}`, responses: { '200': { description: 'ok' } } } };
    writeFileSync(
      big,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'big', version: '1' },
        servers: [{ url: 'https://big.example.com' }],
        paths,
        'x-padding': 'p'.repeat(20 * 1024 * 1024),
      }),
    );
    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    const input = await options.waitForSelector('input[aria-label="OpenAPI description file"]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(big);
    await until(
      'the big description saved',
      async () =>
        (await options.$eval('body', (b) => (b as HTMLElement).innerText)).includes('200 operations'),
      60_000,
    );
    const stored = await inServiceWorker(ext, async () => ({
      index: (await chrome.storage.local.get('openapi')).openapi as { name: string; size: number }[],
      bytes: await chrome.storage.local.getBytesInUse(null),
      permissions: chrome.runtime.getManifest().permissions,
    }));
    expect(stored.permissions).toEqual(['storage']);
    expect(stored.index.find((d) => d.name === 'big.json')!.size).toBeGreaterThan(20 * 1024 * 1024);
    // The text is in IndexedDB: storage.local holds a small index only.
    expect(stored.bytes).toBeLessThan(64 * 1024);
    await options.close();
    await until(
      'the panel judging by both',
      async () => (await panel.$eval('body', (b) => (b as HTMLElement).innerText)).includes('OpenAPI (2)'),
      60_000,
    );
  }, 120_000);

  it('an options page that opens deletes a text an interrupted save left unnamed, and keeps the named ones', async () => {
    /** The blob area's keys, or with `plant`, after writing a text under that key (the page's IndexedDB). */
    const blobKeys = (plant: string | null) =>
      inServiceWorker(
        ext,
        (key: string | null) =>
          new Promise<string[]>((resolve, reject) => {
            const req = indexedDB.open('status-lens', 1);
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const tx = req.result.transaction('blobs', 'readwrite');
              const store = tx.objectStore('blobs');
              if (key !== null)
                store.put({ rev: key.slice(8, key.indexOf(':')), text: 'openapi: 3.1.0' }, key);
              const keys = store.getAllKeys();
              tx.oncomplete = () => {
                req.result.close();
                resolve(keys.result as string[]);
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        plant,
      );
    // What a save stopped between its text and its index entry two hours ago leaves behind.
    const orphan = `openapi@${(Date.now() - 2 * 3600_000).toString(36)}-0-e2e:gone.yaml`;
    const named = (await blobKeys(orphan)).filter((k) => k !== orphan);
    expect(named).toHaveLength(2);
    const options = await ext.browser.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/${OPTIONS}`);
    await until('the unnamed text deleted', async () => !(await blobKeys(null)).includes(orphan));
    expect((await blobKeys(null)).sort()).toEqual(named.sort());
    expect(await options.$eval('body', (b) => (b as HTMLElement).innerText)).toContain('big.json');
    await options.close();
  }, 60_000);
});
