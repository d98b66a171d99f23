import { describe, expect, it } from 'vitest';
import { MemoryBadge, MemorySessionArea } from '../../../src/adapters/memory';
import { exchangeFacts } from '../../../src/core/filter/query';
import type { Finding } from '../../../src/core/rules/types';
import { defaultSettings } from '../../../src/core/settings/schema';
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

describe('a credential hidden by name is stored nowhere in the tab summary', () => {
  it.each(places)('panel: %s', (_where, url, requestHeaders) => {
    const exchange = makeExchange({ url, requestHeaders, status: 500 });
    // A finding that quotes the value where nothing names it (a database error's excerpt).
    const finding: Finding = {
      rule: 'security/internal-error-details',
      severity: 'warning',
      message: `The body holds a MySQL error: "Duplicate entry '${secret}' for key 'sessions.PRIMARY'"`,
      source: { label: 'CWE-209', url: 'https://cwe.mitre.org/data/definitions/209.html' },
    };
    const rows: Row[] = [
      {
        exchange,
        seq: 0,
        start: 0,
        facts: exchangeFacts(exchange),
        analysis: { findings: [finding], problems: [] },
      },
    ];
    const stored = JSON.stringify(summarizeRows(rows, 1));
    expect(stored).toContain('REDACTED');
    expect(stored).toContain('Duplicate entry');
    expect(stored).not.toContain(secret);
  });

  it.each(places)('monitor: %s', async (_where, url, requestHeaders) => {
    const settings = defaultSettings();
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
    const stored = JSON.stringify(await summaries.get(3));
    expect(stored).toContain('REDACTED');
    expect(stored).not.toContain(secret);
  });
});
