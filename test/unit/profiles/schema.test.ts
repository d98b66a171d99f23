import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { profileSchema, type JsonSchema } from '../../../scripts/profile-schema';
import { BUILTIN_PROFILE_IDS, BUILTIN_PROFILES } from '../../../src/core/profiles/builtins';
import { validateProfile } from '../../../src/core/profiles/validate';
import { ALL_RULES } from '../../../src/core/rules/registry';

const ROOT = resolve(import.meta.dirname, '../../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/profile.schema.json'), 'utf8')) as JsonSchema;
const validator = new Validator(schema as never, '2020-12', false);
const EXAMPLES = readdirSync(join(ROOT, 'examples/profiles')).filter((f) => f.endsWith('.json'));

const schemaErrors = (doc: unknown) =>
  validator.validate(doc).errors.map((e) => `${e.instanceLocation}: ${e.error}`);

describe('schemas/profile.schema.json', () => {
  it('ships five example profiles', () => {
    expect(EXAMPLES).toHaveLength(5);
  });

  it.each(EXAMPLES)('validates examples/profiles/%s, as does the built-in validator', (file) => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'examples/profiles', file), 'utf8')) as unknown;
    expect(schemaErrors(doc)).toEqual([]);
    expect(validateProfile(doc)).toMatchObject({ ok: true });
  });

  it('has the id member `npm run schemas` writes from the registry: run it after adding a profile or a rule family', () => {
    expect(schema, 'schemas/profile.schema.json is stale: run npm run schemas').toEqual(
      profileSchema(schema),
    );
  });

  // The built-ins' own ids are taken for a user's file: their documents are checked under another.
  it.each(BUILTIN_PROFILES.map((d) => [d.id, d] as const))(
    'validates the built-in %s’s document',
    (id, doc) => {
      expect(schemaErrors({ ...JSON.parse(JSON.stringify(doc)), id: `my-${id}` })).toEqual([]);
    },
  );

  it('accepts a scope limited to GraphQL requests, as the built-in validator does', () => {
    const doc = {
      id: 'acme',
      name: 'a',
      summary: 's',
      source: 'https://a.example',
      scope: { requests: 'graphql' },
    };
    expect(schemaErrors(doc)).toEqual([]);
    expect(validateProfile(doc).ok).toBe(true);
  });

  it('accepts OpenAPI’s status classes ("4XX", "4xx") where the built-in validator does, and refuses "default" as it does', () => {
    const base = { id: 'acme', name: 'a', summary: 's', source: 'https://a.example' };
    const good = {
      ...base,
      statuses: { all: [200, '4XX'], methods: { POST: ['2xx'] } },
      headers: { '4XX': ['X-Request-Id'], '5xx': ['X-Request-Id'], '429': ['Retry-After'] },
    };
    expect(schemaErrors(good)).toEqual([]);
    expect(validateProfile(good).ok).toBe(true);
    for (const doc of [
      { ...base, statuses: { all: ['default'] } },
      { ...base, statuses: { all: ['404'] } },
      { ...base, statuses: { all: ['6XX'] } },
      { ...base, headers: { default: ['X-Request-Id'] } },
    ]) {
      expect(schemaErrors(doc).length, JSON.stringify(doc)).toBeGreaterThan(0);
      expect(validateProfile(doc).ok, JSON.stringify(doc)).toBe(false);
    }
  });

  it('rejects what the built-in validator rejects, for the schema’s part', () => {
    const bad = [
      { id: 'Acme', name: 'a', summary: 's', source: 'https://a.example' },
      { id: 'acme', name: 'a', summary: 's', source: 'https://a.example', statuses: { all: [700] } },
      {
        id: 'acme',
        name: 'a',
        summary: 's',
        source: 'https://a.example',
        scope: { urls: ['api.example.com'] },
      },
      { id: 'acme', name: 'a', summary: 's', source: 'https://a.example', headers: { '42': ['X'] } },
      { id: 'acme', name: 'a', summary: 's', source: 'https://a.example', scope: { requests: 'rest' } },
      { id: 'acme', name: 'a', summary: 's', source: 'https://a.example', extra: true },
      {
        id: 'acme',
        name: 'a',
        summary: 's',
        source: 'https://a.example',
        body: { error: { members: { a: { type: 'text' } } } },
      },
    ];
    for (const doc of bad) {
      expect(schemaErrors(doc).length, JSON.stringify(doc)).toBeGreaterThan(0);
      expect(validateProfile(doc).ok, JSON.stringify(doc)).toBe(false);
    }
  });
});

describe('a user profile’s id: the schema and the validator agree', () => {
  const doc = (id: string) => ({ id, name: 'a', summary: 's', source: 'https://a.example' });
  // Read from the registry here, not from the list the schema is built from, so a family that
  // list leaves out fails this test.
  const taken = [...new Set([...BUILTIN_PROFILE_IDS, ...ALL_RULES.map((r) => r.id.split('/', 1)[0]!)])];

  it.each(taken)('both refuse "%s", taken by the built-ins', (id) => {
    expect(schemaErrors(doc(id)).length).toBeGreaterThan(0);
    expect(validateProfile(doc(id)).ok).toBe(false);
  });

  it.each([
    'acme',
    'hal2',
    'my-hal',
    'https',
    'problems',
    'bodyguard',
    'session-x',
    'h',
    'Hal',
    'hal/x',
    '-hal',
  ])('give the same verdict on "%s"', (id) => {
    expect(schemaErrors(doc(id)).length === 0).toBe(validateProfile(doc(id)).ok);
  });

  it('has an id pattern an editor reads the same way (VS Code: a JavaScript RegExp, u flag)', () => {
    const id = (schema.properties as Record<string, { pattern: string }>).id!;
    const editor = new RegExp(id.pattern, 'u');
    for (const t of taken) expect(editor.test(t), t).toBe(false);
    for (const ok of ['acme', 'hal2', 'my-hal']) expect(editor.test(ok), ok).toBe(true);
  });

  it('docs/profiles.md names every id that is taken, in its id row', () => {
    const row = readFileSync(join(ROOT, 'docs/profiles.md'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('| `id`'));
    for (const id of taken) expect(row).toContain(`\`${id}\``);
  });
});
