import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HarStreamSplitter,
  splitHarBytes,
  type SplitEntry,
  type SplitError,
} from '../../../src/core/har/stream-splitter';

const FIXTURES = join(__dirname, '../../fixtures/har');
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Feeds `input` in pieces cut at `cuts` (sorted offsets) and collects what comes out. */
function splitAt(input: Uint8Array, cuts: number[]): { entries: SplitEntry[]; error?: SplitError } {
  const s = new HarStreamSplitter();
  const entries: SplitEntry[] = [];
  let from = 0;
  for (const cut of [...cuts, input.length]) {
    // Copy each piece, as a file reader would hand over fresh buffers.
    entries.push(...s.push(input.slice(from, cut)));
    from = cut;
  }
  const end = s.end();
  entries.push(...end.entries);
  return end.error ? { entries, error: end.error } : { entries };
}

function splitBy(input: Uint8Array, size: number) {
  const cuts: number[] = [];
  for (let at = size; at < input.length; at += size) cuts.push(at);
  return splitAt(input, cuts);
}

function parsed(entries: SplitEntry[]): unknown[] {
  return entries.map((e) => JSON.parse(decoder.decode(e.bytes)));
}

/** The line each entry starts on, found the slow way: objects at six spaces after `    "entries": [`. */
function expectedLines(text: string): number[] {
  const lines = text.split('\n');
  const from = lines.indexOf('    "entries": [');
  const out: number[] = [];
  for (let i = from + 1; i < lines.length && lines[i] !== '    ],'; i++)
    if (lines[i] === '      {') out.push(i + 1);
  return out;
}

describe('HarStreamSplitter on a fixture full of awkward strings', () => {
  const text = readFileSync(join(FIXTURES, 'tricky.har'), 'utf8');
  const input = bytes(text);
  const expected = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries;

  it('finds exactly log.entries (not creator.entries) in one chunk', () => {
    const { entries, error } = splitHarBytes(input);
    expect(error).toBeUndefined();
    expect(parsed(entries)).toEqual(expected);
    expect(entries.map((e) => e.index)).toEqual(expected.map((_, i) => i));
  });

  it('reports the line and byte offset where each entry starts', () => {
    const { entries } = splitHarBytes(input);
    expect(entries.map((e) => e.line)).toEqual(expectedLines(text));
    for (const e of entries) expect(input[e.offset]).toBe(0x7b);
  });

  // Thousands of splits: seconds on a loaded 2-core machine, so it gets its own time limit.
  it('gives the same entries for every chunk size from 1 byte to the whole file', { timeout: 30_000 }, () => {
    for (let size = 1; size <= input.length; size++) {
      const { entries, error } = splitBy(input, size);
      if (error) throw new Error(`chunk size ${size}: ${error.message}`);
      expect(parsed(entries), `chunk size ${size}`).toEqual(expected);
      expect(
        entries.map((e) => e.line),
        `chunk size ${size}`,
      ).toEqual(expectedLines(text));
    }
  });

  it('gives the same entries for random cut points', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: input.length - 1 }), { maxLength: 40 }),
        (cuts) => {
          const { entries, error } = splitAt(
            input,
            [...cuts].sort((a, b) => a - b),
          );
          expect(error).toBeUndefined();
          expect(parsed(entries)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('HarStreamSplitter on strings that end, or almost end, at chunk boundaries', () => {
  // Raw JSON string contents, escapes and all, exactly as they will sit in the file.
  const tricky = [
    'plain',
    ']',
    '}',
    '\\"',
    '\\\\',
    '\\\\\\"',
    '\\\\\\\\',
    'é日本語😀',
    '\\u005d\\u007d\\u0022',
    '{\\"nested\\":\\"[]\\"}',
  ];
  const raw = `{"log":{"entries":[${tricky.map((s) => `{"s":"${s}","a":[1,{"b":"${s}"}]}`).join(',')}]}}`;
  const input = bytes(raw);
  const expected = (JSON.parse(raw) as { log: { entries: unknown[] } }).log.entries;

  it('is valid JSON to begin with', () => {
    expect(expected).toHaveLength(tricky.length);
  });

  it('splits correctly at every chunk size and at every single cut point', () => {
    for (let size = 1; size <= input.length; size++) {
      const { entries, error } = splitBy(input, size);
      expect(error, `chunk size ${size}`).toBeUndefined();
      expect(parsed(entries), `chunk size ${size}`).toEqual(expected);
    }
    for (let cut = 1; cut < input.length; cut++) {
      expect(parsed(splitAt(input, [cut]).entries), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('splits a multi-byte character across chunks without damage', () => {
    const text = '{"log":{"entries":[{"t":"😀é"}]}}';
    const b = bytes(text);
    const emoji = text.indexOf('😀');
    const at = encoder.encode(text.slice(0, emoji)).length;
    for (const cut of [at + 1, at + 2, at + 3, at + 5]) {
      const { entries } = splitAt(b, [cut]);
      expect(parsed(entries)).toEqual([{ t: '😀é' }]);
    }
  });
});

describe('HarStreamSplitter: entries of every shape', () => {
  it('yields non-object entries too, for the caller to reject', () => {
    const { entries, error } = splitHarBytes(
      bytes('{"log":{"entries":[ 1 , "x" ,null,true,-2.5e3,[1] ,{} ]}}'),
    );
    expect(error).toBeUndefined();
    expect(parsed(entries)).toEqual([1, 'x', null, true, -2500, [1], {}]);
  });

  it('handles an empty entries array and whitespace everywhere', () => {
    const { entries, error } = splitHarBytes(bytes(' \n{ "log" : { "entries" : [ \n ] } } \n'));
    expect(error).toBeUndefined();
    expect(entries).toEqual([]);
  });

  it('reads member names written with escapes, as JSON.parse does', () => {
    const { entries, error } = splitHarBytes(bytes('{"\\u006cog":{"entri\\u0065s":[{"a":1}]}}'));
    expect(error).toBeUndefined();
    expect(parsed(entries)).toEqual([{ a: 1 }]);
  });

  it('skips a UTF-8 byte order mark, even split across chunks', () => {
    const input = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"log":{"entries":[{"a":1}]}}')]);
    for (let size = 1; size <= 4; size++) {
      const { entries, error } = splitBy(input, size);
      expect(error).toBeUndefined();
      expect(parsed(entries)).toEqual([{ a: 1 }]);
    }
  });

  it('returns views into the chunk for entries inside one chunk, copies for the others', () => {
    const input = bytes('{"log":{"entries":[{"a":1},{"b":2}]}}');
    const s = new HarStreamSplitter();
    const first = s.push(input.slice(0, 28));
    const rest = s.push(input.slice(28));
    expect(s.end()).toEqual({ entries: [] });
    expect(parsed([...first, ...rest])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(s.entryCount).toBe(2);
    expect(s.bytesRead).toBe(input.length);
  });

  it('accepts any other members around log and entries', () => {
    const { entries, error } = splitHarBytes(
      bytes(
        '{"a":{"log":1},"b":[{"entries":[]}],"log":{"x":"[","entries":[{"k":"v"}],"y":{"entries":{}}},"z":null}',
      ),
    );
    expect(error).toBeUndefined();
    expect(parsed(entries)).toEqual([{ k: 'v' }]);
  });
});

describe('HarStreamSplitter: entries too long to be one string', () => {
  // The real limit is V8's longest string (about 512 MB); a small one stands in for it.
  const big = `{"response":{"content":{"text":"${'x'.repeat(300)}"}}}`;
  const input = bytes(`{"log":{"entries":[{"a":1},${big},{"b":2},\n${big}\n,{"c":3}]}}`);

  it('skips them without keeping their bytes, names them, and goes on with the next entry', () => {
    for (let size = 1; size <= input.length; size += size < 40 ? 1 : 37) {
      const s = new HarStreamSplitter({ maxEntryBytes: 100 });
      const entries: SplitEntry[] = [];
      for (let at = 0; at < input.length; at += size) entries.push(...s.push(input.slice(at, at + size)));
      expect(s.end(), `chunks of ${size}`).toEqual({ entries: [] });
      expect(entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
      expect(entries.map((e) => e.oversize)).toEqual([
        undefined,
        { bytes: big.length, limit: 100 },
        undefined,
        { bytes: big.length, limit: 100 },
        undefined,
      ]);
      expect(entries[1]!.bytes.length).toBe(0);
      expect(entries[3]!.line).toBe(2);
      expect(parsed([entries[0]!, entries[2]!, entries[4]!])).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    }
  });

  it('keeps an entry of exactly the limit', () => {
    const { entries } = splitHarBytes(input, { maxEntryBytes: big.length });
    expect(entries.every((e) => e.oversize === undefined)).toBe(true);
  });
});

describe('HarStreamSplitter errors', () => {
  const cases: [string, string, RegExp][] = [
    ['empty input', '', /the input is empty/],
    ['whitespace only', '  \n ', /the input is empty/],
    ['not JSON at all', 'hello', /expected a JSON object at the top level, found "h"/],
    ['a top-level number', '42', /expected a JSON object at the top level, found "4"/],
    ['a top-level array', '[{"log":{}}]', /top level is an array, not an object/],
    ['a top-level string', '"har"', /top level is a string/],
    ['no log', '{"version":"1.2"}', /no "log" object/],
    ['log is not an object', '{"log":[]}', /"log" is an array, not an object/],
    ['no entries', '{"log":{"version":"1.2"}}', /"log" has no "entries" array/],
    ['entries is not an array', '{"log":{"entries":{}}}', /"log.entries" is an object, not an array/],
    ['entries is null', '{"log":{"entries":null}}', /"log.entries" is null, not an array/],
    ['two logs', '{"log":{"entries":[]},"log":{"entries":[]}}', /"log" appears twice/],
    ['two entries arrays', '{"log":{"entries":[],"entries":[]}}', /"entries" appears twice/],
    ['trailing data', '{"log":{"entries":[]}} x', /after the end of the top-level object/],
    ['a missing comma between entries', '{"log":{"entries":[{} {}]}}', /expected "," or "\]" after entry 0/],
    [
      'a member name left outside its entry by a "}" too early',
      '{"log":{"entries":[{"request":{}},\n{"response":{}},"time": 3}]}}',
      /unexpected ":", expected "," or "\]" after entry 2 \(a member name outside any object: a "}" before it probably closed entry 1 too early\)/,
    ],
    ['a trailing comma in entries', '{"log":{"entries":[{},]}}', /unexpected "\]", expected entry 1/],
    ['a missing colon', '{"log" {"entries":[]}}', /expected ":" after "log"/],
    ['a member without a name', '{"log":{"entries":[]}, 3}', /expected a member name/],
  ];
  for (const [name, input, message] of cases) {
    it(`reports ${name}`, () => {
      const { error } = splitHarBytes(bytes(input));
      expect(error?.message).toMatch(message);
    });
  }

  it('reports a broken byte order mark', () => {
    expect(splitHarBytes(new Uint8Array([0xef, 0xbb, 0x7b, 0x7d])).error?.message).toMatch(
      /broken byte order mark/,
    );
  });

  it('names the entry a file was cut short in, with the line it starts on', () => {
    const text = '{\n"log": {\n"entries": [\n{"a": 1},\n{"b": "cut sh';
    const { entries, error } = splitHarBytes(bytes(text));
    expect(parsed(entries)).toEqual([{ a: 1 }]);
    expect(error).toMatchObject({ entryIndex: 1, line: 5 });
    expect(error?.message).toBe(
      'unexpected end of file inside entry 1 (log.entries[1], which starts on line 5)',
    );
  });

  it('reports a file cut short between entries or after the array', () => {
    expect(splitHarBytes(bytes('{"log":{"entries":[{},')).error?.message).toMatch(
      /inside "log.entries" after 1 entry/,
    );
    expect(splitHarBytes(bytes('{"log":{"entries":[{}]')).error?.message).toMatch(/inside "log"/);
    expect(splitHarBytes(bytes('{"log":{"entries":[{}]}')).error?.message).toMatch(
      /inside the top-level object/,
    );
  });

  it('gives the line and column of a structural error', () => {
    const { error } = splitHarBytes(bytes('{\n  "log": {\n    "entries": [] ]\n}'));
    expect(error).toMatchObject({ line: 3, column: 19 });
  });

  it('ignores input after an error', () => {
    const s = new HarStreamSplitter();
    s.push(bytes('[1,'));
    expect(s.error?.message).toMatch(/top level is an array/);
    expect(s.push(bytes('{"log":{"entries":[{}]}}'))).toEqual([]);
    expect(s.end().error).toBe(s.error);
  });
});
