import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  until,
  waitForRows,
  type ExtensionBrowser,
  type PanelRow,
} from './harness/browser';
import { openPanelOn, typeFilter } from './harness/panel';
import { startServer, type TestServer } from './harness/server';

const JSON_CT = { 'Content-Type': 'application/json' };
const DETAIL = 'section[aria-label="Selected request"]';

/**
 * A page on one 127.0.0.1 port fetches an API on another: a different origin. Chromium
 * receives each response and then applies the CORS check, so DevTools records the server's
 * status beside net::ERR_FAILED for the ones it blocked.
 */
describe('CORS-blocked fetches in real Chromium', () => {
  let site: TestServer;
  let api: TestServer;
  let ext: ExtensionBrowser;
  let panel: Frame;
  let rows: PanelRow[];
  /** An origin where nothing listens: its preflight fails with net::ERR_CONNECTION_REFUSED. */
  let nowhere: string;

  beforeAll(async () => {
    const closed = await startServer({});
    nowhere = closed.origin;
    await closed.close();
    api = await startServer({
      '/api/no-acao': { status: 200, headers: JSON_CT, body: '{"ok":true}' },
      '/api/wrong-origin': {
        status: 200,
        headers: { ...JSON_CT, 'Access-Control-Allow-Origin': 'https://app.example' },
        body: '{"ok":true}',
      },
      '/api/allowed': {
        status: 200,
        headers: { ...JSON_CT, 'Access-Control-Allow-Origin': '*' },
        body: '{"ok":true}',
      },
      // The preflight allows GET and POST only; the page asks to PUT.
      '/api/put-only': (req, res) => {
        res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
          ...JSON_CT,
          'Cache-Control': 'no-store',
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, POST',
        });
        res.end(req.method === 'OPTIONS' ? '' : '{"ok":true}');
      },
    });
    const calls = [
      ['/api/no-acao', {}],
      ['/api/wrong-origin', {}],
      ['/api/allowed', {}],
      ['/api/put-only', { method: 'PUT' }],
    ].map(([p, init]) => [api.origin + (p as string), init]);
    // A PUT needs a preflight; nothing answers it (freeorbarter_supabase-postgrest-cors.har).
    calls.push([`${nowhere}/api/nowhere`, { method: 'PUT' }]);
    const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>cors</title></head><body><script>
(async () => {
  for (const [url, init] of ${JSON.stringify(calls)}) {
    try { await fetch(url, init).then(r => r.text()); } catch (e) {}
  }
  document.title = 'done';
})();
</script></body></html>`;
    site = await startServer({ '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: html } });
    ext = await launchWithExtension();
    ({ panel } = await openPanelOn(ext, site.origin + '/'));
    // Chromium may hand a blocked fetch over before the server's answer reached DevTools (status
    // 0, no headers); the panel completes the row when DevTools has it (late-answers.ts). Before
    // that fix this wait timed out now and then on "server sent 200" of one blocked row.
    const sent200 = (path: string) => (rs: PanelRow[]) =>
      rs.some((r) => r.text.includes(path) && r.text.includes('server sent 200'));
    rows = await waitForRows(
      panel,
      {
        'the /api/no-acao row': has('/api/no-acao'),
        'the /api/wrong-origin row': has('/api/wrong-origin'),
        'the /api/allowed row': has('/api/allowed'),
        'two /api/put-only rows (the PUT and its preflight)': (rs) =>
          rs.filter((r) => r.text.includes('/api/put-only')).length === 2,
        'an /api/nowhere row': has('/api/nowhere'),
        '"server sent 200" on the /api/no-acao row': sent200('/api/no-acao'),
        '"server sent 200" on the /api/wrong-origin row': sent200('/api/wrong-origin'),
      },
      'every API row, the PUT and its preflight, the call nothing answered, and the status the server sent on both blocked rows',
    );
  });

  afterAll(async () => {
    await ext?.close();
    await api?.close();
    await site?.close();
  });

  const has = (path: string) => (rs: PanelRow[]) => rs.some((r) => r.text.includes(path));
  const row = (path: string, method = 'GET') =>
    rows.find((r) => r.text.includes(path) && r.text.includes(method))!;

  async function overviewOf(r: PanelRow): Promise<string> {
    await panel.click(`[role="row"][data-id="${r.id}"]`);
    const detail = () => panel.$eval(DETAIL, (e) => (e as HTMLElement).innerText);
    return until(
      `the Overview of ${r.id} (${r.text}) with its findings counted`,
      async () => {
        const text = await detail();
        // Analysed: the findings are counted. (A failed request without a CORS cause has no
        // "For this response" hints: its network error section says it all.)
        return /Findings \(\d+\)/.test(text) ? text : undefined;
      },
      undefined,
      async () => `the detail pane: ${await detail()}`,
    );
  }

  it('shows a blocked fetch as failed, with the status the server sent', () => {
    for (const path of ['/api/no-acao', '/api/wrong-origin']) {
      expect(row(path).family).toBe('failed');
      expect(row(path).text).toContain('server sent 200');
    }
    expect(row('/api/allowed').family).toBe('2xx');
    expect(row('/api/allowed').text).not.toContain('server sent');
  });

  it('explains the CORS cause from the headers', async () => {
    const missing = await overviewOf(row('/api/no-acao'));
    expect(missing).toContain('net::ERR_FAILED');
    expect(missing).toContain(
      `no Access-Control-Allow-Origin header, so the browser withheld it from the page at ${site.origin}`,
    );
    const wrong = await overviewOf(row('/api/wrong-origin'));
    expect(wrong).toContain(
      `Access-Control-Allow-Origin is "https://app.example", but the request came from "${site.origin}"`,
    );
  });

  it('names the method a refusing preflight does not allow', async () => {
    // Chromium records the refusing preflight as a 204 and the PUT as failed with no response.
    expect(row('/api/put-only', 'PUT').family).toBe('failed');
    const preflight = await overviewOf(row('/api/put-only', 'OPTIONS'));
    expect(preflight).toContain(
      'The preflight asks to send PUT, but Access-Control-Allow-Methods allows only "GET, POST"',
    );
  });

  it('says nothing of CORS about a call to a port where nothing listened', async () => {
    const failed = rows.filter((r) => r.text.includes('/api/nowhere'));
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.family).toBe('failed');
      const overview = await overviewOf(r);
      expect(overview).toContain('ERR_CONNECTION_REFUSED');
      expect(overview).not.toContain('http/cors-blocked');
      expect(overview).not.toContain('Access-Control-Allow-Origin');
    }
  });

  it('reports the cause as an http/cors-blocked finding, as the CLI does', async () => {
    await typeFilter(panel, 'rule:http/cors-blocked');
    // Three, not more: the refused connection to the closed port (and its preflight) is not one.
    await waitForRows(
      panel,
      {
        'three rows': (rs) => rs.length === 3,
        'the /api/no-acao row': has('/api/no-acao'),
        'the /api/wrong-origin row': has('/api/wrong-origin'),
        'the refusing preflight': (rs) => rs.some((r) => r.text.includes('OPTIONS put-only')),
      },
      'three CORS findings',
    );
  });
});
