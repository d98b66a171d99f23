import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cli, writeScratch } from './cli-harness';

// The CLI's hold keeps HOLD_IN_MEMORY entries in memory before it moves to a temporary file; the
// knob lets these small HARs take the temporary-file path too, which must write the same report.
const knob = vi.hoisted(() => ({ inMemory: 4096, holds: 0 }));
vi.mock('../../../src/cli/lint/entry-hold', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../../src/cli/lint/entry-hold')>();
  return {
    ...mod,
    spillingHold: () => {
      knob.holds++;
      return mod.spillingHold(knob.inMemory);
    },
  };
});

/** A 401 with no WWW-Authenticate and an empty body: findings on every entry, so every format lists it. */
const entry = (second: number | null, path: string) => ({
  ...(second === null ? {} : { startedDateTime: `2024-05-01T10:00:0${second}.000Z` }),
  time: 1,
  request: { method: 'GET', url: `https://api.example.com${path}`, httpVersion: 'HTTP/1.1', headers: [] },
  response: {
    status: 401,
    statusText: '',
    httpVersion: 'HTTP/1.1',
    headers: [],
    content: { size: 0, mimeType: '' },
  },
});

/**
 * Recorded in completion order: the entry in position 0 started last. Position 2 cannot be read
 * (no start time: it stays after the entry before it, whose start is the latest so far), and
 * positions 1 and 4 started at the same moment (file order breaks the tie).
 */
const OUT_OF_ORDER = [entry(3, '/c'), entry(1, '/a'), { request: 5 }, entry(2, '/b'), entry(1, '/a2')];
/** Entry positions in request order. */
const REQUEST_ORDER = [1, 4, 3, 0];

let har = '';
let inOrder = '';
beforeAll(() => {
  const log = (entries: object[]) => ({
    log: { version: '1.2', creator: { name: 't', version: '1' }, entries },
  });
  har = writeScratch('out-of-order.har', JSON.stringify(log(OUT_OF_ORDER), null, 2));
  inOrder = writeScratch(
    'in-order.har',
    JSON.stringify(log([entry(1, '/x'), entry(null, '/no-start'), entry(2, '/y')]), null, 2),
  );
});

const dedupe = (xs: number[]) => xs.filter((x, i) => i === 0 || xs[i - 1] !== x);

/** Per format: the entry positions the report lists, in the order it lists them. */
const ORDER: Record<string, (report: string) => number[]> = {
  text: (r) => [...r.matchAll(/^ {2}#(\d+) /gm)].map((m) => Number(m[1])),
  json: (r) => (JSON.parse(r) as { exchanges: { index: number }[] }).exchanges.map((e) => e.index),
  sarif: (r) =>
    dedupe(
      (
        JSON.parse(r) as {
          runs: { results: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }[] }[];
        }
      ).runs[0]!.results.map((res) =>
        Number(/\[(\d+)\]/.exec(res.locations[0]!.logicalLocations[0]!.fullyQualifiedName)![1]),
      ),
    ),
  junit: (r) => [...r.matchAll(/<testcase [^>]*name="#(\d+) GET/g)].map((m) => Number(m[1])),
  markdown: (r) => [...r.matchAll(/, entry (\d+) \(line \d+\)/g)].map((m) => Number(m[1])),
};

describe('lint lists entries in request order (#16), every format', () => {
  for (const [format, order] of Object.entries(ORDER)) {
    it(`--format ${format}: by start time, ties in file order, indexes still the file's`, async () => {
      knob.inMemory = 4096;
      const r = await cli(['lint', har, '--format', format, '--fail-on', 'none']);
      expect(r.code).toBe(2); // entry 2 cannot be read
      expect(order(r.stdout)).toEqual(REQUEST_ORDER);
      // The report names entries by their place in the file: #1 is still /a, #0 still /c.
      if (format === 'json') {
        const ex = (JSON.parse(r.stdout) as { exchanges: { index: number; url: string }[] }).exchanges;
        expect(ex.map((e) => `${e.index} ${new URL(e.url).pathname}`)).toEqual([
          '1 /a',
          '4 /a2',
          '3 /b',
          '0 /c',
        ]);
      }
    });

    it(`--format ${format}: the same bytes when the held entries go to a temporary file`, async () => {
      knob.inMemory = 4096;
      knob.holds = 0;
      const memory = await cli(['lint', har, inOrder, '--format', format, '--fail-on', 'none']);
      for (const inMemory of [0, 2]) {
        knob.inMemory = inMemory;
        const spilled = await cli(['lint', har, inOrder, '--format', format, '--fail-on', 'none']);
        expect(spilled.stdout).toBe(memory.stdout);
        expect(spilled.stderr).toBe(memory.stderr);
      }
      expect(knob.holds).toBe(6); // three runs, two files each: the CLI's own hold was used
      knob.inMemory = 4096;
    });
  }

  it('keeps a file in order as it is; an entry with no start stays after the one before it', async () => {
    const r = await cli(['lint', inOrder, '--format', 'json', '--fail-on', 'none']);
    expect(ORDER.json!(r.stdout)).toEqual([0, 1, 2]);
  });

  it('orders within each file, files in command-line order', async () => {
    const r = await cli(['lint', inOrder, har, '--format', 'json', '--fail-on', 'none']);
    const ex = (JSON.parse(r.stdout) as { exchanges: { index: number; file: string }[] }).exchanges;
    expect(ex.map((e) => `${e.file.endsWith('in-order.har') ? 'A' : 'B'}${e.index}`)).toEqual([
      'A0',
      'A1',
      'A2',
      ...REQUEST_ORDER.map((i) => `B${i}`),
    ]);
  });

  it('puts an unreadable entry’s problem where its place in request order is', async () => {
    const r = await cli(['lint', har, '--format', 'junit', '--fail-on', 'none']);
    expect([...r.stdout.matchAll(/<testcase [^>]*name="#(\d+)/g)].map((m) => Number(m[1]))).toEqual([
      ...REQUEST_ORDER,
      2,
    ]);
  });
});
