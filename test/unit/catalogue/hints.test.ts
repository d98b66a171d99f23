import { describe, expect, it } from 'vitest';
import { statusHints, type Hint } from '../../../src/core/catalogue/hints';
import type { Exchange } from '../../../src/core/exchange/types';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

const NOW = new Date('2025-03-01T12:00:00Z');

function hints(spec: ExchangeSpec): Hint[] {
  return statusHints(makeExchange(spec), NOW);
}

function texts(spec: ExchangeSpec, kind: Hint['kind']): string[] {
  return hints(spec)
    .filter((h) => h.kind === kind)
    .map((h) => h.text);
}

describe('vendor hints', () => {
  it('names Cloudflare from CF-RAY on a 520', () => {
    const [hint] = hints({ status: 520, headers: { 'CF-RAY': '8a1b2c3d4e5f6789-AMS' } });
    expect(hint).toMatchObject({ kind: 'vendor', ref: 520 });
    expect(hint?.text).toContain('Cloudflare');
    expect(hint?.text).toContain('8a1b2c3d4e5f6789-AMS');
    expect(hint?.text).toContain('520');
  });

  it('names Cloudflare from the Server header', () => {
    expect(texts({ status: 522, headers: { Server: 'cloudflare' } }, 'vendor')[0]).toContain(
      'Sent by Cloudflare',
    );
  });

  it('names the AWS ALB from Server: awselb/2.0 on a 460', () => {
    const [text] = texts({ status: 460, headers: { Server: 'awselb/2.0' } }, 'vendor');
    expect(text).toContain('AWS Application Load Balancer');
    expect(text).toContain('awselb/2.0');
  });

  it('names nginx on a 499', () => {
    const [text] = texts({ status: 499, headers: { server: 'nginx/1.25.3' } }, 'vendor');
    expect(text).toContain('Sent by nginx');
    expect(text).toContain('499 Client Closed Request');
  });

  it('says who usually sends an unofficial code when no header tells', () => {
    const [text] = texts({ status: 530 }, 'vendor');
    expect(text).toContain('usually comes from Cloudflare');
  });

  it('notes when the proxy in the headers is not the usual sender', () => {
    const [text] = texts({ status: 520, headers: { Server: 'nginx' } }, 'vendor');
    expect(text).toContain('nginx');
    expect(text).toContain("normally Cloudflare's code");
  });

  it('names the proxy in front of a registered error code', () => {
    const [text] = texts({ status: 502, headers: { Server: 'awselb/2.0' } }, 'vendor');
    expect(text).toContain('AWS Application Load Balancer');
    expect(text).toContain('502');
  });

  it('gives no vendor hint without evidence for a registered code', () => {
    expect(hints({ status: 404, headers: { Server: 'MyApp' } })).toEqual([]);
  });
});

describe('auth hints', () => {
  it('explains an expired Bearer token', () => {
    const [text] = texts(
      {
        status: 401,
        headers: {
          'WWW-Authenticate':
            'Bearer realm="api", error="invalid_token", error_description="The access token expired"',
        },
      },
      'auth',
    );
    expect(text).toContain('Bearer');
    expect(text).toContain('realm "api"');
    expect(text).toContain('invalid_token');
    expect(text).toContain('expired');
    expect(text).toContain('Get a new token');
    expect(text).toContain('"The access token expired"');
  });

  it('explains insufficient_scope with the scope needed', () => {
    const [text] = texts(
      {
        status: 403,
        headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="orders:write"' },
      },
      'auth',
    );
    expect(text).toContain('insufficient_scope');
    expect(text).toContain('orders:write');
  });

  it('explains invalid_request', () => {
    const [text] = texts(
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' } },
      'auth',
    );
    expect(text).toContain('malformed');
  });

  it('reads a bare Bearer challenge as "no token sent"', () => {
    const [text] = texts({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="example"' } }, 'auth');
    expect(text).toContain('no token');
  });

  it('lists every challenge, across repeated header lines', () => {
    const list = texts(
      {
        status: 401,
        headers: [
          { name: 'WWW-Authenticate', value: 'Basic realm="files", charset="UTF-8"' },
          { name: 'www-authenticate', value: 'Negotiate' },
        ],
      },
      'auth',
    );
    expect(list).toHaveLength(2);
    expect(list[0]).toContain('user name and password');
    expect(list[0]).toContain('files');
    expect(list[1]).toContain('Negotiate');
  });

  it('says when a 401 has no challenge', () => {
    expect(texts({ status: 401 }, 'auth')[0]).toContain('without WWW-Authenticate');
  });

  it('does not claim a 401 lacks a challenge when only a page script’s view of the headers was recorded', () => {
    // Polly.JS in the page (Spotify's 401s in the corpus): Content-Type and Content-Length only,
    // no Date. The browser never shows WWW-Authenticate to script unless the server exposes it,
    // as http/unauthorized-challenge knows; the hint must not say the server left it out.
    const [text] = texts(
      { status: 401, headers: { 'content-length': '92', 'content-type': 'application/json' } },
      'auth',
    );
    expect(text).not.toContain('does not say');
    expect(text).toContain('hides WWW-Authenticate from scripts');
    expect(
      texts({ status: 401, headers: { 'Content-Type': 'application/json', Date: 'x' } }, 'auth')[0],
    ).toContain('the server does not say which kind of credentials it wants');
  });

  it('reads Proxy-Authenticate on a 407', () => {
    const [text] = texts(
      { status: 407, headers: { 'Proxy-Authenticate': 'Basic realm="corp-proxy"' } },
      'auth',
    );
    expect(text).toContain('corp-proxy');
  });

  it('never throws on malformed challenges and says when it guessed', () => {
    const bad = [
      '"',
      '=',
      'Bearer realm="unterminated',
      ',,,,',
      'Bearer realm="a" error=',
      '\u0000\u0007',
      'x'.repeat(50_000),
    ];
    for (const value of bad) {
      const list = texts({ status: 401, headers: { 'WWW-Authenticate': value } }, 'auth');
      expect(list.length, JSON.stringify(value.slice(0, 20))).toBeGreaterThan(0);
      for (const t of list) expect([...t].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    }
    expect(texts({ status: 401, headers: { 'WWW-Authenticate': '"' } }, 'auth')[0]).toContain(
      'no readable challenge',
    );
    expect(
      texts({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="unterminated' } }, 'auth'),
    ).toContainEqual(expect.stringContaining('malformed'));
  });
});

describe('retry hints', () => {
  it('turns Retry-After seconds into a wait', () => {
    expect(texts({ status: 429, headers: { 'Retry-After': '120' } }, 'retry')).toEqual([
      expect.stringContaining('Retry in 120 s'),
    ]);
    expect(texts({ status: 503, headers: { 'Retry-After': '30' } }, 'retry')[0]).toContain('Retry in 30 s');
  });

  it('turns a Retry-After HTTP-date into a UTC time', () => {
    const [text] = texts(
      { status: 503, headers: { 'Retry-After': 'Sat, 01 Mar 2025 12:30:00 GMT' } },
      'retry',
    );
    expect(text).toContain('Retry at 12:30 (UTC)');
    expect(text).toContain('30 min');
  });

  it('adds the day when the date is not today', () => {
    const [text] = texts(
      { status: 503, headers: { 'Retry-After': 'Sun, 02 Mar 2025 08:05:00 GMT' } },
      'retry',
    );
    expect(text).toContain('Retry at 08:05 (UTC) on 2025-03-02');
  });

  it('says when the date has passed', () => {
    const [text] = texts(
      { status: 503, headers: { 'Retry-After': 'Sat, 01 Mar 2025 11:00:00 GMT' } },
      'retry',
    );
    expect(text).toContain('already passed');
  });

  it('flags garbage Retry-After values', () => {
    for (const value of ['soon', '-1', '1.5', '', '\u0000']) {
      const [text] = texts({ status: 429, headers: { 'Retry-After': value } }, 'retry');
      expect(text, value).toContain('neither a number of seconds nor an HTTP date');
    }
  });

  it('uses RateLimit-Reset and X-RateLimit-Reset on a 429', () => {
    expect(texts({ status: 429, headers: { 'RateLimit-Reset': '45' } }, 'retry')[0]).toContain(
      'Retry in 45 s',
    );
    expect(texts({ status: 429, headers: { 'X-RateLimit-Reset': '90' } }, 'retry')[0]).toContain(
      'Retry in 90 s',
    );
    // Unix time, as GitHub sends it: 2025-03-01T12:10:00Z.
    expect(texts({ status: 429, headers: { 'X-RateLimit-Reset': '1740831000' } }, 'retry')[0]).toContain(
      'Retry at 12:10 (UTC)',
    );
    expect(texts({ status: 429, headers: { RateLimit: '"default";r=0;t=20' } }, 'retry')[0]).toContain(
      'Retry in 20 s',
    );
    expect(texts({ status: 429, headers: { 'X-RateLimit-Reset': 'later' } }, 'retry')[0]).toContain(
      'not a number',
    );
  });

  it('reads a reset only when its quota is spent (GitLab sends its global quota on a per-endpoint 429)', () => {
    const gitlab = {
      'RateLimit-Remaining': '1990',
      'RateLimit-Reset': '1678722999',
      'RateLimit-Limit': '2000',
    };
    const [text] = texts({ status: 429, headers: gitlab }, 'retry');
    expect(text).toContain(
      'No Retry-After, and RateLimit-Reset resets a quota that is not spent (RateLimit-Remaining: 1990)',
    );
    expect(text).toContain('back off');
    expect(text).not.toContain('Retry at');
    const spent = { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '90' };
    expect(texts({ status: 429, headers: spent }, 'retry')[0]).toContain('Retry in 90 s');
    // The structured field: the policy that ran out, not the first one listed.
    const policies = { RateLimit: '"day";r=500;t=3600, "minute";r=0;t=20' };
    expect(texts({ status: 429, headers: policies }, 'retry')[0]).toContain('Retry in 20 s');
  });

  it('prefers Retry-After over rate-limit headers', () => {
    const list = texts({ status: 429, headers: { 'Retry-After': '5', 'X-RateLimit-Reset': '90' } }, 'retry');
    expect(list).toEqual([expect.stringContaining('Retry in 5 s')]);
  });

  it('advises backoff when nothing says when', () => {
    expect(texts({ status: 429 }, 'retry')[0]).toContain('back off');
    expect(texts({ status: 503 }, 'retry')[0]).toContain('back off');
    expect(texts({ status: 500 }, 'retry')).toEqual([]);
  });
});

describe('failed requests', () => {
  it('points to the network error entry', () => {
    expect(hints({ status: 0, failure: 'net::ERR_CONNECTION_REFUSED' })).toEqual([
      { kind: 'retry', text: expect.stringContaining('refused'), ref: 'net::ERR_CONNECTION_REFUSED' },
    ]);
    expect(hints({ status: 0, failure: '(failed)net::ERR_FAILED' })[0]?.ref).toBe('net::ERR_FAILED');
  });

  it('falls back to the status 0 entry', () => {
    expect(hints({ status: 0, failure: 'Something odd' })[0]).toMatchObject({
      ref: 0,
      text: expect.stringContaining('Something odd'),
    });
    expect(hints({ status: 0 })[0]).toMatchObject({ ref: 0 });
  });
});

describe('robustness', () => {
  it('never throws, even on an exchange that breaks its type', () => {
    const broken = {
      ...makeExchange({ status: 401 }),
      responseHeaders: [{ name: undefined, value: 5 }],
    } as unknown as Exchange;
    expect(() => statusHints(broken, NOW)).not.toThrow();
    expect(() => statusHints(makeExchange({ status: 429 }), new Date(Number.NaN))).not.toThrow();
  });
});

describe('CORS hints', () => {
  const ORIGIN = 'https://app.example';
  /** A fetch Chromium blocked after the response arrived, as normalised from its HAR entry. */
  function blocked(spec: ExchangeSpec): Exchange {
    const ex = makeExchange({ ...spec, status: 0, failure: 'net::ERR_FAILED' });
    ex.serverStatus = 200;
    return ex;
  }
  const cors = (ex: Exchange) =>
    statusHints(ex, NOW)
      .filter((h) => h.kind === 'cors')
      .map((h) => h.text);

  it('says the server answered and the browser withheld the response, from the net error entry', () => {
    const all = statusHints(blocked({ requestHeaders: { Origin: ORIGIN } }), NOW);
    expect(all[0]!.text).toContain('The server answered 200');
    expect(all.some((h) => h.ref === 'net::ERR_FAILED' && h.text.startsWith('net::ERR_FAILED:'))).toBe(true);
  });

  it('names a missing Access-Control-Allow-Origin', () => {
    expect(cors(blocked({ requestHeaders: { Origin: ORIGIN } }))).toEqual([
      `The response has no Access-Control-Allow-Origin header, so the browser withheld it from the page at ${ORIGIN}.`,
    ]);
  });

  it('names an Access-Control-Allow-Origin that does not match the request Origin', () => {
    const [text] = cors(
      blocked({
        requestHeaders: { Origin: ORIGIN },
        headers: { 'Access-Control-Allow-Origin': `${ORIGIN}/` },
      }),
    );
    expect(text).toContain(
      `Access-Control-Allow-Origin is "${ORIGIN}/", but the request came from "${ORIGIN}"`,
    );
  });

  it('names more than one origin in Access-Control-Allow-Origin', () => {
    const [text] = cors(
      blocked({
        requestHeaders: { Origin: ORIGIN },
        headers: { 'Access-Control-Allow-Origin': `${ORIGIN}, https://b.example` },
      }),
    );
    expect(text).toContain('lists more than one origin');
  });

  it('names credentials sent without Access-Control-Allow-Credentials: true', () => {
    const [text] = cors(
      blocked({
        requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
        headers: { 'Access-Control-Allow-Origin': ORIGIN },
      }),
    );
    expect(text).toContain('The request carried credentials (Cookie)');
    expect(text).toContain('Access-Control-Allow-Credentials: true, which is missing');
    const [wrongCase] = cors(
      blocked({
        requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
        headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'TRUE' },
      }),
    );
    expect(wrongCase).toContain('which is "TRUE"');
  });

  it('names a wildcard origin on a request with credentials', () => {
    const [text] = cors(
      blocked({
        requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      }),
    );
    expect(text).toContain('Access-Control-Allow-Origin: * does not cover a request with credentials');
  });

  it('claims no cause the headers do not show', () => {
    // Allowed origin, credentials allowed: the headers do not explain the failure.
    expect(
      cors(
        blocked({
          requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
          headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'true' },
        }),
      ),
    ).toEqual([]);
    // No Origin on the request: not known to be cross-origin.
    expect(cors(blocked({}))).toEqual([]);
    // Another net error is not a CORS failure.
    const aborted = makeExchange({
      status: 0,
      failure: 'net::ERR_ABORTED',
      requestHeaders: { Origin: ORIGIN },
    });
    aborted.serverStatus = 200;
    expect(cors(aborted)).toEqual([]);
    // A response the page received is not blocked.
    expect(cors(makeExchange({ status: 200, requestHeaders: { Origin: ORIGIN } }))).toEqual([]);
  });

  const preflight = (requestHeaders: Record<string, string>, headers: Record<string, string>, status = 204) =>
    makeExchange({
      method: 'OPTIONS',
      status,
      requestHeaders: { Origin: ORIGIN, ...requestHeaders },
      headers: { 'Access-Control-Allow-Origin': ORIGIN, ...headers },
    });

  it('names a preflight that does not allow the requested method', () => {
    const [text] = cors(
      preflight({ 'Access-Control-Request-Method': 'PUT' }, { 'Access-Control-Allow-Methods': 'GET, POST' }),
    );
    expect(text).toBe(
      'The preflight asks to send PUT, but Access-Control-Allow-Methods allows only "GET, POST".',
    );
    expect(
      cors(
        preflight({ 'Access-Control-Request-Method': 'PUT' }, { 'Access-Control-Allow-Methods': 'GET, PUT' }),
      ),
    ).toEqual([]);
  });

  it('names a preflight that does not allow a requested header; * does not cover Authorization', () => {
    const [text] = cors(
      preflight(
        {
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'content-type,x-api-key',
        },
        { 'Access-Control-Allow-Headers': 'Content-Type' },
      ),
    );
    expect(text).toContain('asks to send x-api-key, which Access-Control-Allow-Headers does not allow');
    const [auth] = cors(
      preflight(
        { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,x-trace' },
        { 'Access-Control-Allow-Headers': '*' },
      ),
    );
    expect(auth).toContain('asks to send authorization,');
    expect(auth).not.toContain('x-trace,');
    // Two refused headers read as a list in a sentence (text/first-few.ts), as every "… and N more" does.
    const [two] = cors(
      preflight(
        { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-a,x-b' },
        { 'Access-Control-Allow-Headers': 'Content-Type' },
      ),
    );
    expect(two).toContain('asks to send x-a and x-b, which Access-Control-Allow-Headers does not allow');
  });

  it('says a preflight without Access-Control-Allow-Origin kept the request from being sent (its answer never reaches the page)', () => {
    const ex = makeExchange({
      method: 'OPTIONS',
      status: 204,
      requestHeaders: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' },
      headers: { 'Access-Control-Allow-Methods': 'PUT' },
    });
    expect(cors(ex)).toEqual([
      `The preflight's answer has no Access-Control-Allow-Origin header, so the browser did not send the request the page at ${ORIGIN} asked for.`,
    ]);
  });

  it('names a preflight answered with a non-2xx status', () => {
    expect(cors(preflight({ 'Access-Control-Request-Method': 'GET' }, {}, 404))).toContain(
      'A preflight must be answered with a 2xx status; the server answered 404.',
    );
  });
});

describe('CORS hints on hostile headers', () => {
  it('names at most five refused headers, however many the preflight lists', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `x-h${i}`).join(',');
    const ex = makeExchange({
      method: 'OPTIONS',
      status: 204,
      requestHeaders: {
        Origin: 'https://a.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': names,
      },
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type' },
    });
    const [text] = statusHints(ex, NOW)
      .filter((h) => h.kind === 'cors')
      .map((h) => h.text);
    expect(text).toContain('x-h0, x-h1, x-h2, x-h3, x-h4 and 49995 more');
    expect(text!.length).toBeLessThan(400);
  });
});
