import { describe, expect, it } from 'vitest';
import { CaptureSummarizer } from '../../../../src/core/diff/capture/summary';
import { redactor } from '../../../../src/core/export/redact';
import type { Finding } from '../../../../src/core/rules/types';
import { makeExchange } from '../../../helpers/exchange';

/*
 * `status-lens diff` and the panel's "Compare with HAR…" report each endpoint by its redacted
 * route, with one finding message per rule as an example. A credential the exchange carries
 * under a name (a cookie, its Authorization) must not be printed where the example repeats it.
 */
const secret = 'Qz7mW2xPLk94';
const dbError: Finding = {
  rule: 'security/internal-error-details',
  severity: 'warning',
  message: `The body holds a MySQL error: "Duplicate entry '${secret}' for key 'sessions.PRIMARY'"`,
  source: { label: 'CWE-209', url: 'https://cwe.mitre.org/data/definitions/209.html' },
};

const places: [string, Record<string, string>][] = [
  ['cookie value', { Cookie: `theme=dark; sid=${secret}` }],
  ['Authorization token', { Authorization: `Bearer ${secret}` }],
  ['user-listed header', { 'X-Tenant-Pass': secret }],
];

describe('a capture summary prints no named credential its example messages repeat', () => {
  it.each(places)('%s', (_where, requestHeaders) => {
    const s = new CaptureSummarizer({ redact: redactor({ headers: ['X-Tenant-Pass'], queryParams: [] }) });
    s.add(
      makeExchange({ url: 'https://api.example/v1/carts', status: 500, requestHeaders }),
      [dbError],
      undefined,
    );
    const printed = JSON.stringify(s.summary());
    expect(printed).toContain('Duplicate entry');
    expect(printed).not.toContain(secret);
  });
});

describe('a capture summary hides what any of its exchanges carries by name in every route', () => {
  const session = 'S7kQ2mZx9LpW4vRt';
  const api = 'https://api.acme.example';
  const paths = (s: CaptureSummarizer) => s.summary().endpoints.map((e) => `${e.key} ×${e.count}`);

  it("a URL holding another exchange's cookie value, before or after that exchange", () => {
    const cookie = { Cookie: `sid=${session}` };
    for (const order of [0, 1]) {
      const s = new CaptureSummarizer();
      const post = makeExchange({
        method: 'POST',
        url: `${api}/s/carts`,
        status: 201,
        requestHeaders: cookie,
      });
      const get = makeExchange({ url: `${api}/s/${session}/carts/7`, status: 404 });
      for (const ex of order === 0 ? [post, get] : [get, post]) s.add(ex, [], undefined);
      expect(paths(s)).toEqual([
        'GET api.acme.example/s/[REDACTED]/carts/{id} ×1',
        'POST api.acme.example/s/carts ×1',
      ]);
    }
  });

  it('two endpoints that read alike once a later value is hidden are one: counts, statuses, latency and shapes', () => {
    const s = new CaptureSummarizer();
    const url = `${api}/s/${session}/cart`;
    s.add({ ...makeExchange({ url, status: 404 }), time: 10 }, [], { kind: 'ok', value: { a: 1 } });
    s.add(
      { ...makeExchange({ url, status: 200, requestHeaders: { Cookie: `sid=${session}` } }), time: 30 },
      [],
      { kind: 'ok', value: { b: 'x' } },
    );
    const [one, ...rest] = s.summary().endpoints;
    expect(rest).toEqual([]);
    expect(one!.key).toBe('GET api.acme.example/s/[REDACTED]/cart');
    expect(one!.count).toBe(2);
    expect(one!.statuses).toEqual([
      { status: 200, count: 1 },
      { status: 404, count: 1 },
    ]);
    expect(one!.latency?.samples).toBe(2);
    expect(one!.shapes.map((f) => [f.family, f.bodies])).toEqual([
      ['2xx', 1],
      ['4xx', 1],
    ]);
  });

  it('ordinary ids and words stay', () => {
    const s = new CaptureSummarizer();
    s.add(
      makeExchange({
        url: `${api}/users/12345678/darkmode`,
        requestHeaders: { Cookie: `theme=darkmode; sid=${session}` },
      }),
      [],
      undefined,
    );
    expect(paths(s)).toEqual(['GET api.acme.example/users/{id}/darkmode ×1']);
  });
});
