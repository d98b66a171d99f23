import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, RULES, SESSION_RULES } from '../../../src/core/rules/registry';
import { BUILTIN_PROFILE_IDS as PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { BUILTIN_RULES, BUILTINS } from '../../../src/core/profiles/registry';
import { citationMismatch } from '../../helpers/citations';
import { defaultSeverityText } from '../../../src/core/rules/default-severity';

const ROOT = resolve(import.meta.dirname, '../../..');
const RULES_ROOT = join(ROOT, 'src/core/rules');
// Every folder under src/core/rules holds rules, except the neutral helpers' home.
const RULE_DIRS = readdirSync(RULES_ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'shared')
  .map((d) => d.name);

/** Every .ts file under a folder, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** The files under src/ whose relative imports resolve to `target` (a path without .ts). */
function importersOf(target: string): string[] {
  return tsFiles(join(ROOT, 'src')).filter((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].some(
      (m) => resolve(dirname(file), m[1]!) === target,
    ),
  );
}

describe('rule registry meta-checks', () => {
  it('has no duplicate ids', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // Issue #18: session rules are rules like any other (one file, docs, a table of sequences),
  // and session/ holds only them. A rule of another family may judge the session too (it
  // reports a fact once per session: security/server-version-disclosure, and the Origin-less
  // info of security/cors-credentials-wildcard), keeping its family's id.
  it('keeps only session rules under session/', () => {
    expect(SESSION_RULES.length).toBeGreaterThanOrEqual(9);
    for (const r of ALL_RULES) if (r.id.startsWith('session/')) expect(r.kind).toBe('session');
    expect(SESSION_RULES.filter((r) => !r.id.startsWith('session/')).map((r) => r.id)).toEqual([
      'security/cors-credentials-wildcard',
      'security/server-version-disclosure',
    ]);
  });

  // README and docs/cli.md link the session rules' folder: its index lists each one as it is.
  it('lists every session rule, with its default, in docs/rules/session/README.md', () => {
    const index = readFileSync(join(ROOT, 'docs/rules/session/README.md'), 'utf8');
    for (const r of SESSION_RULES) {
      const page = r.id.startsWith('session/') ? `${r.id.slice('session/'.length)}.md` : `../${r.id}.md`;
      expect(index, r.id).toContain(`[${r.id}](${page})`);
      const line = index.split('\n').find((l) => l.includes(`[${r.id}]`)) ?? '';
      expect(line, r.id).toMatch(new RegExp(`\\b${r.severity}\\b`));
    }
  });

  it.each(SESSION_RULES.map((r) => [r.id, r] as const))(
    '%s has sequence tables and documents its options',
    (id, rule) => {
      const test = readFileSync(join(ROOT, 'test/unit/rules', `${id}.test.ts`), 'utf8');
      expect(test).toMatch(/sessionRuleTester\(/);
      expect(test).toMatch(/valid: \[/);
      expect(test).toMatch(/near miss/i);
      const doc = readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
      for (const o of rule.options) {
        expect(o.default).toBeGreaterThanOrEqual(o.min);
        expect(o.default).toBeLessThanOrEqual(o.max);
        expect(doc, `${id} docs name option ${o.name}`).toContain(`\`${o.name}\``);
        // The table's default and range are the rule's own (the options page and the CLI show those).
        const row = doc.split('\n').find((l) => l.startsWith(`| \`${o.name}\``)) ?? '';
        expect(
          row
            .split('|')
            .map((c) => c.trim())
            .slice(2, 4),
          `${id} docs table row of ${o.name}`,
        ).toEqual([String(o.default), `${o.min}–${o.max}`]);
      }
    },
  );

  it.each(ALL_RULES.map((r) => [r.id, r] as const))(
    '%s lives in the file its id names, with docs and tests',
    async (id, rule) => {
      const file = join(ROOT, 'src/core/rules', `${id}.ts`);
      expect(existsSync(file), `${file} exists`).toBe(true);
      const mod = (await import(file)) as { default: unknown };
      expect(mod.default).toBe(rule);
      const doc = join(ROOT, 'docs/rules', `${id}.md`);
      expect(existsSync(doc), `${doc} exists`).toBe(true);
      expect(readFileSync(doc, 'utf8')).toContain(id);
      const test = join(ROOT, 'test/unit/rules', `${id}.test.ts`);
      expect(existsSync(test), `${test} exists`).toBe(true);
      expect(readFileSync(test, 'utf8')).toMatch(
        rule.kind === 'session' ? /sessionRuleTester\(/ : /ruleTester\(/,
      );
    },
  );

  it.each(ALL_RULES.map((r) => [r.id, r] as const))(
    '%s declares what the docs and options page need',
    (_id, rule) => {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.source.label).not.toBe('');
      expect(rule.source.url).toMatch(/^https:\/\//);
      // The section a rule's label cites is the one its link opens; findings are held to it by the testers.
      expect(citationMismatch(rule.source.label, rule.source)).toBeUndefined();
      expect(['core', 'opt-in', ...PROFILE_IDS]).toContain(rule.group);
      const prefix = rule.id.split('/')[0]!;
      if ((PROFILE_IDS as readonly string[]).includes(prefix)) expect(rule.group).toBe(prefix);
    },
  );

  it.each(ALL_RULES.map((r) => [r.id, r] as const))(
    '%s docs page header states the rule’s own default, group and source',
    (id, rule) => {
      const header = readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8').split('\n')[2] ?? '';
      // The level and its other cases word for word as `status-lens rules` gives them.
      expect(header.startsWith(`**Default:** ${defaultSeverityText(rule)} · `), header).toBe(true);
      expect(header).toContain(`**Group:** ${rule.group}`);
      expect(header).toContain(`**Source:** [${rule.source.label}](${rule.source.url})`);
    },
  );

  // Rules a built-in's data generates (graphql/media-type, …) have no rule file, but users see
  // them in findings and rate them in the options page, so each needs its page like any other.
  const BUILTIN_PROFILE_RULES = BUILTINS.flatMap((p) => p.rules.map((r) => [p.doc.id, r.id, r] as const));

  it('knows the rules the built-ins generate from data', () => {
    const registered = new Set(RULES.map((r) => r.id));
    const generated = BUILTIN_PROFILE_RULES.filter(([, id]) => !registered.has(id)).map(([, id]) => id);
    expect(generated).toEqual(expect.arrayContaining(['graphql/media-type', 'jsonapi/media-type']));
    expect(BUILTIN_RULES.map((r) => r.id)).toEqual([
      ...RULES.map((r) => r.id),
      ...generated,
      ...SESSION_RULES.map((r) => r.id),
    ]);
  });

  it.each(BUILTIN_PROFILE_RULES)(
    'built-in profile %s: %s has a docs page whose header states its default, group and source',
    (profile, id, rule) => {
      expect(id.startsWith(`${profile}/`), `${id} carries its profile's prefix`).toBe(true);
      const doc = join(ROOT, 'docs/rules', `${id}.md`);
      expect(existsSync(doc), `${doc} exists`).toBe(true);
      const lines = readFileSync(doc, 'utf8').split('\n');
      expect(lines[0]).toBe(`# ${id}`);
      const header = lines[2] ?? '';
      expect(header.startsWith(`**Default:** ${defaultSeverityText(rule)} · `), header).toBe(true);
      expect(header).toContain(`**Group:** ${rule.group}`);
      expect(header).toContain(`**Source:** [${rule.source.label}](${rule.source.url})`);
    },
  );

  // A finding's level is what --fail-on reads: a rule that reports some cases at another level
  // than its default says which (otherSeverities), so `rules` and its page list them.
  it.each(ALL_RULES.map((r) => [r.id, r] as const))(
    '%s declares every level its file reports at',
    (id, rule) => {
      const src = readFileSync(join(RULES_ROOT, `${id}.ts`), 'utf8');
      const levels = new Set([...src.matchAll(/severity\??: '(info|warning|error)'/g)].map((m) => m[1]));
      levels.delete(rule.severity);
      expect([...new Set((rule.otherSeverities ?? []).map((o) => o.severity))].sort()).toEqual(
        [...levels].sort(),
      );
    },
  );

  it('finds every rule folder, new ones included', () => {
    expect(RULE_DIRS).toEqual(expect.arrayContaining(['http', 'body', 'security', ...PROFILE_IDS]));
    for (const r of ALL_RULES) expect(RULE_DIRS).toContain(r.id.split('/')[0]);
  });

  it('registers every rule file', () => {
    const registered = new Set(ALL_RULES.map((r) => r.id));
    for (const dir of RULE_DIRS) {
      for (const f of readdirSync(join(ROOT, 'src/core/rules', dir))) {
        if (!f.endsWith('.ts') || f === 'index.ts') continue;
        const src = readFileSync(join(ROOT, 'src/core/rules', dir, f), 'utf8');
        if (!src.includes('defineRule(') && !src.includes('defineSessionRule(')) continue;
        expect(registered.has(`${dir}/${f.replace(/\.ts$/, '')}`), `${dir}/${f} is in the registry`).toBe(
          true,
        );
      }
    }
  });

  // Issue #12: a helper that sits among a family's rules serves that family only; anything another
  // family or module needs lives in a neutral home (rules/shared, leaks/, secrets/).
  it('keeps every helper in a rule folder private to its family', () => {
    for (const dir of RULE_DIRS) {
      const folder = join(RULES_ROOT, dir);
      for (const f of readdirSync(folder)) {
        if (!f.endsWith('.ts') || f === 'index.ts') continue;
        const text = readFileSync(join(folder, f), 'utf8');
        if (text.includes('defineRule(') || text.includes('defineSessionRule(')) continue;
        const outsiders = importersOf(join(folder, f.replace(/\.ts$/, ''))).filter(
          (file) => dirname(file) !== folder,
        );
        expect(
          outsiders.map((o) => o.slice(ROOT.length + 1)),
          `importers of ${dir}/${f}`,
        ).toEqual([]);
      }
    }
  });

  it('keeps the security folder to rules: its scanning helpers live in src/core/leaks', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    for (const f of readdirSync(join(RULES_ROOT, 'security'))) {
      if (f === 'index.ts') continue;
      expect(ids.has(`security/${f.replace(/\.ts$/, '')}`), `security/${f} is a registered rule`).toBe(true);
    }
  });
});
