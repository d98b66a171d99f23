import { describe, expect, it } from 'vitest';
import { memoryHold, RequestOrder, type EntryReport } from '../../../src/core/report/request-order';

const entry = (index: number): EntryReport => ({
  problems: [],
  exchange: {
    source: 0,
    file: 'f.har',
    uri: 'f.har',
    index,
    line: index + 1,
    method: 'GET',
    url: `https://a.io/${index}`,
    status: 200,
    family: '2xx',
    reason: 'OK',
    findings: [],
  },
});

const drained = (order: RequestOrder) => [...order.drain()].map((e) => e.exchange!.index);

describe('RequestOrder', () => {
  it('hands entries over by start, ties in the order they came', () => {
    const order = new RequestOrder(memoryHold());
    [30, 10, 20, 10, 30].forEach((start, i) => order.add(entry(i), start));
    expect(order.inOrder).toBe(false);
    expect(drained(order)).toEqual([1, 3, 2, 0, 4]);
  });

  it('keeps an entry with no start after the one before it (the latest start so far)', () => {
    const order = new RequestOrder(memoryHold());
    [20, Number.NaN, 10, 25].forEach((start, i) => order.add(entry(i), start));
    expect(drained(order)).toEqual([2, 0, 1, 3]);
    // First with no start: it sorts as 0 (before any real start).
    [Number.NaN, 5].forEach((start, i) => order.add(entry(i), start));
    expect(drained(order)).toEqual([0, 1]);
  });

  it('leaves entries that came in order as they are, and starts afresh after each drain', () => {
    const order = new RequestOrder(memoryHold());
    for (let i = 0; i < 3000; i++) order.add(entry(i), 1000 + i);
    expect(order.inOrder).toBe(true);
    expect(drained(order)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    order.add(entry(0), 5);
    order.add(entry(1), 4);
    expect(drained(order)).toEqual([1, 0]);
    expect(drained(order)).toEqual([]);
  });
});
