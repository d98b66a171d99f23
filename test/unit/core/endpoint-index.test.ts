import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EndpointIndex, endpointRecord, groupEndpoints } from '../../../src/core/endpoints/grouper';
import type { Finding } from '../../../src/core/rules/types';
import { makeExchange } from '../../helpers/exchange';

const URLS = ['https://a.io/users/1', 'https://a.io/users/2', 'https://a.io/users', 'https://b.io/x/9'];
const finding = (rule: string): Finding => ({
  rule,
  severity: rule.startsWith('e') ? 'error' : 'warning',
  message: 'm',
  source: { label: 'x', url: 'https://example.com' },
});

type Op =
  | { op: 'analyse'; id: number; url: number; status: number; time: number; rules: string[] }
  | { op: 'show'; ids: number[]; reset: boolean }
  | { op: 'forget'; ids: number[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('analyse' as const),
    id: fc.nat(15),
    url: fc.nat(URLS.length - 1),
    status: fc.constantFrom(200, 201, 404, 500, 0),
    time: fc.constantFrom(-1, 5, 20, 20, 300),
    rules: fc.array(fc.constantFrom('e/one', 'w/two', 'w/three'), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant('show' as const),
    ids: fc.array(fc.nat(15), { maxLength: 8 }),
    reset: fc.boolean(),
  }),
  fc.record({ op: fc.constant('forget' as const), ids: fc.array(fc.nat(15), { maxLength: 4 }) }),
);

describe('EndpointIndex (the Endpoints view, grouped incrementally in the worker)', () => {
  it('always equals grouping the shown, analysed exchanges from scratch', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const index = new EndpointIndex();
        const analysed = new Map<
          string,
          { exchange: ReturnType<typeof makeExchange>; findings: Finding[] }
        >();
        let shown = new Set<string>();
        for (const o of ops) {
          if (o.op === 'analyse') {
            const id = `r${o.id}`;
            const exchange = { ...makeExchange({ url: URLS[o.url]!, status: o.status }), id, time: o.time };
            const findings = o.rules.map(finding);
            analysed.set(id, { exchange, findings });
            index.upsert(id, endpointRecord(exchange, findings));
          } else if (o.op === 'show') {
            const ids = o.ids.map((i) => `r${i}`);
            if (o.reset) shown = new Set(ids);
            else for (const id of ids) shown.add(id);
            index.show(ids, o.reset);
          } else {
            for (const i of o.ids) {
              analysed.delete(`r${i}`);
              shown.delete(`r${i}`);
            }
            index.forget(o.ids.map((i) => `r${i}`));
          }
        }
        const expected = groupEndpoints([...shown].flatMap((id) => analysed.get(id) ?? []));
        const { groups, total } = index.snapshot(1000);
        expect(groups).toEqual(expected);
        expect(total).toBe(expected.length);
      }),
    );
  });

  it('counts a shown row once its analysis arrives, and hides nothing twice', () => {
    const index = new EndpointIndex();
    index.show(['a'], true);
    expect(index.snapshot(10).total).toBe(0);
    index.upsert('a', endpointRecord(makeExchange({ url: 'https://a.io/users/7', status: 404 }), []));
    expect(index.snapshot(10).groups).toMatchObject([{ path: '/users/{id}', count: 1 }]);
    index.show(['a'], false);
    expect(index.snapshot(10).groups[0]!.count).toBe(1);
    index.hide();
    expect(index.snapshot(10).total).toBe(0);
    expect(index.size).toBe(1);
  });
});
