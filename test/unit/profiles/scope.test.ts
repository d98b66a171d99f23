import { describe, expect, it } from 'vitest';
import {
  compileScope,
  describeScope,
  globMatch,
  hostPattern,
  isApiCall,
  parseUrlPattern,
} from '../../../src/core/profiles/scope';
import { makeExchange } from '../../helpers/exchange';

const JSON_CT = { 'Content-Type': 'application/json' };

describe('API calls', () => {
  it.each([
    ['fetch', true],
    ['xhr', true],
    ['document', false],
    ['script', false],
    ['stylesheet', false],
    ['image', false],
    ['font', false],
    ['media', false],
    ['ping', false],
    ['websocket', false],
    ['manifest', false],
    ['other', false],
  ])('resource type %s → %s', (resourceType, want) => {
    expect(isApiCall(makeExchange({ resourceType, headers: JSON_CT, body: {} }))).toBe(want);
  });

  it('without a resource type, a JSON or XML media type decides', () => {
    expect(isApiCall(makeExchange({ headers: JSON_CT, body: {} }))).toBe(true);
    expect(
      isApiCall(makeExchange({ headers: { 'Content-Type': 'application/problem+xml' }, body: '<p/>' })),
    ).toBe(true);
    expect(isApiCall(makeExchange({ headers: { 'Content-Type': 'text/html' }, body: '<p>' }))).toBe(false);
    expect(
      isApiCall(makeExchange({ headers: { 'Content-Type': 'application/xhtml+xml' }, body: '<p/>' })),
    ).toBe(false);
    expect(isApiCall(makeExchange({ headers: { 'Content-Type': 'text/javascript' }, body: 'x' }))).toBe(
      false,
    );
    // An HTML error page answering a request that asked for JSON is still the API's answer.
    expect(
      isApiCall(
        makeExchange({
          requestHeaders: { Accept: 'application/json' },
          headers: { 'Content-Type': 'text/html' },
          status: 502,
        }),
      ),
    ).toBe(true);
  });

  it('a page load that accepts HTML is not an API call, whatever its Accept lists first', () => {
    // Old WebKit navigations (harviewer_cnn.har): application/xml first, text/html after it.
    const accept =
      'application/xml,application/xhtml+xml,text/html;q=0.9,text/plain;q=0.8,image/png,*/*;q=0.5';
    expect(
      isApiCall(
        makeExchange({
          requestHeaders: { Accept: accept },
          headers: { 'Content-Type': 'text/html' },
          body: '<p>',
        }),
      ),
    ).toBe(false);
    expect(
      isApiCall(
        makeExchange({
          requestHeaders: { Accept: 'application/xml' },
          headers: { 'Content-Type': 'text/html' },
        }),
      ),
    ).toBe(true);
  });

  it('never socket.io transport, source maps, manifests or WebSockets, even over XHR', () => {
    const xhr = { resourceType: 'xhr', headers: JSON_CT, body: {} };
    expect(
      isApiCall(makeExchange({ ...xhr, url: 'https://chat.example.com/socket.io/?EIO=4&transport=polling' })),
    ).toBe(false);
    expect(isApiCall(makeExchange({ ...xhr, url: 'https://x.example.com/engine.io/?EIO=3' }))).toBe(false);
    expect(isApiCall(makeExchange({ ...xhr, url: 'https://cdn.example.com/app.js.map' }))).toBe(false);
    expect(isApiCall(makeExchange({ ...xhr, url: 'https://example.com/manifest.json' }))).toBe(false);
    expect(isApiCall(makeExchange({ url: 'wss://example.com/live', status: 101 }))).toBe(false);
    expect(
      isApiCall(makeExchange({ headers: { 'Content-Type': 'application/manifest+json' }, body: {} })),
    ).toBe(false);
  });
});

describe('URL patterns', () => {
  const inScope = (urls: string[], url: string, method = 'GET', apiCallsOnly = false) =>
    compileScope({ urls, apiCallsOnly, methods: method === 'GET' ? undefined : ['POST'] }).outOfScope(
      makeExchange({ url, method }),
    ) === undefined;

  it('matches scheme, host wildcards and path prefixes', () => {
    expect(inScope(['https://api.example.com/v2/*'], 'https://api.example.com/v2/disks/1')).toBe(true);
    expect(inScope(['https://api.example.com/v2/*'], 'https://api.example.com/v1/disks/1')).toBe(false);
    expect(inScope(['https://api.example.com/v2/*'], 'http://api.example.com/v2/disks')).toBe(false);
    expect(inScope(['*://*.example.com/*'], 'http://eu.api.example.com/x')).toBe(true);
    expect(inScope(['*://*.example.com/*'], 'https://example.org/x')).toBe(false);
    expect(inScope(['https://api.example.com/v2'], 'https://api.example.com/v2')).toBe(true);
    expect(inScope(['https://api.example.com/v2'], 'https://api.example.com/v20/x')).toBe(false);
    expect(inScope(['https://api.example.com'], 'https://api.example.com/anything?q=1')).toBe(true);
  });

  it('a port in the pattern must match; none matches any port', () => {
    expect(inScope(['http://127.0.0.1:8080/*'], 'http://127.0.0.1:8080/api')).toBe(true);
    expect(inScope(['http://127.0.0.1:8080/*'], 'http://127.0.0.1:9090/api')).toBe(false);
    expect(inScope(['http://127.0.0.1/*'], 'http://127.0.0.1:9090/api')).toBe(true);
  });

  it('methods narrow the scope', () => {
    expect(inScope(['*://*/*'], 'https://a.example/x', 'POST')).toBe(true);
    expect(
      compileScope({ methods: ['POST'] }).outOfScope(
        makeExchange({ method: 'GET', headers: JSON_CT, body: {} }),
      ),
    ).toContain('method GET');
  });

  it('rejects what is not a pattern', () => {
    for (const bad of ['api.example.com', 'ftp://x/*', 'https://', 'https://exa mple.com/']) {
      expect(parseUrlPattern(bad), bad).toBeUndefined();
    }
  });

  it('glob matching stays fast on hostile input', () => {
    const start = performance.now();
    expect(globMatch('*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('says a scope in words and builds the "this host" pattern', () => {
    expect(describeScope({ urls: ['https://api.example.com/*'] })).toBe(
      'API calls to https://api.example.com/*',
    );
    expect(describeScope(undefined)).toBe('API calls to any host');
    expect(hostPattern('http://127.0.0.1:4000/api/x?y=1')).toBe('http://127.0.0.1:4000/*');
    expect(hostPattern('chrome-extension://abc/x')).toBeUndefined();
  });
});
