import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from '../../../src/core/export/curl';
import { REDACTED } from '../../../src/core/export/redact';
import { makeExchange } from '../../helpers/exchange';

/**
 * Runs the command in a real POSIX shell with `curl` replaced by a function that prints each
 * argument NUL-terminated: what comes back is exactly what curl would have received.
 */
function argvOf(command: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}\n`;
  const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const HOSTILE = [
  "it's",
  '$(touch /tmp/pwned)',
  '`id`',
  '"; rm -rf / #',
  'line1\nline2\r\nline3',
  "'\\''",
  '\\',
  '!history',
  '${HOME}',
  "';echo pwned;'",
];

describe('shellQuote', () => {
  it('round-trips hostile strings through sh unchanged', () => {
    for (const s of HOSTILE) expect(argvOf(`curl ${shellQuote(s)}`)).toEqual([s]);
  });

  it('round-trips arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const clean = s.replace(/\0/g, '');
        expect(argvOf(`curl ${shellQuote(s)}`)).toEqual([clean]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('toCurl', () => {
  it('builds a GET with headers and --compressed for Accept-Encoding', () => {
    const ex = makeExchange({
      url: 'https://api.example.com/things?page=2',
      requestHeaders: {
        Accept: 'application/json',
        'Accept-Encoding': 'gzip, br',
        ':authority': 'api.example.com',
      },
    });
    const cmd = toCurl(ex);
    expect(cmd).toBe(
      "curl 'https://api.example.com/things?page=2' \\\n  -H 'Accept: application/json' \\\n  --compressed",
    );
    expect(argvOf(cmd)).toEqual([
      'https://api.example.com/things?page=2',
      '-H',
      'Accept: application/json',
      '--compressed',
    ]);
  });

  it('sends the body with --data-raw and drops Content-Length', () => {
    const ex = makeExchange({
      method: 'POST',
      requestHeaders: { 'Content-Type': 'application/json', 'Content-Length': '9' },
    });
    ex.requestBody = { mimeType: 'application/json', text: '{"a":"b"}' };
    expect(argvOf(toCurl(ex))).toEqual([
      'https://api.example.com/things',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      '{"a":"b"}',
    ]);
  });

  it('names methods other than GET and POST-with-body, and uses --head for HEAD', () => {
    expect(argvOf(toCurl(makeExchange({ method: 'DELETE' })))).toEqual([
      'https://api.example.com/things',
      '-X',
      'DELETE',
    ]);
    expect(argvOf(toCurl(makeExchange({ method: 'POST' })))).toEqual([
      'https://api.example.com/things',
      '-X',
      'POST',
    ]);
    expect(argvOf(toCurl(makeExchange({ method: 'HEAD' })))).toEqual([
      'https://api.example.com/things',
      '--head',
    ]);
  });

  it('sends an empty header as "Name;" (curl drops "Name:")', () => {
    expect(argvOf(toCurl(makeExchange({ requestHeaders: { 'X-Empty': '' } })))).toContain('X-Empty;');
  });

  it('keeps hostile URLs, headers, methods and bodies inert', () => {
    const ex = makeExchange({
      method: "PATCH'; touch /tmp/x; '",
      url: "https://a.example/$(id)?q='`id`'\n",
      requestHeaders: { 'X-Evil': '$(rm -rf ~)\'"\nnext' },
    });
    ex.requestBody = { mimeType: 'text/plain', text: "'; echo pwned; '\n$(whoami)" };
    const argv = argvOf(toCurl(ex, { redact: false }));
    expect(argv).toEqual([
      "https://a.example/$(id)?q='`id`'\n",
      '-X',
      "PATCH'; touch /tmp/x; '",
      '-H',
      'X-Evil: $(rm -rf ~)\'"\nnext',
      '--data-raw',
      "'; echo pwned; '\n$(whoami)",
    ]);
  });

  it('turns off URL globbing when the URL has brackets or braces, and guards a leading dash', () => {
    expect(argvOf(toCurl(makeExchange({ url: 'https://a.example/?ids[]=1&x={y}' })))[0]).toBe('--globoff');
    expect(argvOf(toCurl(makeExchange({ url: '-o/tmp/x' })))).toEqual(['--url', '-o/tmp/x']);
  });

  it('redacts secrets by default', () => {
    const ex = makeExchange({
      url: 'https://a.example/cb?code=abc&state=ok',
      requestHeaders: {
        Authorization: 'Bearer s3cr3t',
        Cookie: 'sid=1',
        'X-Api-Key': 'k',
        'X-Auth-Token': 't',
        Accept: '*/*',
      },
    });
    ex.requestBody = {
      mimeType: 'application/x-www-form-urlencoded',
      text: 'grant_type=x&client_secret=zzz',
    };
    const cmd = toCurl(ex);
    expect(cmd).not.toMatch(/s3cr3t|sid=1|zzz|code=abc|'X-Api-Key: k'|X-Auth-Token: t'/);
    expect(argvOf(cmd)).toEqual([
      '--globoff',
      `https://a.example/cb?code=${REDACTED}&state=ok`,
      '-H',
      `Authorization: ${REDACTED}`,
      '-H',
      `Cookie: ${REDACTED}`,
      '-H',
      `X-Api-Key: ${REDACTED}`,
      '-H',
      `X-Auth-Token: ${REDACTED}`,
      '-H',
      'Accept: */*',
      '--data-raw',
      `grant_type=x&client_secret=${REDACTED}`,
    ]);
  });

  it('includes secrets when asked, and honours configured names', () => {
    const ex = makeExchange({
      url: 'https://a.example/?sess=1',
      requestHeaders: { Authorization: 'Bearer s3cr3t', 'X-Tenant': 't1' },
    });
    expect(toCurl(ex, { redact: false })).toContain('Bearer s3cr3t');
    const custom = toCurl(ex, { redaction: { headers: ['x-tenant'], queryParams: ['sess'] } });
    expect(custom).toContain(`X-Tenant: ${REDACTED}`);
    expect(custom).toContain(`Authorization: ${REDACTED}`);
    expect(custom).toContain(`sess=${REDACTED}`);
  });
});
