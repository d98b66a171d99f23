import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeExchange } from '../../../src/core/engine/analyze';
import { buildContext, DEFAULT_LIMITS } from '../../../src/core/engine/context';
import { normalizeHarEntry, parseHar, readHarDocument } from '../../../src/core/har/normalize';
import type { Exchange } from '../../../src/core/exchange/types';
import {
  brokenEntries,
  deepArray,
  extremeEntries,
  extremeOfSize,
  FULL,
  MB,
  normalAfter,
  NORMAL_AFTER_RULE,
  prototypesClean,
  SIZED_BY,
  type Hostile,
  type Sizes,
} from '../../fixtures/hostile/entries';
import { expectLinearScaling } from '../../helpers/scaling';
import { EVERYTHING } from './everything';

function toExchange(h: Hostile, i = 0): Exchange {
  const r = normalizeHarEntry(JSON.parse(JSON.stringify(h.entry)), `h${i}`);
  if (!r.ok) throw new Error(`${h.tag}: ${r.error}`);
  return r.exchange;
}

const byTag = (tag: string) => extremeEntries(FULL, { bigJson: false }).find((h) => h.tag === tag)!;

/**
 * The largest size each speed guard times. Past a cap both sizes do the same capped work and the
 * ratio proves nothing, so: the JSON body stays under the node budgets of the walkers (100,000 in
 * the leak scan and the body-member scan; about 8 nodes per 74-character item) and so under the
 * 2 MB scan slice; a long line under that slice. Headers and query parameters have no cap.
 */
const LARGEST: Record<Exclude<keyof Sizes, 'nesting'>, number> = {
  bigJsonBytes: 800_000,
  lineChars: DEFAULT_LIMITS.maxScanChars / 2,
  headerRepeats: 16_000,
  queryParams: FULL.queryParams,
};

afterEach(() => {
  expect(prototypesClean()).toBe(true);
});

describe('the engine under extreme input', () => {
  for (const h of extremeEntries(FULL, { bigJson: false })) {
    it(`${h.tag}: normalises, analyses with every rule on, no rule crashes`, () => {
      const ex = toExchange(h);
      const analysis = analyzeExchange(ex, EVERYTHING);
      expect(analysis.problems).toEqual([]);
      for (const f of analysis.findings) {
        expect(typeof f.message).toBe('string');
        // A message names the value at fault; it must not carry a whole megabyte body with it.
        expect(f.message.length).toBeLessThan(4_096);
      }
    });
  }

  // No work that grows faster than the input: t(8n) against t(n), where a wall-clock limit per
  // entry flaked under load and could not tell linear from quadratic (see scaling.ts). Deep
  // nesting is left out: all that grows with depth there is V8's JSON.parse and its garbage
  // collection (11–28× per 8× from run to run, too near quadratic's 64× to judge), while the
  // engine's own walkers stop at 64 levels (leaks/scan.test.ts checks where, by what they find).
  for (const [tag, field] of Object.entries(SIZED_BY).filter(([, f]) => f !== 'nesting')) {
    const largest = LARGEST[field as keyof typeof LARGEST];
    it(`${tag}: analysis time grows linearly with its ${field}`, { timeout: 60_000 }, () => {
      expectLinearScaling(
        (size) => toExchange(extremeOfSize(tag, size)),
        (ex) => analyzeExchange(ex, EVERYTHING),
        { n: Math.ceil(largest / 512), maxSize: largest },
      );
    });
  }

  it('a 50 MB JSON body is parsed once, scanned as a 2 MB slice, and analysed with no rule crashing', () => {
    const ex = toExchange(extremeOfSize('big-json', 50 * MB));
    expect(ex.body.kind).toBe('text');
    expect(ex.body.kind === 'text' && ex.body.size).toBeGreaterThan(49 * MB);
    const ctx = buildContext(ex);
    expect(ctx.json.kind).toBe('ok');
    // Scanning rules see a capped slice, not all 50 MB.
    expect(ctx.text!.length).toBeLessThanOrEqual(2 * MB);
    // Parsed once for every rule: a rule parsing the body again would double the work, which a
    // clock would not see (the speed guard above times this body under the caps).
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const analysis = analyzeExchange(ex, EVERYTHING);
      expect(analysis.problems).toEqual([]);
      const ofBody = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 49 * MB);
      expect(ofBody.length, 'JSON.parse calls on the 50 MB body').toBe(1);
    } finally {
      parse.mockRestore();
    }
  }, 120_000);

  it('bodies past the parse limit are skipped with a reason, not parsed', () => {
    const ex = toExchange(byTag('long-line'));
    const ctx = buildContext(ex, { maxParseChars: 1000, maxScanChars: 100 });
    expect(ctx.json).toMatchObject({ kind: 'skipped' });
    expect(ctx.text).toHaveLength(100);
  });

  it('100,000 levels of nesting parse without overflowing the stack', () => {
    for (const tag of ['deep-array', 'deep-object']) {
      const ctx = buildContext(toExchange(byTag(tag)));
      expect(ctx.json.kind, tag).toBe('ok');
    }
  });

  it('invalid UTF-8 bytes are a binary body; lone surrogates in text stay text', () => {
    expect(toExchange(byTag('invalid-utf8')).body.kind).toBe('binary');
    expect(toExchange(byTag('invalid-utf8-text')).body.kind).toBe('text');
  });

  it('NUL bytes in a JSON or text body are kept as text, not cut off', () => {
    const ex = toExchange(byTag('nul-bytes'));
    expect(ex.body.kind === 'text' && ex.body.text).toContain('\u0000');
    expect(toExchange(byTag('nul-bytes-text')).body.kind).toBe('text');
  });

  it('a base64 body that does not decode is unknown (decode-failed), and no body rule fires on it', () => {
    const ex = toExchange(byTag('bad-base64'));
    expect(ex.body).toEqual({ kind: 'unknown', reason: 'decode-failed' });
    const analysis = analyzeExchange(ex, EVERYTHING);
    expect(analysis.findings.filter((f) => f.pointer !== undefined)).toEqual([]);
  });

  it('keeps every copy of a header repeated 1,000 times, in order', () => {
    const ex = toExchange(byTag('repeated-header'));
    const repeats = ex.responseHeaders.filter((h) => h.name === 'X-Repeat');
    expect(repeats).toHaveLength(1_000);
    expect(repeats[999]!.value).toBe('copy-999');
  });

  it('keeps a URL with 100,000 query parameters whole', () => {
    const ex = toExchange(byTag('many-params'));
    expect(ex.url).toContain('&p99999=99999');
  });

  it('statuses 0, 99, 600 and 999 are kept as recorded', () => {
    for (const [tag, status] of [
      ['status-0', 0],
      ['status-99', 99],
      ['status-600', 600],
      ['status-999', 999],
    ] as const) {
      const ex = toExchange(byTag(tag));
      expect(ex.status, tag).toBe(status);
    }
    expect(toExchange(byTag('status-0')).failure).toBe('net::ERR_CONNECTION_RESET');
  });

  it('headers and members named __proto__ and constructor are data, never prototypes', () => {
    const ex = toExchange(byTag('proto-keys'));
    expect(ex.responseHeaders.map((h) => h.name)).toEqual(
      expect.arrayContaining(['__proto__', 'constructor', 'hasOwnProperty']),
    );
    const analysis = analyzeExchange(ex, EVERYTHING);
    expect(analysis.problems).toEqual([]);
    expect(prototypesClean()).toBe(true);
  });

  it('fields of the wrong type fall back to "unknown" instead of throwing', () => {
    const ex = toExchange(byTag('wrong-types'));
    expect(ex).toMatchObject({ method: 'GET', status: 200, statusText: '', time: -1, mimeType: '' });
    expect(ex.body.kind).toBe('unknown');
    // Only primitives become text; no recorder writes an object as a header value.
    expect(ex.responseHeaders.map((h) => [h.name, h.value])).toEqual([
      ['X-Obj', ''],
      ['X-Arr', ''],
      ['X-Num', '3'],
    ]);
  });

  it('a header value nested 100,000 arrays deep is not turned into text recursively', () => {
    const text = `{"log":{"entries":[{"request":{"method":"GET","url":"https://x.test/deep"},"response":{"status":200,"headers":[{"name":"X-Deep","value":${deepArray(100_000)}}]}}]}}`;
    const read = parseHar(text);
    if ('error' in read) throw new Error(read.error);
    expect(read.problems).toEqual([]);
    expect(read.exchanges[0]!.responseHeaders).toEqual([{ name: 'X-Deep', value: '' }]);
  });

  it('header values that cannot even be turned into text do not crash the reader', () => {
    const h = byTag('unprintable-values');
    // JSON.parse would build plain data; these objects keep their throwing toString on purpose.
    const r = normalizeHarEntry(h.entry, 'u');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.exchange.status).toBe(500);
      expect(r.exchange.responseHeaders).toEqual([
        { name: 'X-No-String', value: '' },
        { name: 'X-No-String-Array', value: '' },
      ]);
    }
  });

  it('entries missing what an exchange needs are rejected with a reason, by index, and the rest are read', () => {
    const broken = brokenEntries();
    const doc = {
      log: { entries: [...broken.map((b) => b.entry), normalAfter()] },
    };
    const read = readHarDocument(JSON.parse(JSON.stringify(doc)));
    if ('error' in read) throw new Error(read.error);
    expect(read.problems.map((p) => p.index)).toEqual(broken.map((_, i) => i));
    for (const p of read.problems) expect(p.error).toMatch(/\w/);
    expect(read.exchanges).toHaveLength(1);
  });

  it('after all of it, an ordinary request still gets its findings', () => {
    for (const h of extremeEntries({ ...FULL, bigJsonBytes: MB })) analyzeExchange(toExchange(h), EVERYTHING);
    const ex = toExchange({ tag: 'normal', entry: normalAfter(), expect: 'exchange' });
    const analysis = analyzeExchange(ex, EVERYTHING);
    expect(analysis.problems).toEqual([]);
    expect(analysis.findings.map((f) => f.rule)).toContain(NORMAL_AFTER_RULE);
  });
});
