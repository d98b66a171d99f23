import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../../helpers/contrast';

/**
 * A `var(--name)` that no stylesheet defines falls back to its second argument, written for the
 * light theme: in the dark theme the profile suggestion was light text on a light background.
 * Every variable comes from src/ui/theme.css (no stylesheet or inline style defines its own).
 */
const SRC = resolve(import.meta.dirname, '../../../src');

/**
 * A stylesheet's text without its comments, strings kept whole: a comment may mention a
 * variable (`/* --accent: was #1a73e8 *\/`, `{`, `}`) and is no declaration, use or block.
 */
const withoutComments = (css: string) =>
  css.replace(
    /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?(?:\*\/|$)/g,
    (_, str?: string) => str ?? ' ',
  );

const THEME = withoutComments(readFileSync(join(SRC, 'ui/theme.css'), 'utf8'));

const stylesheets = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.css'))
  .map((f) => ({
    file: relative(SRC, join(SRC, f)),
    text: withoutComments(readFileSync(join(SRC, f), 'utf8')),
  }));

/** The custom properties one block of a stylesheet (theme.css) sets, with their values. */
function block(selector: string, css = THEME): Map<string, string> {
  const at = css.indexOf(`${selector} {`);
  expect(at, selector).toBeGreaterThanOrEqual(0);
  const body = css.slice(at, css.indexOf('}', at));
  return new Map([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** Custom properties a stylesheet defines: `--name:` after the start, `;`, `{` or a space. */
const definitions = (css: string) => [...css.matchAll(/(?:^|[;{\s])(--[\w-]+)\s*:/g)].map((m) => m[1]!);

const light = block(':root');
const dark = block("[data-theme='dark']");

describe('CSS custom properties', () => {
  it('every var(--name) used in src/**/*.css is defined in theme.css', () => {
    expect(stylesheets.length).toBeGreaterThan(5);
    const undefinedUses = stylesheets.flatMap(({ file, text }) =>
      [...text.matchAll(/var\(\s*(--[\w-]+)/g)]
        .map((m) => m[1]!)
        .filter((name) => !light.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(undefinedUses).toEqual([]);
    // Nothing defines a variable of its own elsewhere (the test would have to allow it).
    const localDefinitions = stylesheets
      .filter(({ file }) => file !== join('ui', 'theme.css'))
      .flatMap(({ file, text }) => definitions(text).map((name) => `${file}: ${name}`));
    expect(localDefinitions).toEqual([]);
  });

  it('reads declarations, not comments that mention one', () => {
    const css = withoutComments(`/* :root { --ghost: #fff; } */
:root {
  /* --fg: was #000; the new one reads 4.8:1 on --bg-toolbar { } */
  --fg: #1f1f1f;
  --quote: "/* not a comment */";
  /* unclosed at the end`);
    const root = block(':root', css);
    expect([...root]).toEqual([
      ['--fg', '#1f1f1f'],
      ['--quote', '"/* not a comment */"'],
    ]);
    expect(definitions(css)).toEqual(['--fg', '--quote']);
  });

  it('the dark theme sets every colour the light theme sets', () => {
    const colours = [...light].filter(([, v]) => v.startsWith('#')).map(([k]) => k);
    expect(colours.filter((k) => !dark.has(k))).toEqual([]);
  });

  it.each([
    ['--fg', '--info-bg'],
    ['--link', '--info-bg'],
    ['--fg', '--warning-bg'],
    ['--fg', '--accent-bg'],
    ['--link', '--bg'],
    ['--sev-warning', '--bg'],
    ['--sev-error', '--bg'],
    ['--fam-2xx', '--bg'],
    // Text on the tinted surfaces it is actually drawn on: the selected detail tab (accent on
    // --bg-alt), the selected view tab (on --bg-toolbar), each finding's severity mark (on
    // --bg-alt), and "● Recording" (--sev-error on the pressed button's --bg-selected).
    ['--accent', '--bg-alt'],
    ['--accent', '--bg-toolbar'],
    ['--sev-warning', '--bg-alt'],
    ['--sev-error', '--bg-alt'],
    ['--sev-info', '--bg-alt'],
    ['--sev-error', '--bg-selected'],
  ])('%s on %s reads at 4.5:1 or more in both themes', (fg, bg) => {
    for (const [name, theme] of [
      ['light', light],
      ['dark', dark],
    ] as const)
      expect(contrast(theme.get(fg)!, theme.get(bg)!), name).toBeGreaterThanOrEqual(4.5);
  });
});
