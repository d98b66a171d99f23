import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import { RULE_IDS } from '../../../src/core/rules/registry';
import { run } from '../../../src/cli/run';

export const FIXTURES = resolve(__dirname, '../../fixtures/har');
/** Runs are made from the repository root, so fixture paths read as they would in CI. */
export const ROOT = resolve(__dirname, '../../..');
export const fixture = (name: string) => `test/fixtures/har/${name}`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  stdin?: string | Uint8Array | Uint8Array[];
  env?: Record<string, string>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  cwd?: string;
}

/** Drives the CLI in-process, capturing what it writes. */
export async function cli(argv: string[], opts: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const input = opts.stdin ?? '';
  const chunks = Array.isArray(input) ? input : [typeof input === 'string' ? Buffer.from(input) : input];
  const code = await run(argv, {
    stdin: Readable.from(chunks),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: opts.env ?? {},
    stdoutIsTTY: opts.stdoutIsTTY ?? false,
    stderrIsTTY: opts.stderrIsTTY ?? false,
    cwd: opts.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A scratch directory removed after the test file. */
export function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'status-lens-cli-'));
  dirs.push(d);
  return d;
}

export function writeScratch(name: string, content: string | object): string {
  const path = join(scratch(), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/**
 * A settings file turning every rule off, so tests can switch on just the ones they are
 * about: other rules are still being written and may fire on the fixtures.
 */
export function allRulesOffConfig(extra: Record<string, string> = {}): string {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) rules[id] = 'off';
  return writeScratch('all-off.json', { version: 1, rules: { ...rules, ...extra } });
}

export interface HarEntrySpec {
  method?: string;
  url?: string;
  status?: number;
  statusText?: string;
  headers?: Record<string, string>;
  /** The request's headers (none recorded by default). */
  requestHeaders?: Record<string, string>;
  mimeType?: string;
  text?: string;
  encoding?: string;
}

export function harEntry(spec: HarEntrySpec = {}): object {
  const content: Record<string, unknown> = { size: spec.text?.length ?? 0, mimeType: spec.mimeType ?? '' };
  if (spec.text !== undefined) content.text = spec.text;
  if (spec.encoding) content.encoding = spec.encoding;
  return {
    startedDateTime: '2024-05-01T10:00:00.000Z',
    time: 1,
    request: {
      method: spec.method ?? 'GET',
      url: spec.url ?? 'https://api.example.com/x',
      httpVersion: 'HTTP/1.1',
      headers: Object.entries(spec.requestHeaders ?? {}).map(([name, value]) => ({ name, value })),
    },
    response: {
      status: spec.status ?? 200,
      statusText: spec.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      headers: Object.entries(spec.headers ?? {}).map(([name, value]) => ({ name, value })),
      content,
    },
  };
}

/** An entry started `at` ms after 10:00 (1 May 2024), lasting `time` ms: session rules read both. */
export function timedEntry(at: number, time: number, spec: HarEntrySpec = {}): object {
  const e = harEntry(spec) as { startedDateTime: string; time: number };
  e.startedDateTime = new Date(Date.UTC(2024, 4, 1, 10) + at).toISOString();
  e.time = time;
  return e;
}

export function harText(entries: object[], indent = 2): string {
  return JSON.stringify(
    { log: { version: '1.2', creator: { name: 't', version: '1' }, entries } },
    null,
    indent,
  );
}

/** A scratch HAR file holding one entry. */
export function oneEntryHar(spec: HarEntrySpec): string {
  return writeScratch('capture.har', harText([harEntry(spec)]));
}
