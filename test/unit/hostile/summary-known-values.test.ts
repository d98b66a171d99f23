import { describe, expect, it } from 'vitest';
import { MemoryBadge, MemorySessionArea } from '../../../src/adapters/memory';
import { exchangeFacts } from '../../../src/core/filter/query';
import type { Finding } from '../../../src/core/rules/types';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import type { Row } from '../../../src/state/panel-store';
import { createMonitor } from '../../../src/surfaces/background/monitor';
import { createSummaryService } from '../../../src/surfaces/background/summary-service';
import { summarizeRows } from '../../../src/surfaces/panel/summarize';
import { makeExchange } from '../../helpers/exchange';

/*
 * The tab summary is stored (chrome.storage.session) and shown by the popup: a problem
 * response's path and worst finding. A credential the exchange carries under a name (its
 * Authorization, a cookie, a `;jsessionid=`) must not be stored where the path repeats it.
 */
const secret = 'Qz7mW2xPLk94';
const places: [string, string, Record<string, string>][] = [
  [
    'Authorization token, again in the path',
    `https://api.example/v1/sessions/${secret}`,
    { Authorization: `Bearer ${secret}` },
  ],
  [
    'cookie value, again in the path',
    `https://api.example/v1/carts/${secret}/items`,
    { Cookie: `sid=${secret}` },
  ],
  ['`;jsessionid=`, again in the query', `https://shop.example/cart;jsessionid=${secret}?ref=${secret}`, {}],
];

/** A finding that quotes the value where nothing names it (a database error's excerpt). */
const dbFinding: Finding = {
  rule: 'security/internal-error-details',
  severity: 'warning',
  message: `The body holds a MySQL error: "Duplicate entry '${secret}' for key 'sessions.PRIMARY'"`,
  source: { label: 'CWE-209', url: 'https://cwe.mitre.org/data/definitions/209.html' },
};

/** What the panel stores for one failed row with that finding. */
function panelStored(url: string, requestHeaders: Record<string, string>, settings = defaultSettings()) {
  const exchange = makeExchange({ url, requestHeaders, status: 500 });
  const rows: Row[] = [
    {
      exchange,
      seq: 0,
      start: 0,
      facts: exchangeFacts(exchange),
      analysis: { findings: [dbFinding], problems: [] },
    },
  ];
  return JSON.stringify(summarizeRows(rows, 1, settings));
}

/** What the background monitor stores for one failed request. */
async function monitorStored(
  url: string,
  requestHeaders: Record<string, string>,
  settings = defaultSettings(),
) {
  settings.capture.monitoring = true;
  const summaries = createSummaryService(new MemorySessionArea(), new MemoryBadge(), () => 'errors', {
    flushMs: 1,
  });
  const monitor = createMonitor({ summaries, settings: async () => settings });
  const headers = Object.entries(requestHeaders).map(([name, value]) => ({ name, value }));
  const base = { requestId: '1', tabId: 3, method: 'GET', url, type: 'xmlhttprequest', timeStamp: 2 };
  await monitor.handle({ kind: 'sent', ...base, requestHeaders: headers });
  await monitor.handle({
    kind: 'completed',
    ...base,
    statusCode: 500,
    statusLine: 'HTTP/1.1 500 Internal Server Error',
    responseHeaders: [],
  });
  return JSON.stringify(await summaries.get(3));
}

describe('a credential hidden by name is stored nowhere in the tab summary', () => {
  it.each(places)('panel: %s', (_where, url, requestHeaders) => {
    const stored = panelStored(url, requestHeaders);
    expect(stored).toContain('REDACTED');
    expect(stored).toContain('Duplicate entry');
    expect(stored).not.toContain(secret);
  });

  it.each(places)('monitor: %s', async (_where, url, requestHeaders) => {
    const stored = await monitorStored(url, requestHeaders);
    expect(stored).toContain('REDACTED');
    expect(stored).not.toContain(secret);
  });
});

describe("the stored tab summary hides by all three of the user's redaction lists, as exports do", () => {
  const listed = () => {
    const settings = defaultSettings();
    settings.redaction.headers.push('x-tenant-pass');
    settings.redaction.bodyMembers.push('tenantref');
    return settings;
  };
  const cases: [string, string, Record<string, string>][] = [
    [
      'a value sent under a header the user listed, again in the path',
      `https://api.example/v1/tenants/${secret}`,
      { 'X-Tenant-Pass': secret },
    ],
    [
      'a body member the user listed, as a query parameter',
      `https://api.example/v1/a?tenantRef=${secret}&page=2`,
      {},
    ],
  ];

  // The panel's row has a finding quoting the value; the monitor reads no body, so has only the path.
  describe.each([
    ['panel', async (url: string, h: Record<string, string>, s?: Settings) => panelStored(url, h, s)],
    ['monitor', monitorStored],
  ] as const)('%s', (surface, stored) => {
    it.each(cases)('%s', async (_where, url, requestHeaders) => {
      const hidden = await stored(url, requestHeaders, listed());
      if (surface === 'panel') expect(hidden).toContain('Duplicate entry');
      expect(hidden).toContain('[REDACTED]');
      expect(hidden).not.toContain(secret);
      // Without the lists the name is an ordinary one, and its value is stored as it was.
      expect(await stored(url, requestHeaders, defaultSettings())).toContain(secret);
    });
  });
});

describe("the panel's stored summary hides what any live row carried by name in every listed row", () => {
  it('a path repeating the session id only an earlier row sent as its cookie; ordinary ids stay', () => {
    const session = 'S7kQ2mZx9LpW4vRt';
    const row = (n: number, exchange: ReturnType<typeof makeExchange>): Row => ({
      exchange: { ...exchange, id: `r${n}` },
      seq: n,
      start: n,
      facts: exchangeFacts(exchange),
      analysis: { findings: [], problems: [] },
    });
    const rows = [
      row(
        0,
        makeExchange({
          method: 'POST',
          url: 'https://api.example/s/carts',
          status: 201,
          requestHeaders: { Cookie: `sid=${session}` },
        }),
      ),
      row(1, makeExchange({ url: `https://api.example/s/${session}/carts/7`, status: 404 })),
      row(2, makeExchange({ url: 'https://api.example/users/12345678', status: 404 })),
    ];
    const stored = summarizeRows(rows, 1, defaultSettings());
    expect(JSON.stringify(stored)).not.toContain(session);
    expect(stored.recent.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/s/[REDACTED]/carts/7', '/users/12345678']),
    );
  });
});
