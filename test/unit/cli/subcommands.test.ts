import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBCOMMAND_NAMES } from '../../../src/cli/commands';
import { cli, ROOT } from './cli-harness';

/** The synopsis block at the top of docs/cli.md: its lines that start with the tool's name. */
function docsSynopsis(): string[] {
  const doc = readFileSync(resolve(ROOT, 'docs/cli.md'), 'utf8');
  const block = /```\n([\s\S]*?)```/.exec(doc)![1]!;
  return block.split('\n').filter((l) => l.startsWith('status-lens '));
}

/** The global help's Usage lines, one per synopsis. */
async function helpUsage(): Promise<string[]> {
  const r = await cli(['--help']);
  expect(r.code).toBe(0);
  const usage = /Usage:\n([\s\S]*?)\n\n/.exec(r.stdout)![1]!;
  return usage.split('\n').map((l) => l.trim());
}

/** A line that gives NAME as the command: right after the tool's name, or after a `|`. */
const namesCommand = (line: string, name: string) =>
  new RegExp(`^status-lens (?:.*\\| )?${name}(?: |$)`).test(line);

describe('every subcommand the CLI accepts is documented', () => {
  it('registers the commands a newcomer reads about, version and help included', () => {
    expect(SUBCOMMAND_NAMES).toEqual(['lint', 'diff', 'explain', 'rules', 'version', 'help']);
  });

  it.each(SUBCOMMAND_NAMES)('--help lists %s in its Usage', async (name) => {
    expect((await helpUsage()).some((l) => namesCommand(l, name))).toBe(true);
  });

  it.each(SUBCOMMAND_NAMES)('docs/cli.md lists %s in its synopsis', (name) => {
    expect(docsSynopsis().some((l) => namesCommand(l, name))).toBe(true);
  });

  it.each(SUBCOMMAND_NAMES)('%s --help and help %s print the same help', async (name) => {
    const a = await cli([name, '--help']);
    const b = await cli(['help', name]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`Usage: status-lens ${name}`);
    expect(b.stdout).toBe(a.stdout);
  });

  it('runs version as --version does', async () => {
    const a = await cli(['version']);
    const b = await cli(['--version']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(a.stdout).toBe(b.stdout);
  });

  it('names every command when one is unknown', async () => {
    const r = await cli(['lnt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(expected lint, diff, explain, rules, version or help)');
  });
});
