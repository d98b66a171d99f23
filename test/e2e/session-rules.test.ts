import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  until,
  waitForRows,
  type ExtensionBrowser,
  type PanelRow,
} from './harness/browser';
import { findingsCell, openPanelOn, typeFilter } from './harness/panel';
import { pageFetching, startServer, type TestServer } from './harness/server';

/**
 * Issue #18 in real Chromium: a page that retries a 429 at once, and fires the same GET twice
 * (the second while the first is in flight), shows session/retry-too-soon and
 * session/duplicate-request on the second request of each pair, with links to the first.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>session</title></head>
<body><script>
(async () => {
  const get = (p) => fetch(p, { headers: { Accept: 'application/json' } }).then((r) => r.text()).catch(() => '');
  await get('/api/limited');
  await get('/api/limited');
  await Promise.all([get('/api/me'), get('/api/me')]);
  document.title = 'done';
})();
</script></body></html>`;

const BURST_PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>burst</title></head>
<body><script>
(async () => {
  await fetch('/api/users').then((r) => r.text());
  await Promise.all([1, 2, 3, 4, 5].map((i) => fetch('/api/users/' + i).then((r) => r.text())));
  document.title = 'done';
})();
</script></body></html>`;

const DETAIL = 'section[aria-label="Selected request"]';
const NGINX = { 'Content-Type': 'application/json', Server: 'nginx/1.18.0' };
const CORS_PAIR = {
  'Content-Type': 'application/json',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': 'true',
};

describe('session rules in the panel, in real Chromium', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startServer({
      '/': { status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE },
      '/api/limited': {
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '30' },
        body: '{"error":"slow down"}',
      },
      // security/server-version-disclosure: once per origin and value.
      '/versions': {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: pageFetching(['/api/first-nginx', '/api/second-nginx', '/api/newer-nginx', '/api/third-nginx']),
      },
      '/api/first-nginx': { status: 200, headers: NGINX, body: '{}' },
      '/api/second-nginx': { status: 200, headers: NGINX, body: '{}' },
      '/api/newer-nginx': { status: 200, headers: { ...NGINX, Server: 'nginx/1.18.1' }, body: '{}' },
      '/api/third-nginx': { status: 200, headers: NGINX, body: '{}' },
      // security/cors-credentials-wildcard: for same-origin calls (no Origin sent), once per origin.
      '/cors': {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: pageFetching(['/api/first-cors', '/api/second-cors', '/api/third-cors']),
      },
      '/api/first-cors': { status: 200, headers: CORS_PAIR, body: '{}' },
      '/api/second-cors': { status: 200, headers: CORS_PAIR, body: '{}' },
      '/api/third-cors': { status: 200, headers: CORS_PAIR, body: '{}' },
      // session/n-plus-one: a 3 MB list, then five item calls fired together the moment it is in.
      // In the runs so far Chromium handed the list's body over before the items' (finish order),
      // so this checks the live flow end to end; the race where it comes last is forced in the
      // unit test (test/unit/panel-capture/finish-order.test.ts).
      '/burst': {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: BURST_PAGE,
      },
      '/api/users': {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(
          Array.from({ length: 30_000 }, (_, i) => ({
            id: i + 1,
            name: `user ${i + 1}`,
            bio: 'x'.repeat(60),
          })),
        ),
      },
      ...Object.fromEntries(
        [1, 2, 3, 4, 5].map((i) => [
          `/api/users/${i}`,
          { status: 200, headers: { 'Content-Type': 'application/json' }, body: `{"id":${i}}` },
        ]),
      ),
      '/api/me': (_req, res) => {
        // Slow enough that the page's second GET starts while the first is in flight.
        setTimeout(() => {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end('{"id":1}');
        }, 300);
      },
    });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  for (const [path, rule] of [
    ['/api/limited', 'session/retry-too-soon'],
    ['/api/me', 'session/duplicate-request'],
  ] as const) {
    it(`shows ${rule} on the second ${path} with a link that selects the first`, async () => {
      // The list's Name column shows the last path segment.
      const name = path.slice(path.lastIndexOf('/') + 1);
      const { page, panel } = await openPanelOn(ext, server.origin + '/');
      const rows = await waitForRows(
        panel,
        (rs) => rs.filter((r) => r.text.includes(`GET ${name} `)).length === 2,
        `two ${path} rows`,
      );
      // In request order: the second of the pair completes the pattern.
      const [other, flagged] = rows.filter((r) => r.text.includes(`GET ${name} `)) as [PanelRow, PanelRow];
      await panel.click(`[role="row"][data-id="${flagged.id}"]`);
      await until(`${rule} in the Overview`, async () =>
        (await panel.$eval(DETAIL, (d) => (d as HTMLElement).innerText)).includes(rule) ? true : undefined,
      );
      const link = await until('the related-request link', () => panel.$(`${DETAIL} .related-link`));
      // A DOM click: headless DevTools docks into a window too small for coordinate clicks down there.
      await link!.evaluate((b) => (b as HTMLElement).click());
      await until('the first request selected', async () =>
        (await panel.$eval(`[role="row"][data-id="${other.id}"]`, (r) => r.getAttribute('aria-selected'))) ===
        'true'
          ? true
          : undefined,
      );
      expect(
        await panel.$eval(`[role="row"][data-id="${flagged.id}"]`, (r) => r.getAttribute('aria-selected')),
      ).not.toBe('true');
      await page.close();
    });
  }

  it("follows a finding's link to a request the filter hides: its detail, the note, ← back; each opens at its top", async () => {
    const { page, panel } = await openPanelOn(ext, server.origin + '/');
    const rows = await waitForRows(
      panel,
      (rs) => rs.filter((r) => r.text.includes('GET limited ')).length === 2,
      'two /api/limited rows',
    );
    const [first, flagged] = rows.filter((r) => r.text.includes('GET limited ')) as [PanelRow, PanelRow];
    const overview = `${DETAIL} .detail-panel.panel-overview`;
    /** The Overview scrolled down as far as it goes (a short window makes it scroll), as the review did. */
    const scrollDown = () =>
      panel.$eval(overview, (p) => {
        (p as HTMLElement).style.maxHeight = '80px';
        p.scrollTop = 10_000;
        return p.scrollTop;
      });
    // A selection in the list: the next request opens at the top, not where the last one was.
    await panel.click(`[role="row"][data-id="${first.id}"]`);
    await until('the 429 explained', async () =>
      (await panel.$eval(DETAIL, (d) => (d as HTMLElement).innerText)).includes('Retry-After')
        ? true
        : undefined,
    );
    expect(await scrollDown()).toBeGreaterThan(0);
    await panel.click(`[role="row"][data-id="${flagged.id}"]`);
    await until('the flagged row shown', async () =>
      (await panel.$eval(DETAIL, (d) => (d as HTMLElement).innerText)).includes('session/retry-too-soon')
        ? true
        : undefined,
    );
    expect(await panel.$eval(overview, (p) => p.scrollTop)).toBe(0);

    await typeFilter(panel, 'rule:session/retry-too-soon', { blur: true });
    await waitForRows(panel, (rs) => rs.length === 1 && rs[0]!.id === flagged.id, 'the flagged row alone');
    await panel.click(`[role="row"][data-id="${flagged.id}"]`);
    const detailText = () => panel.$eval(DETAIL, (d) => (d as HTMLElement).innerText);
    await until('the finding', async () =>
      (await detailText()).includes('session/retry-too-soon') ? true : undefined,
    );
    expect(await scrollDown()).toBeGreaterThan(0);
    const link = await until('the related-request link', () => panel.$(`${DETAIL} .related-link`));
    await link!.evaluate((b) => (b as HTMLElement).click());
    // #first is shown though the list hides it, with the note, and at the top of its Overview.
    const note = await until('the hidden note', () => panel.$(`${DETAIL} .followed-hidden`));
    expect(await note!.evaluate((e) => e.textContent)).toMatch(
      /^#\d+ is hidden by the current filter\. Clear the filter$/,
    );
    expect(await panel.$('.detail-hidden')).toBeNull();
    expect(await panel.$eval(`${DETAIL} .detail-header`, (h) => h.textContent)).toContain('429');
    expect(await panel.$eval(overview, (p) => p.scrollTop)).toBe(0);
    expect(await panel.$(`[role="row"][data-id="${first.id}"]`)).toBeNull();
    // ← back to the finding.
    await panel.$eval(`${DETAIL} .back-link`, (b) => (b as HTMLElement).click());
    await until('the flagged row selected again', async () =>
      (await panel.$eval(`[role="row"][data-id="${flagged.id}"]`, (r) => r.getAttribute('aria-selected'))) ===
      'true'
        ? true
        : undefined,
    );
    expect(await detailText()).toContain('session/retry-too-soon');
    // Clear the filter from the note: the linked row is then in the list, selected.
    await (await until('the link again', () => panel.$(`${DETAIL} .related-link`)))!.evaluate((b) =>
      (b as HTMLElement).click(),
    );
    const clear = await until('Clear the filter', () => panel.$(`${DETAIL} .followed-hidden button`));
    await clear!.evaluate((b) => (b as HTMLElement).click());
    await until('the linked row listed and selected', async () =>
      (await panel.$(`[role="row"][data-id="${first.id}"][aria-selected="true"]`)) ? true : undefined,
    );
    await page.close();
  });

  it('shows session/n-plus-one on the item calls after a list with a large body', async () => {
    const { page, panel } = await openPanelOn(ext, server.origin + '/burst');
    await waitForRows(
      panel,
      (rs) =>
        rs.filter((r) => /GET \d /.test(r.text)).length === 5 &&
        rs.some((r) => r.text.includes('GET users ')),
      'the list and its five item calls',
    );
    // The item call judged fifth completes the burst. The live session judges in the order the
    // browser finished the calls, and five fired together finish in any order: the finding is on
    // whichever came last (once it read /api/users/5 and found "—" when /api/users/3 was last).
    const items = [1, 2, 3, 4, 5].map((i) => `GET ${i} `);
    const cells = await until('the five item calls analysed', async () => {
      const got = await Promise.all(items.map((name) => findingsCell(panel, name)));
      return got.every((c) => c !== '' && !c.includes('…')) ? got : undefined;
    });
    const rows = await waitForRows(panel, () => true, 'rows');
    const withNPlusOne: string[] = [];
    for (const [i, name] of items.entries()) {
      if (cells[i] === '—') continue;
      await panel.click(`[role="row"][data-id="${rows.find((r) => r.text.includes(name))!.id}"]`);
      const detail = await until(`the detail of ${name.trim()}`, async () => {
        const text = await panel.$eval(DETAIL, (d) => (d as HTMLElement).innerText);
        return text.includes(`/api/users/${i + 1}`) && /Findings \(\d+\)/.test(text) ? text : undefined;
      });
      if (detail.includes('session/n-plus-one')) withNPlusOne.push(name.trim());
    }
    // One finding for the burst, on one item call.
    expect(withNPlusOne).toHaveLength(1);
    await page.close();
  });

  it('shows a disclosed server version on the first response of the origin only, and a new version again', async () => {
    const { page, panel } = await openPanelOn(ext, server.origin + '/versions');
    const names = ['first-nginx', 'second-nginx', 'newer-nginx', 'third-nginx'];
    await waitForRows(
      panel,
      (rs) => names.every((n) => rs.some((r) => r.text.includes(`GET ${n} `))),
      'the calls',
    );
    const cells = await until('every call analysed', async () => {
      const got = await Promise.all(names.map((n) => findingsCell(panel, `GET ${n} `)));
      return got.every((c) => c !== '' && !c.includes('…')) ? got : undefined;
    });
    expect(cells[0]).not.toBe('—');
    expect(cells[1]).toBe('—');
    expect(cells[2]).not.toBe('—');
    expect(cells[3]).toBe('—');
    const rows = await waitForRows(panel, () => true, 'rows');
    for (const [i, version] of [
      [0, 'nginx/1.18.0'],
      [2, 'nginx/1.18.1'],
    ] as const) {
      const row = rows.find((r) => r.text.includes(`GET ${names[i]} `))!;
      await panel.click(`[role="row"][data-id="${row.id}"]`);
      await until(`the finding on ${names[i]}`, async () => {
        const text = await panel.$eval(DETAIL, (d) => (d as HTMLElement).innerText);
        return text.includes('security/server-version-disclosure') && text.includes(version)
          ? true
          : undefined;
      });
    }
    await page.close();
  });

  it('shows * with credentials on same-origin calls (no Origin) on the first call of the origin only', async () => {
    const { page, panel } = await openPanelOn(ext, server.origin + '/cors');
    const names = ['first-cors', 'second-cors', 'third-cors'];
    await waitForRows(
      panel,
      (rs) => names.every((n) => rs.some((r) => r.text.includes(`GET ${n} `))),
      'the calls',
    );
    const cells = await until('every call analysed', async () => {
      const got = await Promise.all(names.map((n) => findingsCell(panel, `GET ${n} `)));
      return got.every((c) => c !== '' && !c.includes('…')) ? got : undefined;
    });
    expect(cells[0]).not.toBe('—');
    expect(cells.slice(1)).toEqual(['—', '—']);
    const rows = await waitForRows(panel, () => true, 'rows');
    const first = rows.find((r) => r.text.includes('GET first-cors '))!;
    await panel.click(`[role="row"][data-id="${first.id}"]`);
    await until('the info on the first call', async () => {
      const text = await panel.$eval(DETAIL, (d) => (d as HTMLElement).innerText);
      return text.includes('security/cors-credentials-wildcard') && text.includes('sent no Origin')
        ? true
        : undefined;
    });
    await page.close();
  });
});
