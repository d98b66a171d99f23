import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMAS = readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json'));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/**
 * The JSON Schemas the package ships. No website serves them, so their `$id` is a name (a URN)
 * that claims no address, and the docs send editors to the file in node_modules.
 */
describe('schemas/*.schema.json', () => {
  it('ships the profile, the report and the settings schema', () => {
    expect(SCHEMAS.sort()).toEqual(['profile.schema.json', 'report-v1.schema.json', 'settings.schema.json']);
  });

  it.each(SCHEMAS)('%s has an $id that is a name, never a URL to fetch', (file) => {
    const schema = JSON.parse(read(`schemas/${file}`)) as { $id: string; $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^urn:status-lens:schema:[a-z0-9:]+$/);
  });

  it('gives each schema an $id of its own', () => {
    const ids = SCHEMAS.map((f) => (JSON.parse(read(`schemas/${f}`)) as { $id: string }).$id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names in the docs the $id each schema has', () => {
    const docs = read('docs/profiles.md') + read('docs/cli.md');
    for (const f of SCHEMAS) {
      const { $id } = JSON.parse(read(`schemas/${f}`)) as { $id: string };
      expect(docs).toContain(`\`${$id}\``);
    }
  });

  it('sends editors to files the package holds (node_modules/status-lens/schemas/…)', () => {
    const pkg = JSON.parse(read('package.json')) as { files: string[] };
    expect(pkg.files).toContain('schemas/');
    const docs = read('docs/profiles.md') + read('docs/cli.md') + read('README.md');
    const named = [...docs.matchAll(/node_modules\/status-lens\/schemas\/([\w.-]+)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const f of named) expect(SCHEMAS).toContain(f);
  });

  it('no longer points any doc or example at the made-up github.com/…/schemas/ address', () => {
    for (const path of [
      'docs/profiles.md',
      'docs/cli.md',
      'README.md',
      ...SCHEMAS.map((f) => `schemas/${f}`),
    ])
      expect(read(path)).not.toContain('status-lens/status-lens/schemas');
  });
});
