import { describe, expect, it } from 'vitest';
import { MemoryBadge, MemorySessionArea } from '../../../src/adapters/memory';
import type { WebRequestEvent } from '../../../src/adapters/ports';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';
import { createMonitor, exchangeFromWebRequest } from '../../../src/surfaces/background/monitor';
import { createSummaryService } from '../../../src/surfaces/background/summary-service';

type Completed = Extract<WebRequestEvent, { kind: 'completed' }>;

function completed(over: Partial<Completed> = {}): Completed {
  return {
    kind: 'completed',
    requestId: '17',
    tabId: 3,
    method: 'GET',
    url: 'https://api.test/things?id=1',
    type: 'xmlhttprequest',
    timeStamp: 1_700_000_000_500,
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
    ...over,
  };
}

function monitoringSettings(patch: (s: Settings) => void = () => {}): Settings {
  const s = defaultSettings();
  s.capture.monitoring = true;
  patch(s);
  return s;
}

function setup(settings: Settings = monitoringSettings()) {
  const area = new MemorySessionArea();
  const summaries = createSummaryService(area, new MemoryBadge(), () => settings.capture.badgeMode, {
    flushMs: 1,
  });
  const monitor = createMonitor({ summaries, settings: async () => settings });
  return { summaries, monitor, settings };
}

describe('exchangeFromWebRequest', () => {
  it('builds an exchange from onCompleted details, with an unknown body', () => {
    const ex = exchangeFromWebRequest(
      completed({
        statusCode: 401,
        statusLine: 'HTTP/1.1 401 Unauthorized',
        method: 'post',
        ip: '10.0.0.1',
        responseHeaders: [
          { name: 'Content-Type', value: 'application/json; charset=utf-8' },
          { name: 'Content-Length', value: '27' },
        ],
      }),
      { requestHeaders: [{ name: 'Authorization', value: 'Bearer x' }], timeStamp: 1_700_000_000_000 },
    );
    expect(ex).toMatchObject({
      id: 'wr-17',
      method: 'POST',
      url: 'https://api.test/things?id=1',
      status: 401,
      statusText: 'Unauthorized',
      httpVersion: 'HTTP/1.1',
      resourceType: 'xhr',
      mimeType: 'application/json; charset=utf-8',
      size: 27,
      time: 500,
      startedAt: new Date(1_700_000_000_000).toISOString(),
      serverAddress: '10.0.0.1',
      body: { kind: 'unknown', reason: 'not-captured' },
    });
    expect(ex.requestHeaders).toEqual([{ name: 'Authorization', value: 'Bearer x' }]);
    expect(ex.failure).toBeUndefined();
  });

  it('copes with a missing status text, no headers and odd status lines', () => {
    const ex = exchangeFromWebRequest(
      completed({ statusLine: 'HTTP/2 204', statusCode: 204, responseHeaders: [], type: 'main_frame' }),
    );
    expect(ex).toMatchObject({
      status: 204,
      statusText: '',
      httpVersion: 'HTTP/2',
      size: -1,
      mimeType: '',
      time: -1,
      resourceType: 'document',
    });
    expect(exchangeFromWebRequest(completed({ statusLine: '', type: 'weird' }))).toMatchObject({
      httpVersion: '',
      resourceType: 'other',
    });
  });

  it('turns onErrorOccurred into a failed exchange (status 0) carrying the error', () => {
    const ex = exchangeFromWebRequest({
      kind: 'failed',
      requestId: '9',
      tabId: 1,
      method: 'GET',
      url: 'https://down.test/',
      type: 'xmlhttprequest',
      timeStamp: 1,
      error: 'net::ERR_CONNECTION_REFUSED',
    });
    expect(ex).toMatchObject({
      status: 0,
      failure: 'net::ERR_CONNECTION_REFUSED',
      responseHeaders: [],
      body: { kind: 'unknown' },
    });
  });
});

describe('the monitor', () => {
  it('counts families and runs only header-only rules, adding to the tab summary', async () => {
    const { monitor, summaries } = setup();
    await monitor.handle(completed({ requestId: '1', statusCode: 200 }));
    // A 401 without WWW-Authenticate: header-only http/unauthorized-challenge fires. webRequest
    // reports the server's whole header set, Date included.
    await monitor.handle(
      completed({
        requestId: '2',
        statusCode: 401,
        statusLine: 'HTTP/1.1 401 Unauthorized',
        responseHeaders: [
          { name: 'Content-Type', value: 'application/json' },
          { name: 'Date', value: 'Tue, 14 Nov 2023 22:13:20 GMT' },
        ],
      }),
    );
    // A 500 labelled JSON with a body we never saw: no body rule may fire on it.
    await monitor.handle(
      completed({ requestId: '3', statusCode: 500, statusLine: 'HTTP/1.1 500 Internal Server Error' }),
    );
    await monitor.handle({
      kind: 'failed',
      requestId: '4',
      tabId: 3,
      method: 'GET',
      url: 'https://x.test/',
      type: 'xmlhttprequest',
      timeStamp: 2,
      error: 'net::ERR_FAILED',
    });
    const s = (await summaries.get(3))!;
    expect(s.families).toMatchObject({ '2xx': 1, '4xx': 1, '5xx': 1, failed: 1 });
    expect(s.rules).toEqual({ 'http/unauthorized-challenge': 1 });
    expect(s.findings).toEqual({ error: 1, warning: 0, info: 0 });
    expect(s.recent.map((r) => r.status)).toEqual([401, 500, 0]);
    expect(s.recent[0]!.worst?.rule).toBe('http/unauthorized-challenge');
  });

  it('follows profiles and rule settings, still header-only', async () => {
    const settings = monitoringSettings((s) => {
      s.profiles = ['problem'];
      s.rules['http/unauthorized-challenge'] = 'off';
    });
    const { monitor, summaries } = setup(settings);
    await monitor.handle(completed({ statusCode: 401 }));
    const s = (await summaries.get(3))!;
    expect(Object.keys(s.rules)).toEqual(['problem/content-type']);
  });

  it('does nothing while monitoring is off in the settings', async () => {
    const { monitor, summaries } = setup(defaultSettings());
    await monitor.handle(completed({ statusCode: 500 }));
    expect(await summaries.get(3)).toBeNull();
  });

  it('ignores requests that belong to no tab', async () => {
    const { monitor, summaries } = setup();
    await monitor.handle(completed({ tabId: -1, statusCode: 500 }));
    expect(await summaries.get(-1)).toBeNull();
  });

  it('resets the tab on a top-level navigation, unless preserve log is on', async () => {
    const sent = (type: string, requestId: string): WebRequestEvent => ({
      kind: 'sent',
      requestId,
      tabId: 3,
      method: 'GET',
      url: 'https://a.test/',
      type,
      timeStamp: 1,
      requestHeaders: [],
    });
    const { monitor, summaries } = setup();
    await monitor.handle(completed({ requestId: '1', statusCode: 500 }));
    await monitor.handle(sent('xmlhttprequest', '2'));
    expect((await summaries.get(3))!.families['5xx']).toBe(1);
    await monitor.handle(sent('main_frame', '3'));
    await monitor.handle(completed({ requestId: '3', type: 'main_frame', statusCode: 200 }));
    const after = (await summaries.get(3))!;
    expect(after.families['5xx']).toBe(0);
    expect(after.families['2xx']).toBe(1);

    const keep = setup(monitoringSettings((s) => (s.capture.preserveLog = true)));
    await keep.monitor.handle(completed({ requestId: '1', statusCode: 500 }));
    await keep.monitor.handle(sent('main_frame', '2'));
    expect((await keep.summaries.get(3))!.families['5xx']).toBe(1);
  });

  it('reports a server version once per origin and value in a tab, as the panel does, and again after a navigation', async () => {
    const { monitor, summaries } = setup();
    const nginx = (requestId: string, url = 'https://api.test/things', value = 'nginx/1.18.0') =>
      completed({
        requestId,
        url,
        responseHeaders: [
          { name: 'Content-Type', value: 'application/json' },
          { name: 'Server', value },
        ],
      });
    await monitor.handle(nginx('1'));
    await monitor.handle(nginx('2'));
    await monitor.handle(nginx('3', 'https://api.test/other'));
    await monitor.handle(nginx('4', 'https://cdn.test/app.js'));
    await monitor.handle(nginx('5', 'https://api.test/things', 'nginx/1.18.1'));
    // Another tab is a session of its own.
    await monitor.handle({ ...nginx('6'), tabId: 4 });
    expect((await summaries.get(3))!.rules).toEqual({ 'security/server-version-disclosure': 3 });
    expect((await summaries.get(4))!.rules).toEqual({ 'security/server-version-disclosure': 1 });
    await monitor.handle({
      kind: 'sent',
      requestId: '7',
      tabId: 3,
      method: 'GET',
      url: 'https://api.test/',
      type: 'main_frame',
      timeStamp: 1,
      requestHeaders: [],
    });
    await monitor.handle(nginx('8'));
    expect((await summaries.get(3))!.rules).toEqual({ 'security/server-version-disclosure': 1 });
  });

  it('reports * with credentials on requests without Origin once per origin in a tab, and warns each cross-origin one', async () => {
    const { monitor, summaries } = setup();
    const call = async (requestId: string, origin?: string) => {
      await monitor.handle({
        kind: 'sent',
        requestId,
        tabId: 3,
        method: 'GET',
        url: 'https://api.test/things',
        type: 'xmlhttprequest',
        timeStamp: 1,
        requestHeaders: [
          { name: 'Accept', value: '*/*' },
          ...(origin ? [{ name: 'Origin', value: origin }] : []),
        ],
      });
      await monitor.handle(
        completed({
          requestId,
          url: 'https://api.test/things',
          responseHeaders: [
            { name: 'Access-Control-Allow-Origin', value: '*' },
            { name: 'Access-Control-Allow-Credentials', value: 'true' },
          ],
        }),
      );
    };
    await call('1');
    await call('2');
    await call('3');
    expect((await summaries.get(3))!.rules).toEqual({ 'security/cors-credentials-wildcard': 1 });
    await call('4', 'https://app.test');
    await call('5', 'https://app.test');
    expect((await summaries.get(3))!.rules).toEqual({ 'security/cors-credentials-wildcard': 3 });
  });

  it('uses the request headers seen when the request went out', async () => {
    const settings = monitoringSettings((s) => (s.rules['security/sensitive-no-store'] = 'warning'));
    const { monitor, summaries } = setup(settings);
    await monitor.handle({
      kind: 'sent',
      requestId: '5',
      tabId: 3,
      method: 'GET',
      url: 'https://api.test/me',
      type: 'xmlhttprequest',
      timeStamp: 1,
      requestHeaders: [{ name: 'Authorization', value: 'Bearer abc' }],
    });
    await monitor.handle(completed({ requestId: '5', url: 'https://api.test/me', statusCode: 200 }));
    expect((await summaries.get(3))!.rules).toHaveProperty('security/sensitive-no-store', 1);
  });

  it('stores no path repeating a credential an earlier request of the tab sent by name, and keeps ordinary ids', async () => {
    const session = 'S7kQ2mZx9LpW4vRt';
    const { monitor, summaries } = setup();
    await monitor.handle({
      kind: 'sent',
      requestId: '1',
      tabId: 3,
      method: 'POST',
      url: 'https://api.test/s/carts',
      type: 'xmlhttprequest',
      timeStamp: 1,
      requestHeaders: [{ name: 'Cookie', value: `sid=${session}` }],
    });
    await monitor.handle(
      completed({ requestId: '1', method: 'POST', url: 'https://api.test/s/carts', statusCode: 201 }),
    );
    // Fetched at the Location the 201 gave, without the cookie.
    await monitor.handle(
      completed({ requestId: '2', url: `https://api.test/s/${session}/carts/7`, statusCode: 404 }),
    );
    await monitor.handle(
      completed({ requestId: '3', url: 'https://api.test/users/12345678', statusCode: 404 }),
    );
    const s = (await summaries.get(3))!;
    expect(JSON.stringify(s)).not.toContain(session);
    expect(s.recent.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/s/[REDACTED]/carts/7', '/users/12345678']),
    );
  });

  it('stores paths with secret query parameters masked', async () => {
    const { monitor, summaries } = setup();
    await monitor.handle(
      completed({ url: 'https://api.test/x?access_token=s3cret&page=2', statusCode: 404 }),
    );
    const s = (await summaries.get(3))!;
    expect(s.recent[0]!.path).toBe('/x?access_token=[REDACTED]&page=2');
  });
});
