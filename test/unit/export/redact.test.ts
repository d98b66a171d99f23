import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  redactBody,
  redactBodySecrets,
  redactHeaders,
  redactionNames,
  redactJsonMembers,
  redactParams,
  redactor,
  redactUrl,
} from '../../../src/core/export/redact';
import { DEFAULT_REDACTED_HEADERS, DEFAULT_REDACTED_QUERY } from '../../../src/core/settings/schema';
import { expectLinearScaling } from '../../helpers/scaling';

const GITHUB = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
const AWS = 'AKIAABCDEFGHIJKLMNOP';

describe('redactHeaders', () => {
  it('replaces listed headers case-insensitively and keeps the others', () => {
    const out = redactHeaders(
      [
        { name: 'AUTHORIZATION', value: 'Bearer abc' },
        { name: 'Accept', value: 'application/json' },
        { name: 'x-custom-token', value: 'zzz' },
      ],
      ['authorization', 'X-Custom-Token'],
    );
    expect(out).toEqual([
      { name: 'AUTHORIZATION', value: REDACTED },
      { name: 'Accept', value: 'application/json' },
      { name: 'x-custom-token', value: REDACTED },
    ]);
  });

  it('redacts credential-shaped text in headers that are not listed', () => {
    const [h] = redactHeaders([{ name: 'X-Debug', value: `key=${GITHUB};` }], []);
    expect(h!.value).toBe(`key=${REDACTED};`);
  });

  it('redacts token parameters inside URL-valued headers, and named values in any header', () => {
    const out = redactHeaders([
      { name: 'Location', value: 'https://a.example/cb?code=abc' },
      { name: 'Referer', value: 'https://a.example/?token=t' },
      { name: 'X-Other', value: 'https://a.example/?token=t&page=2' },
      { name: 'X-Plain', value: 'https://a.example/?page=2' },
    ]);
    expect(out.map((h) => h.value)).toEqual([
      `https://a.example/cb?code=${REDACTED}`,
      `https://a.example/?token=${REDACTED}`,
      `https://a.example/?token=${REDACTED}&page=2`,
      'https://a.example/?page=2',
    ]);
  });

  it('does not modify its input', () => {
    const input = [{ name: 'Cookie', value: 'a=b' }];
    redactHeaders(input, ['cookie']);
    expect(input[0]!.value).toBe('a=b');
  });
});

describe('redactionNames (defaults)', () => {
  it('uses the settings defaults', () => {
    const n = redactionNames();
    expect(n.headers).toEqual(DEFAULT_REDACTED_HEADERS);
    expect(n.queryParams).toEqual(DEFAULT_REDACTED_QUERY);
  });

  it('keeps Authorization, Cookie, Set-Cookie and X-Api-Key even when the settings lists are empty', () => {
    const headers = ['Authorization', 'Proxy-Authorization', 'Cookie', 'Set-Cookie', 'X-Api-Key'];
    const out = redactHeaders(
      headers.map((name) => ({ name, value: 'opaque' })),
      redactor({ headers: [], queryParams: [] }),
    );
    expect(out.map((h) => h.value)).toEqual(headers.map(() => REDACTED));
  });
});

describe('redactUrl', () => {
  it('redacts token-like parameters, case-insensitively, leaving the rest byte-identical', () => {
    expect(redactUrl('https://a.example/p?Access_Token=abc&q=x%20y&page=2', DEFAULT_REDACTED_QUERY)).toBe(
      `https://a.example/p?Access_Token=${REDACTED}&q=x%20y&page=2`,
    );
  });

  it('matches encoded parameter names', () => {
    expect(redactUrl('https://a.example/?api%5Fkey=1', ['api_key'])).toBe(
      `https://a.example/?api%5Fkey=${REDACTED}`,
    );
  });

  it('redacts OAuth fragments and user-info passwords', () => {
    expect(redactUrl('https://bob:hunter2@a.example/cb#access_token=xyz&state=1', ['access_token'])).toBe(
      `https://bob:${REDACTED}@a.example/cb#access_token=${REDACTED}&state=1`,
    );
  });

  it('leaves a plain fragment and parameters without values alone', () => {
    expect(redactUrl('https://a.example/?token#section', ['token'])).toBe('https://a.example/?token#section');
  });

  it('redacts a parameter whose value is a known secret even when its name is not listed', () => {
    expect(redactUrl(`https://a.example/?q=${AWS}`, [])).toBe(`https://a.example/?q=${REDACTED}`);
  });

  it('copes with malformed escapes and odd input', () => {
    expect(redactUrl('https://a.example/?%zz=1&token=%E0%A4%A', ['token'])).toBe(
      `https://a.example/?%zz=1&token=${REDACTED}`,
    );
    expect(redactUrl('', ['token'])).toBe('');
    expect(redactUrl('not a url?token=1', ['token'])).toBe(`not a url?token=${REDACTED}`);
  });
});

describe('redactParams', () => {
  it('returns the same string when nothing matches', () => {
    const q = 'a=1&&b=2&c';
    expect(redactParams(q, ['token'])).toBe(q);
  });
});

describe('redactBodySecrets', () => {
  it('replaces each secret span with [REDACTED]', () => {
    expect(redactBodySecrets(`{"k":"${GITHUB}","aws":"${AWS}"}`)).toBe(
      `{"k":"${REDACTED}","aws":"${REDACTED}"}`,
    );
  });

  it('leaves text without secrets unchanged (same string)', () => {
    const t = 'nothing to see';
    expect(redactBodySecrets(t)).toBe(t);
  });

  it('redacts a whole PEM private key, not only its header line', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc+/=\n-----END RSA PRIVATE KEY-----';
    expect(redactBodySecrets(`before ${pem} after`)).toBe(`before ${REDACTED} after`);
  });

  it('redacts a PEM key written inside a JSON string', () => {
    const json = JSON.stringify({
      key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n',
    });
    const out = redactBodySecrets(json);
    expect(out).not.toContain('MIIEvQ');
    expect(out).toContain(REDACTED);
  });

  it('redacts an unterminated PEM key inside a JSON string up to the closing quote', () => {
    const json = JSON.stringify({
      key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nQUJD\n',
      other: 'kept',
    });
    const out = redactBodySecrets(json);
    expect(out).not.toMatch(/MIIEvQ|QUJD/);
    expect(JSON.parse(out)).toEqual({ key: REDACTED, other: 'kept' });
  });

  it('redacts the base64 run after a PEM header with no END line', () => {
    const out = redactBodySecrets('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n\nNext paragraph');
    expect(out).not.toContain('MIIEvQ');
    expect(out).toContain('Next paragraph');
  });
});

describe('redactJsonMembers', () => {
  it('replaces credential members at any depth, keeping formatting', () => {
    const text =
      '{\n  "user": "bob",\n  "password" : "p\\"w",\n  "nested": {"Token": {"a": [1, "]"]}, "n": 1}\n}';
    const out = redactJsonMembers(text, ['password', 'token']);
    expect(out).toBe(
      '{\n  "user": "bob",\n  "password" : "[REDACTED]",\n  "nested": {"Token": "[REDACTED]", "n": 1}\n}',
    );
    expect(JSON.parse(out)).toEqual({ user: 'bob', password: REDACTED, nested: { Token: REDACTED, n: 1 } });
  });

  it('does not treat string values as keys', () => {
    const text = '["password", {"x": "password"}]';
    expect(redactJsonMembers(text, ['password'])).toBe(text);
  });

  it('handles numbers and escaped key names, and leaves null and booleans (they hide nothing)', () => {
    const out = redactJsonMembers('{"secret":123,"pass\\u0077ord":"x","token":null,"ok":true}', [
      'secret',
      'password',
      'token',
    ]);
    expect(JSON.parse(out)).toEqual({ secret: REDACTED, password: REDACTED, token: null, ok: true });
  });

  it('is iterative on deeply nested input', () => {
    const deep = '['.repeat(50_000) + '{"token":"x"}' + ']'.repeat(50_000);
    const out = redactJsonMembers(deep, ['token']);
    expect(out).toContain('"token":"[REDACTED]"');
  });
});

describe('redactBody', () => {
  it('redacts form fields by the query-parameter names', () => {
    expect(
      redactBody('user=bob&password=hunter2', 'application/x-www-form-urlencoded; charset=UTF-8', [
        'password',
      ]),
    ).toBe(`user=bob&password=${REDACTED}`);
  });

  it('redacts JSON credential members but not ordinary "code" or "key" members', () => {
    const out = redactBody(
      '{"code":"E42","key":"user-1","client_secret":"s3"}',
      'application/json',
      DEFAULT_REDACTED_QUERY,
    );
    expect(JSON.parse(out)).toEqual({ code: 'E42', key: 'user-1', client_secret: REDACTED });
  });

  it('redacts secrets in any text', () => {
    expect(redactBody(`token is ${AWS}`, 'text/plain', [])).toBe(`token is ${REDACTED}`);
  });
});

describe('redaction cost on hostile bodies (#14)', () => {
  // Before: the END line was searched for from every header to the end of the text, 58.6 s for
  // 2 MB. Linear now: t(8n) stays near 8 × t(n), where that search gave 64× (see scaling.ts for
  // why a ratio and not a wall-clock limit).
  it('redacts 2 MB of PEM headers without END lines in linear time', { timeout: 60_000 }, () => {
    const headers = (count: number) => '-----BEGIN PRIVATE KEY-----\n'.repeat(count);
    expect(redactBodySecrets(headers(Math.ceil((2 * 1024 * 1024) / 28)))).not.toContain('BEGIN PRIVATE KEY');
    expectLinearScaling(headers, (text) => redactBodySecrets(text), { n: 200, maxSize: 600_000 });
  });
});
