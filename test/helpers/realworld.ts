import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { run } from '../../src/cli/run';
import { BUILTIN_PROFILE_IDS as PROFILE_IDS } from '../../src/core/profiles/builtins';

/**
 * The real-world corpus (test/fixtures/realworld, provenance in its SOURCES.md) linted by the
 * CLI in-process, reduced to what a reviewer checks: per entry, the rule ids that fired and at
 * what severity; per run, the exit code and the input problems. Shared by the corpus test and
 * scripts/update-corpus-expectations.mjs, so the file the script writes is exactly what the test
 * compares against.
 */

export const ROOT = resolve(__dirname, '../..');
export const CORPUS_DIR = resolve(ROOT, 'test/fixtures/realworld');
export const EXPECTED_DIR = resolve(CORPUS_DIR, 'expected');

/** The two runs per file: no profile, and every profile at once. */
export const MODES = {
  core: [] as string[],
  allProfiles: [`--profile`, PROFILE_IDS.join(',')],
} as const;
export type Mode = keyof typeof MODES;

export interface EntryFindings {
  index: number;
  method: string;
  status: number;
  /** Scheme, host and path, cut to 100 characters: enough to find the entry, short enough to read. */
  url: string;
  /** "rule-id severity", in the order the engine reports them (worst first). */
  findings: string[];
}

export interface RunOutcome {
  exitCode: number;
  entries: EntryFindings[];
  /** Input problems ("entry 4: not valid JSON …"), as the report lists them. */
  problems: string[];
}

export interface Expectation {
  file: string;
  runs: Record<Mode, RunOutcome>;
  /** Why each rule id that fires anywhere in this file is right (or, if not, which issue will fix it). */
  why: Record<string, string>;
}

/** A `why` the update script writes for a rule id nobody has reviewed yet; the test refuses it. */
export const UNREVIEWED = 'UNREVIEWED';

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.har'))
    .sort();
}

export function expectedPath(file: string): string {
  return resolve(EXPECTED_DIR, file.replace(/\.har$/, '.json'));
}

interface JsonReport {
  exchanges: {
    index: number;
    method: string;
    url: string;
    status: number;
    findings: { rule: string; severity: string }[];
  }[];
  problems: { kind: string; index?: number; message: string }[];
}

function shortUrl(url: string): string {
  const noQuery = url.replace(/[?#].*$/s, '');
  return noQuery.length > 100 ? `${noQuery.slice(0, 99)}…` : noQuery;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `status-lens lint <file> [args]` in-process, from the repository root. */
export async function lintCorpusFile(file: string, args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(['lint', `test/fixtures/realworld/${file}`, ...args], {
    stdin: Readable.from([]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}

export async function runOutcome(file: string, mode: Mode): Promise<RunOutcome> {
  const r = await lintCorpusFile(file, [...MODES[mode], '--format', 'json']);
  const report = JSON.parse(r.stdout) as JsonReport;
  return {
    exitCode: r.code,
    entries: report.exchanges.map((ex) => ({
      index: ex.index,
      method: ex.method,
      status: ex.status,
      url: shortUrl(ex.url),
      findings: ex.findings.map((f) => `${f.rule} ${f.severity}`),
    })),
    problems: report.problems.map(
      (p) => `${p.kind}${p.index !== undefined ? ` ${p.index}` : ''}: ${p.message}`,
    ),
  };
}

export async function computeRuns(file: string): Promise<Record<Mode, RunOutcome>> {
  return { core: await runOutcome(file, 'core'), allProfiles: await runOutcome(file, 'allProfiles') };
}

/** Every rule id that fires in any run of the file. */
export function firingRules(runs: Record<Mode, RunOutcome>): string[] {
  const ids = new Set<string>();
  for (const r of Object.values(runs))
    for (const e of r.entries) for (const f of e.findings) ids.add(f.split(' ')[0]!);
  return [...ids].sort();
}

export function readExpectation(file: string): Expectation | undefined {
  try {
    return JSON.parse(readFileSync(expectedPath(file), 'utf8')) as Expectation;
  } catch {
    return undefined;
  }
}

/**
 * The expectation for `runs`, keeping every reviewed `why` of a rule id that still fires and
 * marking new ones UNREVIEWED.
 */
export function mergeExpectation(
  file: string,
  runs: Record<Mode, RunOutcome>,
  previous?: Expectation,
): Expectation {
  const why: Record<string, string> = {};
  for (const id of firingRules(runs)) why[id] = previous?.why[id] ?? UNREVIEWED;
  return { file, runs, why };
}

/**
 * One entry per line, so a change in findings is a one-line diff that names the entry.
 * Deterministic: the same findings always give the same bytes.
 */
export function serializeExpectation(e: Expectation): string {
  const lines: string[] = ['{', `  "file": ${JSON.stringify(e.file)},`, '  "why": {'];
  const why = Object.entries(e.why);
  why.forEach(([id, text], i) =>
    lines.push(`    ${JSON.stringify(id)}: ${JSON.stringify(text)}${i < why.length - 1 ? ',' : ''}`),
  );
  lines.push('  },', '  "runs": {');
  const modes = Object.keys(MODES) as Mode[];
  modes.forEach((mode, m) => {
    const r = e.runs[mode];
    lines.push(`    ${JSON.stringify(mode)}: {`, `      "exitCode": ${r.exitCode},`);
    lines.push(`      "problems": ${JSON.stringify(r.problems)},`, '      "entries": [');
    r.entries.forEach((entry, i) =>
      lines.push(`        ${JSON.stringify(entry)}${i < r.entries.length - 1 ? ',' : ''}`),
    );
    lines.push('      ]', `    }${m < modes.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}
