import { describe, expect, it } from 'vitest';
import { analyzeExchange } from '../../../../src/core/engine/analyze';
import { HTTP_RULES } from '../../../../src/core/rules/http';
import { makeExchange, type ExchangeSpec } from '../../../helpers/exchange';

const active = HTTP_RULES.map((rule) => ({ rule }));

const failed: ExchangeSpec[] = [
  { method: 'GET', status: 0, failure: 'net::ERR_CONNECTION_REFUSED' },
  { method: 'HEAD', status: 0, failure: 'net::ERR_NAME_NOT_RESOLVED', body: null },
  {
    method: 'POST',
    status: 0,
    failure: 'net::ERR_FAILED',
    resourceType: 'fetch',
    headers: { 'Content-Type': 'application/json' },
  },
  {
    method: 'OPTIONS',
    status: 0,
    failure: 'net::ERR_BLOCKED_BY_CLIENT',
    resourceType: 'xhr',
    requestHeaders: { Accept: '*/*' },
  },
  {
    method: 'DELETE',
    status: 0,
    failure: 'net::ERR_ABORTED',
    rawBody: { kind: 'unknown', reason: 'not-captured' },
  },
];

describe('http rules on failed requests', () => {
  it('lists every http rule once, with ids under http/', () => {
    const ids = HTTP_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('http/'))).toBe(true);
    expect(ids).toHaveLength(25);
  });

  for (const spec of failed) {
    it(`no http rule fires on ${spec.method} with ${spec.failure}`, () => {
      const result = analyzeExchange(makeExchange(spec), active);
      expect(result.problems).toEqual([]);
      expect(result.findings).toEqual([]);
    });
  }
});
