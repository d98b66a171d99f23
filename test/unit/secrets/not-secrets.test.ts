import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { toHar } from '../../../src/core/export/har';
import { defaultSettings } from '../../../src/core/settings/schema';
import { makeExchange } from '../../helpers/exchange';

/*
 * The other side of the real-world redaction audit: what it met and judged *not* a secret must
 * survive an export, or a redacted HAR stops being useful for debugging. Each case says why.
 */

const settings = defaultSettings();

function exported(spec: Parameters<typeof makeExchange>[0]) {
  return toHar([makeExchange(spec)], { redaction: settings.redaction }).log.entries[0]!;
}

describe('values the audit judged not secret stay in exports', () => {
  it('keeps ids that correlate requests: request and trace ids, ETags, idempotency keys', () => {
    const headers = {
      'X-Request-Id': 'f3a1c9e2-7b44-4c1d-9a0e-2d6b8e5f1a90',
      'X-Amzn-Trace-Id': 'Root=1-616a7996-6af5f1c3276bb9f246738afe',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      ETag: '"33a64df551425fcc55e4d42a148795d9f25f89d4"',
      'Idempotency-Key': '8e03978e-40d5-43e8-bc93-6894a57f9324',
    };
    const entry = exported({ requestHeaders: headers, headers });
    for (const h of [...entry.request.headers, ...entry.response.headers])
      expect(h.value, h.name).toBe(headers[h.name as keyof typeof headers]);
  });

  it('keeps the WebSocket handshake nonce: Sec-WebSocket-Key authorises nothing (RFC 6455 §4.1)', () => {
    const entry = exported({ requestHeaders: { 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
    expect(entry.request.headers[0]!.value).toBe('dGhlIHNhbXBsZSBub25jZQ==');
  });

  it('keeps `cookie=1` in a URL: a tracker saying cookies are enabled, not a Cookie header', () => {
    // The credential header names are body members (an echo service's `"cookie": "…"`) but not URL parameters.
    const url = 'https://sp.example.com/i?e=pv&cookie=1&aid=18';
    const ex = makeExchange({ url, status: 200 });
    expect(exported({ url }).request.url).toBe(url);
    const findings = analyzeExchange(ex, activeRules(settings)).findings;
    expect(findings.filter((f) => f.rule === 'security/secret-in-url')).toEqual([]);
  });

  it('keeps parameters that only start like `sigh` (a Google URL signature, hidden): `sight`, `sighting`', () => {
    const url = 'https://birds.example/api/log?sight=heron&sighting=1783&sightline=north';
    expect(exported({ url }).request.url).toBe(url);
  });

  it('keeps members that name a key without holding a credential', () => {
    // `accessKeyId` is the public half of an AWS key pair; `primary_key`, `sort_key`,
    // `registration_key` (an app's invitation id) and a bare `key` are ids or data.
    const body = {
      AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      primary_key: 'id',
      sort_key: 'created_at',
      registration_key: 'e80d3c42-1046-469c-a228-cd4b5ab02231',
      key: 'color',
      token_type: 'Bearer',
    };
    const text = exported({ headers: { 'Content-Type': 'application/json' }, body }).response.content.text;
    expect(JSON.parse(text!)).toEqual(body);
  });

  it('keeps prose that names an authentication scheme (Jira’s 401 page), hiding a credential beside it', () => {
    // j1jira_server-login-redirect-401.har #2: "Basic Authentication Failure" is a title, not a
    // Basic credential whose value is "Authentication".
    const body =
      '<title>Basic Authentication Failure - Reason : AUTHENTICATED_FAILED</title><p>Bearer authentication required</p>' +
      '<pre>Authorization: Basic dXNlcjpodW50ZXIy</pre>';
    const text = exported({ headers: { 'Content-Type': 'text/html' }, body }).response.content.text;
    expect(text).toBe(
      '<title>Basic Authentication Failure - Reason : AUTHENTICATED_FAILED</title><p>Bearer authentication required</p>' +
        '<pre>Authorization: Basic [REDACTED]</pre>',
    );
  });

  it('keeps ordinary form fields and meta tags of an HTML page', () => {
    // Only a field or meta tag *named* like a credential loses its value.
    const body =
      '<meta name="viewport" content="width=device-width"><meta name="csrf-token" content="k7Qm2xZp9L">' +
      '<input type="hidden" name="next" value="/account/"><input name="username" value="ann">';
    const text = exported({ headers: { 'Content-Type': 'text/html' }, body }).response.content.text;
    expect(text).toBe(
      '<meta name="viewport" content="width=device-width"><meta name="csrf-token" content="[REDACTED]">' +
        '<input type="hidden" name="next" value="/account/"><input name="username" value="ann">',
    );
  });

  it('keeps ASP.NET’s cookie probe flag while hiding the session next to it', () => {
    const entry = exported({ url: 'http://bango.example/(X(1)S(pvnzao4525kprh2z121oqv55))/idimage.aspx' });
    expect(entry.request.url).toBe('http://bango.example/(X(1)S([REDACTED]))/idimage.aspx');
  });

  it('finds no credential in URLs that carry signatures or vendor API keys by design', () => {
    // Like `sig` and `key`: a signature only authorises the URL it signs, and vendors such as
    // ipstack take the account key only in the URL, so the user could not act on a finding.
    const url = 'https://api.example.com/a?esig=1~2d97df699a&oauth_signature=ZTkf&access_key=776ACB1E';
    const findings = analyzeExchange(makeExchange({ url, status: 200 }), activeRules(settings)).findings;
    expect(findings.filter((f) => f.rule === 'security/secret-in-url')).toEqual([]);
    expect(exported({ url }).request.url).toBe(
      'https://api.example.com/a?esig=[REDACTED]&oauth_signature=[REDACTED]&access_key=[REDACTED]',
    );
  });
});
