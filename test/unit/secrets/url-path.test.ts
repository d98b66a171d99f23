import { describe, expect, it } from 'vitest';
import { makeExchange } from '../../helpers/exchange';
import { analyzeExchange, DEFAULT_LIMITS } from '../../../src/core/engine/analyze';
import { redactUrl } from '../../../src/core/export/redact';
import secretInUrl from '../../../src/core/rules/security/secret-in-url';
import { findCookieless, pathParams } from '../../../src/core/secrets/url-path';

const SID = 'pvnzao4525kprh2z121oqv55';
const TICKET = 'A1B2C3D4'.repeat(8);
const JSID = '0A1B2C3D4E5F60718293A4B5C6D7E8F9';

describe('credentials in a URL path (one definition for the rule and the redaction)', () => {
  it('finds each ASP.NET cookieless credential, not the cookie probe', () => {
    const text = `/(X(1)S(${SID})F(${TICKET}))/a.aspx`;
    expect(findCookieless(text).map((c) => [c.kind, text.slice(c.index, c.index + c.length)])).toEqual([
      ['S', SID],
      ['F', TICKET],
    ]);
    expect(findCookieless('/(X(1))/a.aspx')).toEqual([]);
    expect(findCookieless('/wiki/Set_(mathematics)/(S)/x(S(1))/')).toEqual([]);
  });

  it('finds ;name=value path parameters with their values', () => {
    const path = `/cart;jsessionid=${JSID};v=2/list;x=`;
    expect(pathParams(path).map((p) => [p.name, path.slice(p.index, p.index + p.length)])).toEqual([
      ['jsessionid', JSID],
      ['v', '2'],
      ['x', ''],
    ]);
  });

  // What the rule reports in a path, an export hides: the same detector decides both.
  it.each([
    `https://wap.example/(X(1)S(${SID}))/i.aspx`,
    `https://wap.example/(A(${TICKET}))/i.aspx`,
    `https://shop.example/cart;jsessionid=${JSID}?item=3`,
    `https://shop.example/a;PHPSESSID=${SID}/b`,
  ])('%s: reported, and hidden from exports', (url) => {
    const findings = analyzeExchange(
      makeExchange({ url }),
      [{ rule: secretInUrl }],
      DEFAULT_LIMITS,
      [],
    ).findings;
    expect(findings.map((f) => f.message).join('\n')).toMatch(/in its path/);
    const redacted = redactUrl(url);
    for (const secret of [SID, TICKET, JSID]) expect(redacted).not.toContain(secret);
  });
});
