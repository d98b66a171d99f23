import { describe, expect, it } from 'vitest';
import { timingPhases } from '../../../src/core/timing/phases';
import { parseServerTiming, SERVER_TIMING_LIMITS } from '../../../src/core/timing/server-timing';
import { expectLinearScaling } from '../../helpers/scaling';

const st = (...values: string[]) =>
  parseServerTiming(values.map((value) => ({ name: 'Server-Timing', value })));

describe('parseServerTiming', () => {
  it('reads name, dur and desc from every Server-Timing header, in order', () => {
    expect(st('db;dur=53.2;desc="Database query", app;dur=47.2', 'cache;desc=hit, total;dur=120')).toEqual([
      { name: 'db', dur: 53.2, desc: 'Database query' },
      { name: 'app', dur: 47.2 },
      { name: 'cache', desc: 'hit' },
      { name: 'total', dur: 120 },
    ]);
  });

  it('keeps commas and semicolons inside a quoted desc, and unescapes it', () => {
    expect(st('sql;desc="SELECT a, b; FROM \\"t\\"";dur=3')).toEqual([
      { name: 'sql', dur: 3, desc: 'SELECT a, b; FROM "t"' },
    ]);
  });

  it('tolerates malformed metrics: empty names skipped, bad durations ignored, first value wins', () => {
    expect(
      st(';dur=5, ,miss;dur=abc, neg;dur=-4, twice;dur=1;dur=2, "quoted";dur=1, edge;DUR=7;extra'),
    ).toEqual([{ name: 'miss' }, { name: 'neg' }, { name: 'twice', dur: 1 }, { name: 'edge', dur: 7 }]);
    expect(st('db;desc="never closed, app;dur=1')).toEqual([
      { name: 'db', desc: '"never closed, app;dur=1' },
    ]);
  });

  it('ignores other headers and is bounded on hostile input', { timeout: 60_000 }, () => {
    expect(parseServerTiming([{ name: 'X-Timing', value: 'db;dur=1' }])).toEqual([]);
    const many = st(Array.from({ length: 5000 }, (_, i) => `m${i};dur=${i}`).join(','));
    expect(many).toHaveLength(SERVER_TIMING_LIMITS.entries);
    // Bounded means linear: t(8n) near 8 × t(n), far from quadratic's 64× (see scaling.ts for why
    // a ratio and not a wall-clock limit).
    expectLinearScaling(
      (size) => 'a;desc="' + '\\"'.repeat(size),
      (value) => st(value),
      // 2 characters a unit: 8n stays under the header cap, past which nothing more is read.
      { n: 100, maxSize: SERVER_TIMING_LIMITS.header / 2 - 10 },
    );
    // The cap itself: a metric past it is not read, however the header goes on.
    expect(st(`${' '.repeat(100)},early;dur=1`)).toEqual([{ name: 'early', dur: 1 }]);
    expect(st(`${' '.repeat(SERVER_TIMING_LIMITS.header)},late;dur=1`)).toEqual([]);
  });
});

describe('timingPhases', () => {
  it('lays the HAR phases end to end, with TLS drawn inside connect and not counted twice', () => {
    const { phases, total } = timingPhases({
      blocked: 2,
      dns: 10,
      connect: 30,
      ssl: 20,
      send: 1,
      wait: 100,
      receive: 7,
    });
    expect(phases.map((p) => [p.name, p.start, p.duration])).toEqual([
      ['blocked', 0, 2],
      ['dns', 2, 10],
      ['connect', 12, 30],
      ['ssl', 22, 20],
      ['send', 42, 1],
      ['wait', 43, 100],
      ['receive', 143, 7],
    ]);
    expect(total).toBe(150);
  });

  it('leaves out phases the recorder did not give', () => {
    const { phases, total } = timingPhases({ send: 0, wait: 40, receive: 2 });
    expect(phases.map((p) => p.name)).toEqual(['send', 'wait', 'receive']);
    expect(total).toBe(42);
    expect(timingPhases(undefined)).toEqual({ phases: [], total: 0 });
  });
});
