import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, waitForRows, type ExtensionBrowser } from './harness/browser';
import { findingsOfRow, openPanelOn } from './harness/panel';
import { startServer, type TestServer } from './harness/server';

/**
 * session/redirect-not-remembered in real Chromium. The page fetches a URL that moved
 * permanently (a cacheable 301) twice: Chromium remembers the redirect and answers the second
 * from its cache, which DevTools records as a 301 `_fromCache`, and the rule must leave it alone.
 * Then it calls two paths of its own origin (127.0.0.1) that the server moves, path kept, to
 * another origin (localhost): the client keeps calling the old host, flagged on the second 308.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>redirects</title></head>
<body><script>
(async () => {
  const get = (p) => fetch(p, { headers: { Accept: 'application/json' } }).then((r) => r.text()).catch(() => '');
  await get('/cached/old');
  await get('/cached/old');
  await get('/v1/alpha');
  await get('/v1/beta');
  document.title = 'done';
})();
</script></body></html>`;

const RULE = 'session/redirect-not-remembered';

describe('session/redirect-not-remembered in the panel, in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  /** What reached the server: the cached redirect must not. */
  const hits = new Map<string, number>();

  beforeAll(async () => {
    let newOrigin = '';
    const json = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
    const moved =
      (path: string) =>
      (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
        const host = req.headers.host ?? '';
        hits.set(`${host}${path}`, (hits.get(`${host}${path}`) ?? 0) + 1);
        if (host.startsWith('127.0.0.1')) {
          res.writeHead(308, { Location: `${newOrigin}${path}`, 'Cache-Control': 'no-store' });
          res.end();
        } else {
          res.writeHead(200, { ...json, 'Access-Control-Allow-Origin': '*' });
          res.end('{"ok":true}');
        }
      };
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE },
      '/cached/old': (_req, res) => {
        hits.set('/cached/old', (hits.get('/cached/old') ?? 0) + 1);
        res.writeHead(301, { Location: '/cached/new', 'Cache-Control': 'max-age=3600' });
        res.end();
      },
      '/cached/new': { status: 200, headers: json, body: '{"id":1}' },
      '/v1/alpha': moved('/v1/alpha'),
      '/v1/beta': moved('/v1/beta'),
    });
    newOrigin = server.origin.replace('127.0.0.1', 'localhost');
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('leaves the redirect the browser answered from its cache alone, and flags the host move on its second path', async () => {
    const { page, panel } = await openPanelOn(ext, server.origin + '/');
    const rows = await waitForRows(
      panel,
      (rs) =>
        rs.filter((r) => r.url.endsWith('/cached/old')).length === 2 &&
        rs.some((r) => r.url.startsWith('http://localhost') && r.url.endsWith('/v1/beta')),
      'two /cached/old rows and the moved /v1/beta',
    );
    // The page loaded twice (before the panel, and again with it): the server saw the moved URL
    // once, so the browser's cache answered the other three.
    expect(hits.get('/cached/old')).toBe(1);

    const findingsOf = (id: string) => findingsOfRow(panel, id);

    const onOld = (path: string) =>
      rows.find((r) => r.url.startsWith('http://127.0.0.1') && r.url.endsWith(path))!;
    const beta = onOld('/v1/beta');
    expect(beta.text).toContain('308');
    // The last request of the page: once its finding shows, every earlier row has been judged.
    const text = await until(`${RULE} on the second 308`, async () => {
      const t = await findingsOf(beta.id);
      return t.includes(RULE) ? t : undefined;
    });
    expect(text).toContain(server.origin);
    expect(text).toContain(server.origin.replace('127.0.0.1', 'localhost'));
    expect(await findingsOf(onOld('/v1/alpha').id)).not.toContain(RULE);
    for (const row of rows.filter((r) => r.url.endsWith('/cached/old')))
      expect(await findingsOf(row.id)).not.toContain(RULE);
    await page.close();
  });
});
