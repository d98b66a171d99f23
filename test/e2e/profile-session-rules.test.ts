import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, panelRows, until, waitForRows, type ExtensionBrowser } from './harness/browser';
import { findingsOfRow, openPanelOn } from './harness/panel';
import { importProfileFile } from './harness/options';
import { startServer, type TestServer } from './harness/server';

/**
 * A user profile's `rules` switching a session rule off inside its scope, in real Chromium: the
 * page fires the same GET twice at /api/me and at /api/orders (the second of each pair while the
 * first is in flight); a profile scoped to /api/me says `"session/duplicate-request": "off"`,
 * so the panel shows the duplicate on the /api/orders repeat only. Switched off on the options
 * page, the profile stops adjusting, and the panel shows both repeats.
 */
const RULE = 'session/duplicate-request';
const FINDINGS = 'section[aria-label="Selected request"] section[aria-label="Findings"]';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pairs</title></head>
<body><script>
(async () => {
  const get = (p) => fetch(p, { headers: { Accept: 'application/json' } }).then((r) => r.text()).catch(() => '');
  await Promise.all([get('/api/me'), get('/api/me')]);
  await Promise.all([get('/api/orders'), get('/api/orders')]);
  document.title = 'done';
})();
</script></body></html>`;

/** Answers slowly enough that the page's second GET starts while the first is in flight. */
const slowJson = (body: string) => (_req: unknown, res: ServerResponse) => {
  setTimeout(() => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(body);
  }, 300);
};

describe('a profile switching a session rule off inside its scope, in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  const dir = mkdtempSync(join(tmpdir(), 'status-lens-profile-session-'));

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE },
      '/api/me': slowJson('{"id":1}'),
      '/api/orders': slowJson('[]'),
    });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** How many rows of each path show the duplicate-request finding in their Findings section. */
  async function duplicatesByPath(panel: Frame): Promise<Record<string, number>> {
    const rows = await waitForRows(
      panel,
      (rs) => ['me', 'orders'].every((n) => rs.filter((r) => r.text.includes(`GET ${n} `)).length === 2),
      'two /api/me and two /api/orders rows',
    );
    const out: Record<string, number> = { '/api/me': 0, '/api/orders': 0 };
    for (const row of rows) {
      const path = new URL(row.url).pathname;
      if (!(path in out)) continue;
      await findingsOfRow(panel, row.id);
      // The findings' rule ids only: the section also says what an enabled profile adjusts.
      const rules = await panel.$$eval(`${FINDINGS} .finding .rule-id`, (els) =>
        els.map((e) => e.textContent),
      );
      if (rules.includes(RULE)) out[path]!++;
    }
    return out;
  }

  /** Waits until the panel shows `want`, and returns what it shows then (or last, on timeout). */
  async function shows(panel: Frame, want: Record<string, number>, what: string) {
    let last: Record<string, number> = {};
    await until(
      what,
      async () => {
        last = await duplicatesByPath(panel);
        return JSON.stringify(last) === JSON.stringify(want);
      },
      30_000,
    ).catch(() => undefined);
    return last;
  }

  it('shows the duplicate on the out-of-scope repeat only, and on both once the profile is off', async () => {
    const file = join(dir, 'me.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'me-endpoint',
        name: 'Me endpoint',
        summary: 'Two components read /api/me together on purpose.',
        source: 'https://acme.example/guide',
        scope: { urls: [`${server.origin}/api/me`] },
        rules: { [RULE]: 'off' },
      }),
    );
    // Imported on the options page, as a user would: a session rule in `rules` is accepted.
    const options = await importProfileFile(ext, file, 'Me endpoint');
    await until('the profile switched on in the synced settings', async () =>
      options.evaluate(async () =>
        (
          (await chrome.storage.sync.get('settings')).settings as { profiles?: string[] } | undefined
        )?.profiles?.includes('me-endpoint'),
      ),
    );
    const { panel } = await openPanelOn(ext, server.origin + '/');
    // The repeat of /api/me is in the profile's scope; the repeat of /api/orders is not.
    expect(
      await shows(panel, { '/api/me': 0, '/api/orders': 1 }, 'the duplicate on /api/orders only'),
    ).toEqual({
      '/api/me': 0,
      '/api/orders': 1,
    });

    // Why the repeat of /api/me has none: the Overview names the profile and what it adjusts.
    const me = (await panelRows(panel)).find((r) => r.url.endsWith('/api/me'))!;
    expect(await findingsOfRow(panel, me.id)).toContain(
      `Inside the scope of Me endpoint (API calls to ${server.origin}/api/me): ${RULE} off.`,
    );

    // Off on the options page: the panel judges the rows again, unadjusted.
    const toggle = (await options.waitForSelector('[data-profile="me-endpoint"] input[role="switch"]'))!;
    // A DOM click: the options tab is in the background, where a pointer click waits on rendering.
    await toggle.evaluate((e) => (e as HTMLInputElement).click());
    await until('the profile switched off in the synced settings', async () =>
      options.evaluate(
        async () =>
          !((await chrome.storage.sync.get('settings')).settings as { profiles: string[] }).profiles.includes(
            'me-endpoint',
          ),
      ),
    );
    expect(await shows(panel, { '/api/me': 1, '/api/orders': 1 }, 'the duplicate on both repeats')).toEqual({
      '/api/me': 1,
      '/api/orders': 1,
    });
  });
});
