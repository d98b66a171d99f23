import { describe, expect, it } from 'vitest';
import { exchangeFacts } from '../../../src/core/filter/query';
import type { Row } from '../../../src/state/panel-store';
import { summarizeRows } from '../../../src/surfaces/panel/summarize';
import { makeExchange } from '../../helpers/exchange';

/** The panel's tab summary is stored (chrome.storage.session) and shown by the popup: credentials stay out. */
describe('the panel’s tab summary keeps credentials in URLs out', () => {
  const summarise = (url: string, names?: string[]) => {
    const exchange = makeExchange({ url, status: 500 });
    const rows: Row[] = [
      {
        exchange,
        seq: 0,
        start: 0,
        facts: exchangeFacts(exchange),
        analysis: { findings: [], problems: [] },
      },
    ];
    const settings = names ? { redaction: { headers: [], queryParams: names } } : undefined;
    return summarizeRows(rows, 1, settings).recent[0]!.path;
  };

  it('redacts token parameters and token-shaped values, keeping the rest of the path', () => {
    const path = summarise(
      'https://api.example.test/v1/items?access_token=tok-123&page=2&x=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    );
    expect(path).toBe('/v1/items?access_token=[REDACTED]&page=2&x=[REDACTED]');
  });

  it('follows the redaction settings, on top of the built-in credential names', () => {
    expect(summarise('https://x.test/a?tenant=abc&page=2', ['tenant'])).toBe('/a?tenant=[REDACTED]&page=2');
    expect(summarise('https://x.test/a?tenant=abc', [])).toBe('/a?tenant=abc');
    // The built-in vocabulary cannot be switched off by an empty list (#14).
    expect(summarise('https://x.test/a?access_token=abc', [])).toBe('/a?access_token=[REDACTED]');
  });

  it('redacts secrets in the path: a key in a segment, a reset JWT (#14)', () => {
    const key = 'gh' + 'p_' + 'a1B2c3D4e5'.repeat(4).slice(0, 36);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256' })}.${b64({ sub: '1' })}.${'Sf1KxwRJ'.repeat(5)}`;
    expect(summarise(`https://x.test/keys/${key}/rotate`)).toBe('/keys/[REDACTED]/rotate');
    expect(summarise(`https://x.test/reset/${jwt}`)).toBe('/reset/[REDACTED]');
  });

  it('redacts a token that the 300-character path limit would cut in half', () => {
    const token = `ghp_${'a'.repeat(36)}`;
    const path = summarise(`https://x.test/${'p'.repeat(280)}?x=${token}`);
    expect(path).not.toContain('ghp_aaaa');
  });

  it('redacts in URLs it cannot parse, and in paths cut short', () => {
    expect(summarise('not a url?api_key=k-999')).not.toContain('k-999');
    const cut = summarise(`https://x.test/${'a'.repeat(280)}?token=${'s'.repeat(10_000)}`);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut).not.toContain('sss');
  });
});
