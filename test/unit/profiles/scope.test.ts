import { describe, expect, it } from 'vitest';
import {
  compileScope,
  describeScope,
  globMatch,
  hostPattern,
  parseUrlPattern,
} from '../../../src/core/profiles/scope';
import { makeExchange } from '../../helpers/exchange';
import { expectLinearScaling } from '../../helpers/scaling';

const JSON_CT = { 'Content-Type': 'application/json' };

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

  it('glob matching stays fast on hostile input', { timeout: 60_000 }, () => {
    expect(globMatch('*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    // Fast means linear: t(8n) near 8 × t(n), where backtracking over the stars grows as a
    // power of n (see scaling.ts for why a ratio and not a wall-clock limit).
    expectLinearScaling(
      (size) => 'a'.repeat(size),
      (text) => expect(globMatch('*a*a*a*a*a*a*b', text)).toBe(false),
      { n: 5_000, maxSize: 4_000_000 },
    );
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
