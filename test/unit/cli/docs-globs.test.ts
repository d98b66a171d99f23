import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../../src/cli/help';
import { ROOT } from './cli-harness';

/** README.md and every Markdown page under docs/. */
function pages(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f));
  return ['README.md', ...docs];
}

/** A glob argument left to the shell: `recordings/*.har`, `{a,b}.har`, not inside quotes. */
const BARE_GLOB = /(?:^|\s)[^\s"'`]*[*{][^\s"'`]*\.har(?=\s|$)/;

/** The lines that run status-lens on files, from any page or help text. */
const commandLines = (text: string) => text.split('\n').filter((l) => /status-lens (lint|diff)\b/.test(l));

describe('glob patterns in examples are quoted, as the docs advise', () => {
  it.each(pages())('%s', (page) => {
    const bare = commandLines(readFileSync(join(ROOT, page), 'utf8')).filter((l) => BARE_GLOB.test(l));
    expect(bare).toEqual([]);
  });

  it('in the help', () => {
    const bare = Object.values(HELP)
      .flatMap(commandLines)
      .filter((l) => BARE_GLOB.test(l));
    expect(bare).toEqual([]);
  });

  it('and the check would catch one left bare', () => {
    expect(BARE_GLOB.test('npx status-lens lint recordings/*.har --openapi x.yaml')).toBe(true);
    expect(BARE_GLOB.test('npx status-lens lint "recordings/*.har" --openapi x.yaml')).toBe(false);
  });
});
