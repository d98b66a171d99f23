import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Exchange } from '../../../src/core/exchange/types';
import { exchangeFacts } from '../../../src/core/filter/query';
import { toCurl } from '../../../src/core/export/curl';
import { toFetch } from '../../../src/core/export/fetch';
import { toHar } from '../../../src/core/export/har';
import { defaultSettings } from '../../../src/core/settings/schema';
import type { Row } from '../../../src/state/panel-store';
import { reportFor, REPORT_FORMATS } from '../../../src/surfaces/panel/reports';
import { summarizeRows } from '../../../src/surfaces/panel/summarize';
import { cli, writeScratch } from '../cli/cli-harness';

/*
 * Formats × locations × outputs (#14). Every secret below is assembled at run time, so no
 * credential-shaped literal sits in the repository. Each cell puts one secret in one place of a
 * request or response and asserts that no output a user can share (HAR export, cURL, fetch,
 * panel reports, CLI reports in every format, the stored tab summary) still holds it — while a
 * marker next to it survives, so an output that lost everything would fail too.
 */

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const R = (n: number, seed = 'k7Qm2xZp9L') => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);

const FORMATS: Record<string, string> = {
  jwt: `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '42', name: 'Ann' })}.${R(43, 'Sf1KxwRJ')}`,
  'github classic': 'gh' + 'p_' + R(36),
  'github oauth': 'gh' + 'o_' + R(36),
  'github fine-grained': 'github' + '_pat_' + R(82, 'A1b2_C3d4'),
  slack: 'xo' + 'xb-' + '1234567890-' + R(24),
  stripe: 'sk' + '_live_' + R(24),
  'openai project': 'sk' + '-proj-' + R(48, 'aB3_dE6-gH9'),
  sendgrid: 'S' + 'G.' + R(22) + '.' + R(43, 'Zx8_Yw7-Vu6'),
  npm: 'np' + 'm_' + R(36),
  gitlab: 'gl' + 'pat-' + R(20, 'x1Y2z3_W'),
  'aws access key id': 'AK' + 'IA' + R(16, 'Q7X2M9P4').toUpperCase(),
  'google api key': 'AI' + 'za' + R(35, 'Sy9_xW-2'),
};

/** A format that is a value after a fixed name: the whole string goes in, the value must go. */
const AZURE_KEY = R(86, 'Zq9+Xw8/Yv7') + '==';
const AZURE = `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${AZURE_KEY};EndpointSuffix=core.windows.net`;
const PEM_BODY = R(64, 'MIIEvQIBADANBgkqhkiG9w0B');
const PEM = `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n${R(64, 'QUJDREVGR0hJSktMTU5P')}\n-----END PRIVATE KEY-----`;
const SLACK_HOOK_PATH =
  'T0' + R(8, 'ABCD1234').toUpperCase() + '/B0' + R(8, 'EFGH5678').toUpperCase() + '/' + R(24);

const MARK = 'keep-me-visible';

interface Cell {
  exchange: Exchange;
  /** What must not appear in any output. */
  secret: string;
  /** Whether the secret sits in the request URL (reports and the summary carry URLs only). */
  inUrl?: boolean;
  /** Whether the secret sits in the request (cURL and fetch copy requests only). */
  inRequest?: boolean;
}

function exchange(
  p: Partial<Omit<Exchange, 'body'>> & { body?: string; mime?: string; reqBody?: string; reqMime?: string },
): Exchange {
  const ex: Exchange = {
    id: 'x',
    method: p.reqBody !== undefined ? 'POST' : 'GET',
    url: p.url ?? `https://api.example.com/v1/${MARK}`,
    requestHeaders: [{ name: 'X-Mark', value: MARK }, ...(p.requestHeaders ?? [])],
    status: p.status ?? 500,
    statusText: '',
    responseHeaders: [
      { name: 'Content-Type', value: p.mime ?? 'application/json' },
      ...(p.responseHeaders ?? []),
    ],
    httpVersion: 'HTTP/2',
    startedAt: '2026-12-06T00:00:00.000Z',
    time: 10,
    mimeType: p.mime ?? 'application/json',
    size: -1,
    body: p.body === undefined ? { kind: 'empty' } : { kind: 'text', text: p.body, size: p.body.length },
  };
  if (p.reqBody !== undefined)
    ex.requestBody = { mimeType: p.reqMime ?? 'application/json', text: p.reqBody };
  return ex;
}

/** Where a value-shaped secret can sit. */
const VALUE_LOCATIONS: Record<string, (s: string) => Omit<Cell, 'secret'>> = {
  'URL path': (s) => ({
    exchange: exchange({ url: `https://api.example.com/keys/${s}/rotate?m=${MARK}` }),
    inUrl: true,
    inRequest: true,
  }),
  'URL query (plain name)': (s) => ({
    exchange: exchange({ url: `https://api.example.com/a?q=${s}&m=${MARK}` }),
    inUrl: true,
    inRequest: true,
  }),
  'URL fragment': (s) => ({
    exchange: exchange({ url: `https://api.example.com/a?m=${MARK}#${s}` }),
    inUrl: true,
    inRequest: true,
  }),
  'URL fragment route': (s) => ({
    exchange: exchange({ url: `https://api.example.com/a?m=${MARK}#/cb?state=1&x=${s}` }),
    inUrl: true,
    inRequest: true,
  }),
  'HTTP/2 :path': (s) => ({
    exchange: exchange({ requestHeaders: [{ name: ':path', value: `/reset/${s}?m=1` }] }),
    inRequest: true,
  }),
  'request header (plain name)': (s) => ({
    exchange: exchange({ requestHeaders: [{ name: 'X-Trace-Note', value: `v=${s}` }] }),
    inRequest: true,
  }),
  'opaque header with a scheme': (s) => ({
    exchange: exchange({ requestHeaders: [{ name: 'X-Forward', value: `Bearer ${s}` }] }),
    inRequest: true,
  }),
  'response header': (s) => ({ exchange: exchange({ responseHeaders: [{ name: 'X-Echo', value: s }] }) }),
  'Location header': (s) => ({
    exchange: exchange({
      status: 302,
      responseHeaders: [{ name: 'Location', value: `https://app.example.com/k/${s}` }],
    }),
  }),
  'JSON request member (plain name)': (s) => ({
    exchange: exchange({ reqBody: JSON.stringify({ value: s, m: MARK }) }),
    inRequest: true,
  }),
  'GraphQL variables': (s) => ({
    exchange: exchange({
      reqBody: JSON.stringify({ query: 'mutation($v: String!) { set(v: $v) }', variables: { v: s } }),
    }),
    inRequest: true,
  }),
  'form body (plain name)': (s) => ({
    exchange: exchange({
      reqBody: `note=${encodeURIComponent(s)}&m=1`,
      reqMime: 'application/x-www-form-urlencoded',
    }),
    inRequest: true,
  }),
  'multipart field (plain name)': (s) => ({
    exchange: exchange({
      reqBody: `--b\r\nContent-Disposition: form-data; name="note"\r\n\r\n${s}\r\n--b--\r\n`,
      reqMime: 'multipart/form-data; boundary=b',
    }),
    inRequest: true,
  }),
  'XML body': (s) => ({ exchange: exchange({ body: `<r><note>${s}</note></r>`, mime: 'application/xml' }) }),
  'text body': (s) => ({ exchange: exchange({ body: `config dump: ${s}\n`, mime: 'text/plain' }) }),
  'JSON response member': (s) => ({ exchange: exchange({ body: JSON.stringify({ data: { v: s } }) }) }),
  'JSON response key': (s) => ({
    exchange: exchange({ body: JSON.stringify({ keys: { [s]: { active: true } } }) }),
  }),
};

/** Secrets found by their name, not their shape: one per name and place. */
const OPAQUE = R(32, 'n0tAsh4peD');
const NAMED_CELLS: Record<string, Omit<Cell, 'secret'>> = {
  ...Object.fromEntries(
    [
      'session',
      'jwt',
      'auth',
      'private_token',
      'X-Amz-Signature',
      'X-Goog-Signature',
      'api_key',
      'access_token',
      'sig',
      'code',
    ].map((n) => [
      `query ${n}`,
      {
        exchange: exchange({ url: `https://api.example.com/a?m=${MARK}&${n}=${OPAQUE}` }),
        inUrl: true,
        inRequest: true,
      },
    ]),
  ),
  'URL userinfo password': {
    exchange: exchange({ url: `https://bob:${OPAQUE}@api.example.com/${MARK}` }),
    inUrl: true,
    inRequest: true,
  },
  ...Object.fromEntries(
    [
      'Authorization',
      'Cookie',
      'X-Auth',
      'X-Session-Token',
      'X-Vault-Token',
      'Private-Token',
      'X-Goog-Api-Key',
      'X-Amz-Security-Token',
      'X-Debug-Token',
      'X-Upstream-Secret',
      'X-Vcloud-Authorization',
    ].map((n) => [
      `header ${n}`,
      { exchange: exchange({ requestHeaders: [{ name: n, value: OPAQUE }] }), inRequest: true },
    ]),
  ),
  'header X-Auth: Bearer': {
    exchange: exchange({ requestHeaders: [{ name: 'X-Auth', value: `Bearer ${OPAQUE}` }] }),
    inRequest: true,
  },
  // vCloud Director hands its session token out in a response header (ukcloud_vdc-async-jobs.har).
  'response X-Vcloud-Authorization': {
    exchange: exchange({ responseHeaders: [{ name: 'x-vcloud-authorization', value: OPAQUE }] }),
  },
  'response Set-Cookie': {
    exchange: exchange({ responseHeaders: [{ name: 'Set-Cookie', value: `sid=${OPAQUE}; HttpOnly` }] }),
  },
  ...Object.fromEntries(
    [
      'accessToken',
      'refreshToken',
      'mfaToken',
      'aws_secret_access_key',
      'SecretAccessKey',
      'password',
      'new_password1',
      'client_secret',
      'apiKey',
      'otp',
    ].map((n) => [
      `JSON member ${n}`,
      { exchange: exchange({ reqBody: JSON.stringify({ user: MARK, [n]: OPAQUE }) }), inRequest: true },
    ]),
  ),
  'JSON member credentials (object)': {
    exchange: exchange({ body: JSON.stringify({ m: MARK, credentials: { id: 'a', blob: OPAQUE } }) }),
  },
  'STS response': {
    exchange: exchange({
      body: JSON.stringify({
        Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: OPAQUE, Expiration: 'x' },
      }),
    }),
  },
  ...Object.fromEntries(
    ['pw', 'otp', 'assertion', 'password', 'client_secret'].map((n) => [
      `form field ${n}`,
      {
        exchange: exchange({
          reqBody: `user=${MARK}&${n}=${OPAQUE}`,
          reqMime: 'application/x-www-form-urlencoded',
        }),
        inRequest: true,
      },
    ]),
  ),
  'multipart name="password"': {
    exchange: exchange({
      reqBody: `--b\r\nContent-Disposition: form-data; name="user"\r\n\r\n${MARK}\r\n--b\r\nContent-Disposition: form-data; name="password"\r\n\r\n${OPAQUE}\r\n--b--\r\n`,
      reqMime: 'multipart/form-data; boundary=b',
    }),
    inRequest: true,
  },
  'GraphQL inline argument': {
    exchange: exchange({
      reqBody: JSON.stringify({ query: `mutation { login(user: "${MARK}", password: "${OPAQUE}") { ok } }` }),
    }),
    inRequest: true,
  },
  'GraphQL variables password': {
    exchange: exchange({
      reqBody: JSON.stringify({
        query: 'mutation($p: String!) { login(password: $p) }',
        variables: { password: OPAQUE },
      }),
    }),
    inRequest: true,
  },
  'XML <password>': {
    exchange: exchange({
      body: `<login><user>${MARK}</user><password>${OPAQUE}</password></login>`,
      mime: 'text/xml',
    }),
  },
  'XML namespaced <wsse:Password>': {
    exchange: exchange({
      body: `<wsse:Password Type="x">${OPAQUE}</wsse:Password>`,
      mime: 'application/soap+xml',
    }),
  },
  '.env text': { exchange: exchange({ body: `AWS_SECRET_ACCESS_KEY=${OPAQUE}\n`, mime: 'text/plain' }) },
  // Leaks the real-world audit found (test/unit/export/realworld-redaction.test.ts), minimised.
  // bitssa_api.har: a login hands out `authKey`, every later call sends it as X-Auth-Key.
  'header X-Auth-Key': {
    exchange: exchange({ requestHeaders: [{ name: 'X-Auth-Key', value: OPAQUE }] }),
    inRequest: true,
  },
  'JSON member authKey': { exchange: exchange({ body: JSON.stringify({ authKey: OPAQUE, m: MARK }) }) },
  // pagexray_nytimes-wpt.har: an API key in the URL as `access_key` (ipstack and others do the same).
  // Yahoo ads' `esig`, OAuth 1.0's `oauth_signature`: URL signatures, hidden like `sig`.
  ...Object.fromEntries(
    ['access_key', 'esig', 'oauth_signature', 'sigh'].map((n) => [
      `query ${n}`,
      {
        exchange: exchange({ url: `https://api.example.com/a?m=${MARK}&${n}=${OPAQUE}` }),
        inUrl: true,
        inRequest: true,
      },
    ]),
  ),
  'form field oauth_signature': {
    exchange: exchange({
      reqBody: `m=${MARK}&oauth_signature=${OPAQUE}`,
      reqMime: 'application/x-www-form-urlencoded',
    }),
    inRequest: true,
  },
  // hrun_postman-echo.har: an echo service answers with the request's headers, the redacted
  // Cookie among them; an `Authorization: Token …` has no Bearer/Basic shape to catch it by.
  'echoed Cookie header in a JSON body': {
    exchange: exchange({ body: JSON.stringify({ headers: { cookie: `sails.sid=${OPAQUE}` }, m: MARK }) }),
  },
  'echoed Authorization header in a JSON body': {
    exchange: exchange({ body: JSON.stringify({ headers: { authorization: `Token ${OPAQUE}` }, m: MARK }) }),
  },
  // harviewer_cnn.har: ASP.NET's cookieless session id is a path segment, `/(S(…))/`.
  'ASP.NET cookieless session in the URL path': {
    exchange: exchange({ url: `https://api.example.com/(X(1)S(${OPAQUE}))/page.aspx?m=${MARK}` }),
    inUrl: true,
    inRequest: true,
  },
  // …and in the "Object moved" page of the redirect that hands it out.
  'ASP.NET cookieless session in an HTML body': {
    exchange: exchange({
      body: `<h2>Object moved to <a href="http://bango.example/(X(1)S(${OPAQUE}))/i.aspx?m=1">${MARK}</a></h2>`,
      mime: 'text/html',
    }),
  },
  // mswjs_ws-polling.har: Engine.IO's handshake hands out the session id every poll sends as `?sid=`.
  'Engine.IO handshake sid': {
    exchange: exchange({
      body: `0{"sid":"${OPAQUE}","upgrades":["websocket"],"m":"${MARK}"}`,
      mime: 'text/plain',
    }),
  },
  // Header lines quoted in a text body (a request dump in an error page, curl -v output): the
  // credential is the rest of the line, whatever the scheme, and every cookie in it.
  'quoted Authorization: Token line': {
    exchange: exchange({
      body: `GET / HTTP/1.1\r\nAuthorization: Token ${OPAQUE}\r\nX-M: ${MARK}\r\n`,
      mime: 'text/plain',
    }),
  },
  'quoted Cookie line, session not first': {
    exchange: exchange({
      body: `> Cookie: theme=dark; connect.sid=${OPAQUE}\n> X-M: ${MARK}\n`,
      mime: 'text/plain',
    }),
  },
  // A page hands out the CSRF token its forms and X-CSRF-Token headers send back (hidden there).
  'HTML hidden input csrfmiddlewaretoken': {
    exchange: exchange({
      body: `<form><input type="hidden" name="csrfmiddlewaretoken" value="${OPAQUE}"><p>${MARK}</p></form>`,
      mime: 'text/html',
    }),
  },
  'HTML meta csrf-token': {
    exchange: exchange({
      body: `<head><meta name="csrf-token" content="${OPAQUE}" /><title>${MARK}</title></head>`,
      mime: 'text/html',
    }),
  },
  'ASP.NET forms ticket in a Location': {
    exchange: exchange({
      status: 302,
      responseHeaders: [{ name: 'Location', value: `https://app.example.com/(F(${OPAQUE}))/home.aspx` }],
    }),
  },
  'escaped JSON in a JSON string': {
    exchange: exchange({ body: JSON.stringify({ raw: JSON.stringify({ refresh_token: OPAQUE }) }) }),
  },
};

const CELLS: [string, Cell][] = [
  ...Object.entries(FORMATS).flatMap(([format, secret]) =>
    Object.entries(VALUE_LOCATIONS).map(
      ([where, at]) => [`${format} in ${where}`, { ...at(secret), secret }] as [string, Cell],
    ),
  ),
  ...Object.entries(VALUE_LOCATIONS)
    .map(([where, at]) => [`private key in ${where}`, { ...at(PEM), secret: PEM_BODY }] as [string, Cell])
    .filter(([name]) => !/URL|:path|header/.test(name)),
  ...Object.entries(VALUE_LOCATIONS)
    .map(
      ([where, at]) =>
        [`Azure connection string in ${where}`, { ...at(AZURE), secret: AZURE_KEY.slice(0, 40) }] as [
          string,
          Cell,
        ],
    )
    .filter(([name]) => !/URL|:path|Location/.test(name)),
  [
    'Slack webhook URL in a request URL',
    {
      exchange: exchange({ url: `https://hooks.slack.com/services/${SLACK_HOOK_PATH}?m=${MARK}` }),
      secret: SLACK_HOOK_PATH.slice(-24),
      inUrl: true,
      inRequest: true,
    },
  ],
  [
    'Slack webhook URL in a JSON body',
    {
      exchange: exchange({
        body: JSON.stringify({ hook: `https://hooks.slack.com/services/${SLACK_HOOK_PATH}` }),
      }),
      secret: SLACK_HOOK_PATH.slice(-24),
    },
  ],
  ...Object.entries(NAMED_CELLS).map(([name, c]) => [name, { ...c, secret: OPAQUE }] as [string, Cell]),
];

const settings = defaultSettings();
const active = activeRules(settings);

function rowOf(ex: Exchange): Row {
  return { exchange: ex, facts: exchangeFacts(ex), seq: 0, start: 0, analysis: analyzeExchange(ex, active) };
}

function harOf(ex: Exchange): string {
  return JSON.stringify(toHar([ex], { redaction: settings.redaction }));
}

describe('redaction table: formats × locations × outputs (#14)', () => {
  it.each(CELLS)('%s: HAR export', (_name, cell) => {
    const out = harOf(cell.exchange);
    expect(out).toContain(MARK);
    expect(out).not.toContain(cell.secret);
  });

  it.each(CELLS.filter(([, c]) => c.inRequest))('%s: copy as cURL and fetch', (_name, cell) => {
    for (const out of [toCurl(cell.exchange), toFetch(cell.exchange)]) {
      expect(out).toContain(MARK);
      expect(out).not.toContain(cell.secret);
    }
  });

  it.each(CELLS)('%s: panel reports and the stored summary (URL, findings, pointers)', (_name, cell) => {
    const row = rowOf(cell.exchange);
    for (const f of REPORT_FORMATS) {
      const { text } = reportFor(f.id, [row], settings, true);
      expect(text).not.toContain(cell.secret);
    }
    const summary = JSON.stringify(summarizeRows([row], 0));
    expect(summary).not.toContain(cell.secret);
    if (cell.inUrl) expect(summary).toContain(MARK);
  });
});

describe('redaction table: CLI reports in every format (#14)', () => {
  // One HAR of the raw traffic of every cell; each format's whole output must hold none of the secrets.
  const raw = JSON.parse(
    JSON.stringify(
      toHar(
        CELLS.map(([, c]) => c.exchange),
        { redact: false },
      ),
    ),
  );
  const file = writeScratch('secrets.har', raw);

  it.each(['text', 'json', 'sarif', 'junit', 'markdown'])('--format %s', async (format) => {
    const r = await cli(['lint', file, '--format', format]);
    expect(r.stdout.length).toBeGreaterThan(100);
    for (const [name, cell] of CELLS) {
      expect(r.stdout.includes(cell.secret), `${name} leaked into --format ${format}`).toBe(false);
    }
  });
});

describe('user-added body member names (#13 item 10)', () => {
  it('redacts a member the user listed in options, in JSON, XML and text bodies', () => {
    const redaction = { ...settings.redaction, bodyMembers: ['pinCode'] };
    const bodies: [string, string][] = [
      [JSON.stringify({ pin_code: '884422', m: MARK }), 'application/json'],
      [`<r><PinCode>884422</PinCode><m>${MARK}</m></r>`, 'application/xml'],
      [`pinCode: 884422\nm: ${MARK}`, 'text/plain'],
    ];
    for (const [body, mime] of bodies) {
      const ex = exchange({ body, mime });
      const out = JSON.stringify(toHar([ex], { redaction }));
      expect(out).toContain(MARK);
      expect(out).not.toContain('884422');
      // Not a built-in name: without the setting it stays.
      expect(harOf(ex)).toContain('884422');
    }
  });
});

describe('redaction keeps ordinary data (#14)', () => {
  it('leaves ids, hashes, error codes and keys of ordinary members alone', () => {
    const body = JSON.stringify({
      id: '5f4c6d97-d476-407e-bbf9-532480f618d8',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      etag: 'W/"a1b2c3d4e5f6"',
      code: 'NOT_FOUND',
      key: 'user-1',
      token_type: 'Bearer',
      expires_in: 3600,
      next_page_token: 'CAoQAA',
      tokenCount: 12,
      hasPassword: true,
      description: 'The secret: ask support',
    });
    const ex = exchange({
      url: 'https://api.example.com/users/5f4c6d97-d476-407e-bbf9-532480f618d8?page=2&sort=name',
      body,
    });
    const out = JSON.parse(harOf(ex)) as {
      log: { entries: { request: { url: string }; response: { content: { text: string } } }[] };
    };
    expect(out.log.entries[0]!.request.url).toBe(ex.url);
    expect(out.log.entries[0]!.response.content.text).toBe(body);
  });
});
