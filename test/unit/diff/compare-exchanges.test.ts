import { describe, expect, it } from 'vitest';
import { compareExchanges, compareFindings, diffHeaders } from '../../../src/core/diff/compare-exchanges';
import type { Finding } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';

const finding = (rule: string, pointer?: string, message = `${rule} fired`): Finding => ({
  rule,
  severity: 'warning',
  message,
  source: { label: 'x', url: 'https://example.com' },
  ...(pointer !== undefined ? { pointer } : {}),
});

describe('compareFindings', () => {
  it('sorts findings into resolved, still present and new', () => {
    const r = compareFindings(
      [finding('body/missing-content-type'), finding('security/stack-trace', '/trace')],
      [finding('security/stack-trace', '/trace', 'a different quote'), finding('http/created-location')],
    );
    expect(r.resolved.map((f) => f.rule)).toEqual(['body/missing-content-type']);
    expect(r.stillPresent.map((f) => f.rule)).toEqual(['security/stack-trace']);
    expect(r.new.map((f) => f.rule)).toEqual(['http/created-location']);
  });

  it('the same rule at another pointer is a different finding', () => {
    const r = compareFindings([finding('x/y', '/a')], [finding('x/y', '/b')]);
    expect(r.resolved).toHaveLength(1);
    expect(r.new).toHaveLength(1);
  });

  it('counts repeated findings one by one', () => {
    const r = compareFindings([finding('x/y'), finding('x/y')], [finding('x/y')]);
    expect([r.resolved.length, r.stillPresent.length, r.new.length]).toEqual([1, 1, 0]);
  });
});

describe('diffHeaders', () => {
  it('compares names case-insensitively and joins repeated values', () => {
    const changes = diffHeaders(
      [
        { name: 'Content-Type', value: 'text/plain' },
        { name: 'Vary', value: 'Accept' },
        { name: 'vary', value: 'Origin' },
        { name: 'X-Old', value: '1' },
      ],
      [
        { name: 'content-type', value: 'application/json' },
        { name: 'Vary', value: 'Accept, Origin' },
        { name: 'Location', value: '/orders/1' },
      ],
    );
    expect(changes).toEqual([
      { kind: 'removed', name: 'X-Old', before: '1' },
      { kind: 'changed', name: 'content-type', before: 'text/plain', after: 'application/json' },
      { kind: 'added', name: 'Location', after: '/orders/1' },
    ]);
  });
});

describe('compareExchanges', () => {
  it('a 422 fixed into a 201: status, JSON body diff with pointers, header changes', () => {
    const before = makeExchange({ method: 'POST', status: 422, body: { error: 'quantity is required' } });
    const after = makeExchange({
      method: 'POST',
      status: 201,
      headers: { 'Content-Type': 'application/json', Location: '/orders/1' },
      body: { id: 1, quantity: 2 },
    });
    const c = compareExchanges({ before, after, beforeFindings: [finding('a/b')], afterFindings: [] });
    expect(c.status).toEqual({ before: 422, after: 201, changed: true });
    expect(c.body.kind).toBe('json');
    if (c.body.kind !== 'json') return;
    expect(c.body.diff.changes.map((x) => `${x.kind} ${x.pointer}`)).toEqual([
      'removed /error',
      'added /id',
      'added /quantity',
    ]);
    expect(c.responseHeaders.map((h) => `${h.kind} ${h.name}`)).toEqual([
      'added Content-Type',
      'added Location',
    ]);
    expect(c.findings.resolved.map((f) => f.rule)).toEqual(['a/b']);
  });

  it('a failed side keeps its failure name', () => {
    const c = compareExchanges({
      before: makeExchange({ status: 200, body: '{}' }),
      after: makeExchange({ status: 0, failure: 'net::ERR_FAILED', body: null }),
      beforeFindings: [],
      afterFindings: [],
    });
    expect(c.status).toMatchObject({ before: 200, after: 0, afterFailure: 'net::ERR_FAILED', changed: true });
  });

  it('text bodies: the first differing line', () => {
    const c = compareExchanges({
      before: makeExchange({ body: 'line 1\nline 2\nline 3' }),
      after: makeExchange({ body: 'line 1\nline two\nline 3' }),
      beforeFindings: [],
      afterFindings: [],
    });
    expect(c.body).toMatchObject({
      kind: 'text',
      equal: false,
      firstDifferentLine: 2,
      beforeLine: 'line 2',
      afterLine: 'line two',
    });
  });

  it('a body not captured is said, not diffed as empty', () => {
    const c = compareExchanges({
      before: makeExchange({ body: '{}' }),
      after: makeExchange(),
      beforeFindings: [],
      afterFindings: [],
    });
    expect(c.body).toEqual({ kind: 'unavailable', why: "The second response's body was not captured." });
  });

  it('equal JSON in another member order is the same', () => {
    const c = compareExchanges({
      before: makeExchange({ body: '{"a":1,"b":[1,2]}' }),
      after: makeExchange({ body: '{"b":[1,2],"a":1}' }),
      beforeFindings: [],
      afterFindings: [],
    });
    expect(c.body.kind === 'json' && c.body.diff.equal).toBe(true);
    expect(c.status.changed).toBe(false);
  });
});
