import { gzipSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { normalizeHarEntry } from '../../../src/core/har/normalize';
import { defaultSettings } from '../../../src/core/settings/schema';
import { harEntry } from '../../helpers/har';

const PAGE = '<!doctype html><html><head><title>Users</title></head><body><h1>Users</h1></body></html>';

/** How Polly.JS 1.x records a content-encoded body: the compressed bytes as hex chunks in a JSON array. */
function pollyText(bytes: Buffer, chunk = 32): string {
  const hex = bytes.toString('hex');
  const chunks: string[] = [];
  for (let i = 0; i < hex.length; i += chunk * 2) chunks.push(hex.slice(i, i + chunk * 2));
  return JSON.stringify(chunks);
}

/**
 * How Polly.JS 6+ records one (pkgprobe_github-ratelimit.har in the real-world corpus): the
 * compressed bytes as base64 chunks in a JSON array, with `content.encoding: "base64"`.
 */
function polly6Text(bytes: Buffer, chunk = 32): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk).toString('base64'));
  return JSON.stringify(chunks);
}

function exchangeOf(text: string, headers: Record<string, string>, encoding?: string) {
  const r = normalizeHarEntry(
    harEntry({ url: 'https://example.com/users', status: 200, headers, text, encoding }),
    'p',
  );
  if (!r.ok) throw new Error(r.error);
  return r.exchange;
}

describe('bodies a recorder kept in its own encoding', () => {
  it('reads a Polly.JS gzip body (hex chunks) as still encoded, not as a JSON array', () => {
    const gz = gzipSync(PAGE);
    const ex = exchangeOf(pollyText(gz), {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Encoding': 'gzip',
    });
    // A correctly labelled HTML page is not a "mislabelled JSON array".
    const rules = analyzeExchange(ex, activeRules(defaultSettings())).findings.map((f) => f.rule);
    expect(rules).not.toContain('body/content-type-mismatch');
    expect(ex.body).toEqual({ kind: 'unknown', reason: 'still-encoded', size: gz.length });
  });

  it('knows deflate (zlib) and brotli-looking bytes too', () => {
    const z = exchangeOf(pollyText(deflateSync(PAGE)), {
      'Content-Type': 'text/html',
      'Content-Encoding': 'deflate',
    });
    expect(z.body).toMatchObject({ kind: 'unknown', reason: 'still-encoded' });
    const br = exchangeOf(JSON.stringify(['8b0b80ff', 'c3e1']), {
      'Content-Type': 'text/html',
      'Content-Encoding': 'br',
    });
    expect(br.body).toMatchObject({ kind: 'unknown', reason: 'still-encoded', size: 6 });
  });

  it('leaves an API answer that is an array of hex strings alone', () => {
    const hashes = JSON.stringify(['1f8b', 'deadbeef']);
    // No Content-Encoding: the text is what the server sent.
    expect(exchangeOf(hashes, { 'Content-Type': 'application/json' }).body).toMatchObject({ kind: 'text' });
    // Chrome records gzip responses decoded: the bytes of these strings are not gzip output.
    const decoded = JSON.stringify(['abcd', '0011']);
    expect(
      exchangeOf(decoded, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).body,
    ).toMatchObject({ kind: 'text', text: decoded });
    // UTF-8 text under br is not compressed output either.
    const ascii = JSON.stringify(['68656c6c6f']);
    expect(
      exchangeOf(ascii, { 'Content-Type': 'application/json', 'Content-Encoding': 'br' }).body,
    ).toMatchObject({
      kind: 'text',
    });
  });

  it('reads a Polly.JS 6 gzip body (base64 chunks) as still encoded, not as base64 that does not decode', () => {
    const gz = gzipSync(JSON.stringify({ total_count: 2, items: [{ name: 'package.json' }] }));
    const ex = exchangeOf(
      polly6Text(gz),
      { 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': 'gzip' },
      'base64',
    );
    expect(ex.body).toEqual({ kind: 'unknown', reason: 'still-encoded', size: gz.length });
  });

  it('still calls broken base64 broken, and reads a plain base64 body as usual', () => {
    const gzipHeaders = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
    // Chunks that are not base64, or whose bytes are not gzip output, are no Polly record.
    expect(exchangeOf('["H4sI*AAA"]', gzipHeaders, 'base64').body).toEqual({
      kind: 'unknown',
      reason: 'decode-failed',
    });
    expect(exchangeOf(JSON.stringify(['aGVsbG8=']), gzipHeaders, 'base64').body).toEqual({
      kind: 'unknown',
      reason: 'decode-failed',
    });
    // One base64 string (Chrome's way for a binary body) is decoded as before.
    const page = Buffer.from('{"ok":true}').toString('base64');
    expect(exchangeOf(page, gzipHeaders, 'base64').body).toMatchObject({ kind: 'text', text: '{"ok":true}' });
  });
});
