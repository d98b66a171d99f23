import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry } from '../fixtures/hostile/entries';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/status-lens.mjs');

/*
 * The built CLI finds an indented entry's end line by line, and reads every other layout byte by
 * byte (src/core/har/stream-splitter/line-skipper.ts). Whatever the layout, a HAR must give the
 * same report, from a file or from standard input: these layouts were crafted in review, one of
 * them (a member opening an object on the entry's first line) a valid HAR the CLI once refused.
 */

// Bodies with what a reader of lines could take for structure: escaped and real-looking brackets.
const entries = [
  entry({ path: '/items/0', status: 201, text: '{"id":1}' }),
  entry({ path: '/items/1', status: 404, text: '{"error":"x\\n}\\n{"}' }),
  entry({ path: '/items/2', status: 500, text: JSON.stringify({ text: '\n}\n]\n' }) }),
];
const har = { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } };
const indented = JSON.stringify(har, null, 2);

const layouts: Record<string, string | Buffer> = {
  'indented by 4': JSON.stringify(har, null, 4),
  'tabs and CRLF': JSON.stringify(har, null, '\t').replace(/\n/g, '\r\n'),
  'a byte order mark': `\ufeff${indented}`,
  'UTF-16LE': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(indented, 'utf16le')]),
  'compact and indented entries in turn': `{"log": {"entries": [\n${entries
    .map((e, i) => (i % 2 ? JSON.stringify(e, null, 2) : JSON.stringify(e)).replace(/^/gm, '    '))
    .join(',\n')}\n]}}`,
  // The request's members are indented as the entry's own would be: only the `{` that ends the
  // first line shows a level the indentation does not.
  'a member opening an object on the entry’s first line': `{"log": {"entries": [\n${entries
    .map(({ request, ...rest }) => {
      const members = (o: unknown) => JSON.stringify(o).slice(1, -1);
      return `{"request": {\n  ${members(request)}\n}, ${members(rest)}}`;
    })
    .join(',\n')}\n]}}`,
};

let dir: string;

function lint(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', ...args], {
    cwd: dir,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  const report = JSON.parse(r.stdout) as { exchanges: { file?: string }[] };
  return { code: r.status, stderr: r.stderr, exchanges: report.exchanges.map(({ file: _, ...e }) => e) };
}

describe('status-lens lint reads a HAR the same in every layout', () => {
  let reference: ReturnType<typeof lint>;
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first`);
    dir = mkdtempSync(join(tmpdir(), 'status-lens-layouts-'));
    writeFileSync(join(dir, 'compact.har'), JSON.stringify(har));
    reference = lint(['compact.har']);
    expect(reference.exchanges).toHaveLength(3);
    expect(reference.stderr).toBe('');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [what, text] of Object.entries(layouts)) {
    it(`${what}: the same report from a file and from standard input`, () => {
      if (typeof text === 'string') expect(text).not.toBe(indented);
      writeFileSync(join(dir, 'layout.har'), text);
      expect(lint(['layout.har'])).toEqual(reference);
      expect(lint(['-'], text)).toEqual(reference);
    });
  }
});
