import { describe, expect, it } from 'vitest';
import {
  HarStreamSplitter,
  type SplitEntry,
  type SplitError,
  type SplitterOptions,
} from '../../../src/core/har/stream-splitter';

// Line mode (src/core/har/stream-splitter/line-skipper.ts) finds an indented entry's end from
// its lines' indentation and first and last bytes. Whatever the layout and however the input
// is cut into chunks, it must give exactly what reading every byte gives: the same entries,
// lines, offsets and errors.

const enc = new TextEncoder();
const dec = new TextDecoder();

interface Split {
  entries: { index: number; line: number; offset: number; text: string; oversize?: unknown }[];
  error?: SplitError;
  byLine: number;
}

function split(input: Uint8Array, size: number, options: SplitterOptions = {}): Split {
  const s = new HarStreamSplitter(options);
  const out: SplitEntry[] = [];
  for (let at = 0; at < input.length; at += size) out.push(...s.push(input.slice(at, at + size)));
  const end = s.end();
  out.push(...end.entries);
  const entries = out.map((e) => ({
    index: e.index,
    line: e.line,
    offset: e.offset,
    text: dec.decode(e.bytes),
    ...(e.oversize ? { oversize: e.oversize } : {}),
  }));
  return { entries, ...(end.error ? { error: end.error } : {}), byLine: s.entriesFollowedByLine };
}

/** Splits with and without line mode at several chunk sizes; returns the line-mode result. */
function sameAsByteByByte(text: string, options: SplitterOptions = {}): Split {
  const input = enc.encode(text);
  const reference = split(input, input.length, { ...options, byteByByte: true });
  expect(reference.byLine).toBe(0);
  let whole: Split | undefined;
  for (const size of [input.length, 1, 2, 3, 5, 8, 13, 64, 333]) {
    const got = split(input, size, options);
    expect({ entries: got.entries, error: got.error }, `chunks of ${size}`).toEqual({
      entries: reference.entries,
      error: reference.error,
    });
    whole ??= got;
  }
  return whole!;
}

/** Entries with everything that could fool a reader of lines: brackets and escapes in strings. */
function entries(): unknown[] {
  const tricky = [
    '{',
    '}',
    '[',
    '],',
    '"{"',
    'ends with a brace {',
    'a\\',
    'line\nbreak',
    '\r\n',
    '}\n{',
    'tab\there',
    'é ☃ 😀',
    '',
  ];
  return tricky.map((text, i) => ({
    startedDateTime: '2026-12-07T08:00:00.000Z',
    time: i + 0.5,
    request: {
      method: 'GET',
      url: `https://api.example.com/items/${i}?q=${encodeURIComponent(text)}`,
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Text', value: text },
      ],
      queryString: [],
      cookies: [],
    },
    response: {
      status: 200 + i,
      headers: [],
      cookies: [],
      content: {
        mimeType: 'application/json',
        text: JSON.stringify({ text, nested: { list: [text, { deep: [[text]] }], empty: {} }, none: [] }),
      },
      redirectURL: '',
    },
    cache: {},
    timings: { send: 0, wait: i, receive: 1 },
    _flags: [true, false, null, -1.5e3],
  }));
}

const har = {
  log: { version: '1.2', creator: { name: 'test', version: '1' }, pages: [], entries: entries() },
};
const count = (har.log.entries as unknown[]).length;

describe('HarStreamSplitter line mode: indented files', () => {
  for (const indent of [1, 2, 4, '\t'] as const) {
    it(`reads JSON.stringify(har, null, ${JSON.stringify(indent)}) line by line, as byte by byte`, () => {
      const got = sameAsByteByByte(JSON.stringify(har, null, indent));
      expect(got.error).toBeUndefined();
      expect(got.entries.map((e) => JSON.parse(e.text))).toEqual(har.log.entries);
      expect(got.byLine).toBe(count);
    });
  }

  it('reads Windows line ends and trailing blanks line by line', () => {
    const text = JSON.stringify(har, null, 2).replace(/\n/g, ' \t\r\n');
    const got = sameAsByteByByte(text);
    expect(got.entries).toHaveLength(count);
    expect(got.byLine).toBe(count);
  });

  it('reads entries laid out as Chrome writes them (entries indented 6, one line each member)', () => {
    const text = `{\n  "log": {\n    "version": "1.2",\n    "entries": [\n${(har.log.entries as unknown[])
      .map((e) => JSON.stringify(e, null, 2).replace(/^/gm, '      '))
      .join(',\n')}\n    ]\n  }\n}\n`;
    const got = sameAsByteByByte(text);
    expect(got.byLine).toBe(count);
    expect(got.entries[3]!.line).toBeGreaterThan(got.entries[2]!.line);
  });

  it('reads lines of blanks line by line (a real capture had one)', () => {
    const text = JSON.stringify(har, null, 2).replace(
      /"cookies": \[\],\n/g,
      '"cookies": [],\n        \n\r\n\t\n',
    );
    expect(text).toContain('\n\r\n');
    const got = sameAsByteByByte(text);
    expect(got.byLine).toBe(count);
  });

  it("reads again only the entry whose last line a chunk's end cuts, and goes on line by line", () => {
    const text = JSON.stringify(har, null, 2);
    const input = enc.encode(text);
    // Cut right after the first entry's `}` (its `,` and newline in the next chunk).
    const cut = text.indexOf('\n      },\n') + '\n      }'.length;
    const s = new HarStreamSplitter();
    const got = [...s.push(input.slice(0, cut)), ...s.push(input.slice(cut))];
    const end = s.end();
    expect(end).toEqual({ entries: [] });
    expect(got.map((e) => JSON.parse(dec.decode(e.bytes)))).toEqual(har.log.entries);
    const reference = split(input, input.length, { byteByByte: true });
    expect(got.map((e) => [e.index, e.line, e.offset])).toEqual(
      reference.entries.map((e) => [e.index, e.line, e.offset]),
    );
    expect(s.entriesFollowedByLine).toBe(count - 1);
  });

  it('reads an empty entry written over two lines', () => {
    const got = sameAsByteByByte('{"log":{"entries":[\n  {\n  },\n  {}\n]}}');
    expect(got.entries.map((e) => e.text)).toEqual(['{\n  }', '{}']);
    expect(got.byLine).toBe(1);
  });
});

describe('HarStreamSplitter line mode: layouts it does not follow', () => {
  const body = JSON.stringify(har.log.entries[0], null, 2);

  it('reads a compact file byte by byte', () => {
    const got = sameAsByteByByte(JSON.stringify(har));
    expect(got.entries).toHaveLength(count);
    expect(got.byLine).toBe(0);
  });

  it("reads Jackson's layout (`[ {`, `}, {`) byte by byte", () => {
    const text = `{\n  "log" : {\n    "entries" : [ {\n      "a" : [ {\n        "b" : 1\n      }, {\n        "b" : 2\n      } ]\n    }, {\n      "c" : 3\n    } ]\n  }\n}`;
    const got = sameAsByteByByte(text);
    expect(got.entries.map((e) => JSON.parse(e.text))).toEqual([{ a: [{ b: 1 }, { b: 2 }] }, { c: 3 }]);
  });

  const odd: [string, string][] = [
    ['a member after the `{` on its line', `{"log":{"entries":[\n{ "a": 1,\n  "b": 2\n}\n]}}`],
    // Its line ends with a `{`, but not the entry's: the entry's `}` is the second one on line 4.
    [
      'a member that opens an object after the `{` on its line',
      `{"log":{"entries":[\n{"a": {\n  "b": 1\n}, "c": 2}\n]}}`,
    ],
    [
      'an array spread over lines without indentation',
      `{"log":{"entries":[\n{\n  "a": [1,\n2],\n  "b": {\n    "c": 3 }\n}\n]}}`,
    ],
    [
      'an entry that ends mid-line, the next one after it',
      `{"log":{"entries":[\n{\n  "a": 1}, {\n  "b": 2\n}\n]}}`,
    ],
    // Two levels opened mid-line, the lines after indented as if one: the entry's `}` line holds `}},`.
    [
      "levels opened mid-line and closed together on the entry's last line",
      `{"log":{"entries":[\n{\n  "request": {"m": 1, "x": {"y": {\n    "z": 1\n  },\n  "w": 2\n}},\n  "response": {}\n}\n]}}`,
    ],
    ['the rest of the file on one line', `{"log":{"entries":[\n{\n  "a": {"x": 1}}, {"b": 2}, {"c": [3]}]}}`],
    ['a comma alone on a line', `{"log":{"entries":[\n{\n  "a": 1\n  ,\n  "b": 2\n}\n]}}`],
    ['tabs and spaces mixed', `{"log":{"entries":[\n{\n  "a": 1,\n\t\t"b": 2\n}\n]}}`],
    [
      'a closer followed by more on its line',
      `{"log":{"entries":[\n{\n  "a": {\n    "b": 1\n  }, "c": 2\n}\n]}}`,
    ],
    ['indentation that shrinks', `{"log":{"entries":[\n    {\n  "a": 1\n    }\n]}}`],
    ['an entry closed by `]` at its indentation', `{"log":{"entries":[\n{\n  "a": 1\n]\n}]}}`],
    // Caught only by its indentation: the line after the hidden `{` is indented deeper.
    [
      'a bracket hidden mid-line, the next line indented as it implies',
      `{"log":{"entries":[\n{\n "a": "x", "b": {"c": "y",\n     "d": 1\n},\n "e": 2\n}\n]}}`,
    ],
    [
      'entries with different indentation units',
      `{"log":{"entries":[\n{\n  "a": {\n    "b": 1\n  }\n},\n{\n    "c": {\n        "d": 2\n    }\n}\n]}}`,
    ],
  ];
  for (const [what, text] of odd) {
    it(`reads ${what} as byte by byte does`, () => {
      sameAsByteByByte(text);
    });
  }

  it('gives compact entries on one long line as they come, not once the line ends', () => {
    // A file whose entries are all on the line after `[`: each chunk's entries are handed on
    // with it, so a large file is not held in memory until its end.
    const s = new HarStreamSplitter();
    const got = s.push(enc.encode(`{"log":{"entries":[\n{"a": 1}, {"b": 2}, {"c": `));
    expect(got.map((e) => dec.decode(e.bytes))).toEqual(['{"a": 1}', '{"b": 2}']);
  });

  it('reads the rest of the input byte by byte after a line that does not fit', () => {
    const text = `{"log":{"entries":[\n{\n  "a": 1,\n\t\t"b": 2\n},\n${body},\n${body}\n]}}`;
    const got = sameAsByteByByte(text);
    expect(got.entries).toHaveLength(3);
    expect(got.byLine).toBe(0);
  });

  it('names the entry and its line when the input ends inside an entry it was following', () => {
    const text = `{"log":{"entries":[\n${body},\n${body}`.slice(0, -40);
    const got = sameAsByteByByte(text);
    expect(got.entries).toHaveLength(1);
    expect(got.error?.message).toMatch(
      /unexpected end of file inside entry 1 \(log\.entries\[1\], which starts on line \d+\)/,
    );
  });

  it('skips an entry too long to keep, as byte by byte does', () => {
    const long = JSON.stringify({ text: 'x'.repeat(body.length + 100) }, null, 2);
    const text = `{"log":{"entries":[\n${body},\n${long},\n${body}\n]}}`;
    const got = sameAsByteByByte(text, { maxEntryBytes: body.length + 10 });
    expect(got.entries.map((e) => e.oversize !== undefined)).toEqual([false, true, false]);
  });

  // 70 MiB split byte by byte: about a second alone, several on a loaded machine.
  it(
    'lets entries go as it reads when a line holds the rest of a file (bounded memory)',
    { timeout: 30_000 },
    () => {
      // `{` alone, then every other entry on one line of ~70 MiB: line mode could only know where
      // the first entry ends at that line's end, so it gives up past 64 MiB and reads byte by byte.
      const one = JSON.stringify({ request: { url: 'https://api.example.com/' + 'x'.repeat(1000) } });
      const rest = Array.from({ length: 70_000 }, () => one).join(',');
      const input = enc.encode(`{"log":{"entries":[\n{\n  "a": 1}, ${rest}\n]}}`);
      const s = new HarStreamSplitter();
      let before = 0;
      const chunk = 1 << 20;
      for (let at = 0; at + chunk < input.length; at += chunk)
        before += s.push(input.subarray(at, at + chunk)).length;
      // Everything but the last chunk is in: most entries are out already.
      expect(before).toBeGreaterThan(60_000);
    },
  );

  it('gives the same line and column for an error after entries it read line by line', () => {
    const text = `{"log":{"entries":[\n${body},\n${body}\n] x}}`;
    const got = sameAsByteByByte(text);
    expect(got.byLine).toBe(2);
    expect(got.error).toMatchObject({ line: 2 * body.split('\n').length + 2, column: 3 });
  });
});

describe('HarStreamSplitter line mode: a file made to mislead it', () => {
  // Brackets hidden mid-line, with every line indented as if they balanced: line mode cuts the
  // entry at a closer that is not its own. The cut is never silent: the slice is not one JSON
  // value, so its JSON.parse fails and the reader names it.
  it('cuts the entry where no JSON value ends, so reading it fails loudly', () => {
    const text = `{"log":{"entries":[\n{\n "a": "x", "b": {"c": "y",\n "d": 1\n},\n "e": 2\n}\n]}}`;
    const got = split(enc.encode(text), text.length);
    expect(() => JSON.parse(got.entries[0]!.text)).toThrow();
    expect(got.error).toBeDefined();
  });
});

describe('HarStreamSplitter line mode: more layouts and damaged files, as byte by byte', () => {
  // Crafted while reviewing line mode from the outside (each also run through the CLI against
  // the one before line mode, with the same reports, messages and exit codes).
  const two = { log: { ...har.log, entries: (har.log.entries as unknown[]).slice(7, 10) } };
  const indented = JSON.stringify(two, null, 2);

  it('reads a file cut short at every line end and in the middle of every line', () => {
    const ends = [...indented.matchAll(/\n/g)].map((m) => m.index);
    let byLine = 0;
    for (const [k, nl] of ends.entries()) {
      const cut = k % 2 === 0 ? nl : nl - Math.ceil((nl - (ends[k - 1] ?? 0)) / 2);
      const got = sameAsByteByByte(indented.slice(0, cut));
      expect(got.error, `cut at ${cut}`).toBeDefined();
      byLine += got.byLine;
    }
    expect(byLine).toBeGreaterThan(0);
  });

  const layouts: [string, string][] = [
    ['a byte order mark', `\ufeff${indented}`],
    ['blank lines between all lines', indented.replace(/\n/g, '\n\n')],
    ['old Mac line ends (CR only)', indented.replace(/\n/g, '\r')],
    [
      'empty objects and arrays spread over two lines',
      // Members only (`": {}`): the bodies' `{}` are inside strings, where a line break is not JSON.
      indented.replace(/": \{\}/g, '": {\n      }').replace(/": \[\]/g, '": [\n        ]'),
    ],
    [
      'entries compact and indented in turn',
      `{"log": {"entries": [\n${(two.log.entries as unknown[])
        .map((e, i) => (i % 2 ? JSON.stringify(e, null, 2) : JSON.stringify(e)).replace(/^/gm, '    '))
        .join(',\n')}\n]}}`,
    ],
    [
      'entries each on one line of their own',
      `{"log": {"entries": [\n${(two.log.entries as unknown[]).map((e) => JSON.stringify(e)).join(',\n')}\n]}}`,
    ],
    ['more after the HAR', `${indented}\n garbage`],
    ['a second HAR after the first', `${indented}\n${indented}`],
    ['an entry closed one space short of its indentation', indented.replace(/\n {6}\},\n/, '\n     },\n')],
    ['a comma missing inside an entry', indented.replace('"cache": {},', '"cache": {}')],
    ['a raw line break inside a string', indented.replace('"redirectURL": ""', '"redirectURL": "a {\n  b"')],
  ];
  for (const [what, text] of layouts) {
    it(`reads ${what} as byte by byte does`, () => {
      expect(text).not.toBe(indented);
      sameAsByteByByte(text);
    });
  }
});
