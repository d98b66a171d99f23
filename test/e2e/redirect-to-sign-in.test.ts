import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, waitForRows, type ExtensionBrowser } from './harness/browser';
import { findingsOfRow, openPanelOn } from './harness/panel';
import { startServer, type TestServer } from './harness/server';

/**
 * http/redirect-to-sign-in in real Chromium: the page's fetch of /api/orders is sent to the
 * sign-in page (a session that expired), which fetch() follows to an HTML page. Chromium records
 * the redirect as a row of its own, a fetch, which the rule flags; the 401 of an API that does
 * it right is not. (Page loads sent to the sign-in page are left alone: unit-tested, since the
 * panel lists API calls only by default.)
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>sign-in</title></head>
<body><script>
(async () => {
  await fetch('/api/orders').then((r) => r.text()).catch(() => '');
  await fetch('/api/right').then((r) => r.text()).catch(() => '');
  document.title = 'done';
})();
</script></body></html>`;

const RULE = 'http/redirect-to-sign-in';

describe('http/redirect-to-sign-in in the panel, in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    const html = { 'Content-Type': 'text/html' };
    server = await startServer({
      '/': { status: 200, headers: html, body: PAGE },
      '/api/orders': { status: 302, headers: { Location: '/login?returnTo=%2Fapi%2Forders' }, body: '' },
      '/api/right': {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer realm="orders"', 'Content-Type': 'application/json' },
        body: '{"error":"sign in"}',
      },
      '/login': { status: 200, headers: html, body: '<!doctype html><title>Sign in</title><form></form>' },
    });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('flags the fetch sent to the sign-in page, not the 401', async () => {
    const { page, panel } = await openPanelOn(ext, server.origin + '/');
    const rows = await waitForRows(
      panel,
      (rs) =>
        rs.some((r) => r.url.endsWith('/api/orders')) &&
        rs.some((r) => r.url.includes('/login?')) &&
        rs.some((r) => r.url.endsWith('/api/right')),
      'the redirected fetch, the sign-in page it was sent to, and the 401',
    );

    const findingsOf = (id: string) => findingsOfRow(panel, id);

    const orders = rows.find((r) => r.url.endsWith('/api/orders'))!;
    expect(orders.text).toContain('302');
    const text = await until(`${RULE} on the redirected fetch`, async () => {
      const t = await findingsOf(orders.id);
      return t.includes(RULE) ? t : undefined;
    });
    expect(text).toContain('sign-in page (/login)');
    expect(text).not.toContain('returnTo');
    expect(await findingsOf(rows.find((r) => r.url.endsWith('/api/right'))!.id)).not.toContain(RULE);
    expect(await findingsOf(rows.find((r) => r.url.includes('/login?'))!.id)).not.toContain(RULE);
    await page.close();
  });
});
