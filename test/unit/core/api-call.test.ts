import { describe, expect, it } from 'vitest';
import { isApiCall } from '../../../src/core/exchange/api-call';
import { exchangeFacts } from '../../../src/core/filter/query';
import { compileScope } from '../../../src/core/profiles/scope';
import { makeExchange } from '../../helpers/exchange';

const JSON_CT = { 'Content-Type': 'application/json' };

describe('API calls', () => {
  it.each([
    ['fetch', true],
    ['xhr', true],
    // webRequest's name for fetch and XHR, kept by recorders built on it (body/html-error-page read it so).
    ['xmlhttprequest', true],
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

describe('one definition of an API call, shared by the "API only" filter and profile scopes', () => {
  const xhr = { resourceType: 'xhr', headers: JSON_CT, body: {} };
  // Cases where the filter once had its own, looser definition (any JSON answer, any failed
  // request of unknown kind) and disagreed with what profiles judge.
  const cases: [string, ReturnType<typeof makeExchange>, boolean][] = [
    ['a fetch', makeExchange({ resourceType: 'fetch', headers: JSON_CT, body: {} }), true],
    [
      'an XHR answered with HTML',
      makeExchange({ resourceType: 'xhr', headers: { 'Content-Type': 'text/html' } }),
      true,
    ],
    [
      'a navigation answered with JSON',
      makeExchange({ resourceType: 'document', headers: JSON_CT, body: {} }),
      false,
    ],
    [
      'a script',
      makeExchange({ resourceType: 'script', headers: { 'Content-Type': 'text/javascript' } }),
      false,
    ],
    ['a beacon', makeExchange({ resourceType: 'ping', headers: JSON_CT, body: {} }), false],
    [
      'socket.io polling over XHR',
      makeExchange({ ...xhr, url: 'https://chat.example.com/socket.io/?EIO=4&transport=polling' }),
      false,
    ],
    [
      'a source map fetched as XHR',
      makeExchange({ ...xhr, url: 'https://cdn.example.com/app.js.map' }),
      false,
    ],
    [
      'a web-app manifest',
      makeExchange({ headers: { 'Content-Type': 'application/manifest+json' }, body: {} }),
      false,
    ],
    [
      'a failed image of unknown kind',
      makeExchange({
        url: 'https://cdn.example.com/a.png',
        status: 0,
        requestHeaders: { Accept: 'image/avif,image/*' },
      }),
      false,
    ],
    [
      'a failed request of unknown kind whose request names no type (a bare HAR entry)',
      makeExchange({ url: 'https://imported.example/down', status: 0 }),
      true,
    ],
    [
      'a failed call of unknown kind that asked for JSON',
      makeExchange({ status: 0, requestHeaders: { Accept: 'application/json' } }),
      true,
    ],
    [
      'a Firefox HAR entry answered with problem+xml',
      makeExchange({ headers: { 'Content-Type': 'application/problem+xml' }, body: '<p/>' }),
      true,
    ],
  ];

  it.each(cases)('%s: isApiCall, the filter and a profile scope all say %s', (_name, ex, want) => {
    expect(isApiCall(ex)).toBe(want);
    // The panel's "API only" toggle keeps rows by this precomputed fact.
    expect(exchangeFacts(ex).api).toBe(want);
    // A profile with the default scope (API calls only, any host) judges exactly these.
    expect(compileScope({}).outOfScope(ex) === undefined).toBe(want);
  });
});

describe('what the "API only" toggle keeps beyond API calls', () => {
  const preflight = makeExchange({
    method: 'OPTIONS',
    status: 204,
    requestHeaders: { 'Access-Control-Request-Method': 'PUT', Origin: 'https://app.example' },
  });

  it('keeps CORS preflights beside the calls they announce, which profiles still do not judge', () => {
    expect(exchangeFacts(preflight).api).toBe(true);
    expect(isApiCall(preflight)).toBe(false);
    expect(compileScope({}).outOfScope(preflight)).toBeDefined();
  });

  it('does not keep an OPTIONS request that is not a preflight', () => {
    const options = makeExchange({ method: 'OPTIONS', status: 204 });
    expect(exchangeFacts(options).api).toBe(false);
  });
});
