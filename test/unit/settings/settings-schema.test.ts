import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { settingsSchema, type JsonSchema } from '../../../scripts/settings-schema';
import { BUILTIN_PROFILE_IDS } from '../../../src/core/profiles/builtins';
import { knownRuleIds } from '../../../src/core/profiles/registry';
import { PROFILE_KEYS } from '../../../src/core/profiles/validate';
import { SETTINGS_KEYS } from '../../../src/core/settings/keys';
import { parseSettings } from '../../../src/core/settings/parse';
import { OPENAPI_ENTRY_KEYS } from '../../../src/core/settings/parse-openapi';
import { optionsOfId, TUNABLE_RULE_IDS } from '../../../src/core/settings/rule-options';
import { defaultSettings, MAX_BODY_SIZE_CAP, RULE_SETTINGS } from '../../../src/core/settings/schema';
import { BYTE_SIZE_UNITS } from '../../../src/core/units/bytes';
import { exportText, readSettingsFile } from '../../../src/state/settings-file';
import { cli } from '../cli/cli-harness';

/**
 * schemas/settings.schema.json lets an editor check a settings file; the settings validator
 * (core/settings/parse.ts) is the judge. Every list here is read from the code the validator
 * reads, so a member the validator gains or loses fails these tests until the schema follows.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const FILE = 'schemas/settings.schema.json';
const schema = JSON.parse(read(FILE)) as JsonSchema;
const validator = new Validator(schema as never, '2020-12', false);
/** The rules `status-lens lint --config` knows (settings-files.ts); the options page's are the same set. */
const KNOWN_RULES = knownRuleIds();

const schemaErrors = (doc: unknown) =>
  validator.validate(doc).errors.map((e) => `${e.instanceLocation}: ${e.error}`);
const validatorErrors = (doc: unknown) => {
  const r = parseSettings(doc, KNOWN_RULES);
  return r.ok ? [] : r.errors;
};
/** What each judge makes of a document: accepted or not. */
const verdicts = (doc: unknown) => ({
  schema: schemaErrors(doc).length === 0,
  validator: validatorErrors(doc).length === 0,
});
const bothAccept = (doc: unknown) => {
  expect(schemaErrors(doc), JSON.stringify(doc)).toEqual([]);
  expect(validatorErrors(doc), JSON.stringify(doc)).toEqual([]);
};
const bothRefuse = (doc: unknown) =>
  expect(verdicts(doc), JSON.stringify(doc)).toEqual({ schema: false, validator: false });

type Props = Record<string, JsonSchema>;
const props = (s: unknown): Props => ((s as JsonSchema).properties ?? {}) as Props;
const sorted = (keys: Iterable<string>) => [...keys].sort();

const example = JSON.parse(read('examples/profiles/disk-envelope.json')) as { id: string };
const optionDefaults = (id: string) => Object.fromEntries(optionsOfId(id).map((o) => [o.name, o.default]));

/** A document that sets every member the validator reads, as the options page exports them and more. */
const everything = {
  ...(JSON.parse(exportText(defaultSettings())) as object),
  $schema: './node_modules/status-lens/schemas/settings.schema.json',
  profiles: [...BUILTIN_PROFILE_IDS, example.id],
  userProfiles: [example],
  profileScopes: Object.fromEntries(
    [...BUILTIN_PROFILE_IDS, example.id].map((id) => [id, { urls: ['https://api.example.com/*'] }]),
  ),
  rules: {
    ...Object.fromEntries([...KNOWN_RULES].map((id) => [id, 'warning'])),
    [`${example.id}/media-type`]: 'error',
  },
  ruleOptions: Object.fromEntries(TUNABLE_RULE_IDS.map((id) => [id, optionDefaults(id)])),
  openapi: ['api.yaml', { file: 'billing.json', baseUrl: '/billing', off: true }],
};

describe(FILE, () => {
  it('is what `npm run schemas` builds from the code: run it after changing a rule, an option, a profile or a setting', () => {
    const profile = JSON.parse(read('schemas/profile.schema.json')) as JsonSchema;
    expect(schema, `${FILE} is stale: run npm run schemas`).toEqual(settingsSchema(profile));
  });

  it('is a 2020-12 schema with a URN $id like the other shipped schemas', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:status-lens:schema:settings');
  });
});

describe('the schema describes the members the settings validator reads, and no other', () => {
  it('at the top: the settings keys', () => {
    expect(sorted(Object.keys(props(schema)))).toEqual(sorted(SETTINGS_KEYS));
    expect(sorted(Object.keys(everything))).toEqual(sorted(SETTINGS_KEYS));
    bothAccept(everything);
  });

  it('in capture and redaction: the default settings’ members', () => {
    const d = defaultSettings();
    expect(sorted(Object.keys(props(props(schema).capture)))).toEqual(sorted(Object.keys(d.capture)));
    expect(sorted(Object.keys(props(props(schema).redaction)))).toEqual(sorted(Object.keys(d.redaction)));
    for (const [k, v] of Object.entries(d.capture)) bothAccept({ capture: { [k]: v } });
    for (const [k, v] of Object.entries(d.redaction)) bothAccept({ redaction: { [k]: v } });
  });

  it('in an openapi entry: the members the validator allows there', () => {
    const items = (props(schema).openapi!.items as { anyOf: JsonSchema[] }).anyOf;
    const entry = items.find((s) => s.type === 'object')!;
    expect(Object.keys(props(entry))).toEqual([...OPENAPI_ENTRY_KEYS]);
    bothAccept({ openapi: ['a.yaml', { file: 'b.yaml' }, { file: 'c.yaml', baseUrl: '/v1', off: false }] });
  });

  it('in rules: every rule the registry knows, each taking every setting', () => {
    expect(sorted(Object.keys(props(props(schema).rules)))).toEqual(sorted(KNOWN_RULES));
    for (const setting of RULE_SETTINGS)
      bothAccept({ rules: Object.fromEntries([...KNOWN_RULES].map((id) => [id, setting])) });
  });

  it('in ruleOptions: the rules that declare options, with their options’ bounds', () => {
    const ruleOptions = props(props(schema).ruleOptions);
    expect(sorted(Object.keys(ruleOptions))).toEqual(sorted(TUNABLE_RULE_IDS));
    for (const id of TUNABLE_RULE_IDS) {
      expect(sorted(Object.keys(props(ruleOptions[id])))).toEqual(sorted(optionsOfId(id).map((o) => o.name)));
      for (const o of optionsOfId(id)) {
        for (const v of [o.min, o.default, o.max]) bothAccept({ ruleOptions: { [id]: { [o.name]: v } } });
        for (const v of [o.min - 1, o.max + 1, o.min + 0.5, String(o.default)])
          bothRefuse({ ruleOptions: { [id]: { [o.name]: v } } });
      }
    }
  });

  it('in profiles and profileScopes: the built-in profiles, and your own by id', () => {
    const items = (props(schema).profiles!.items as { anyOf: JsonSchema[] }).anyOf;
    expect(items.find((s) => Array.isArray(s.enum))!.enum).toEqual([...BUILTIN_PROFILE_IDS]);
    expect(sorted(Object.keys(props(props(schema).profileScopes)))).toEqual(sorted(BUILTIN_PROFILE_IDS));
    for (const id of BUILTIN_PROFILE_IDS) bothAccept({ profiles: [id], profileScopes: { [id]: {} } });
    bothAccept({ profiles: [example] });
  });

  it('refuses a profile of your own under a built-in’s id or a rule family’s, as the validator does', () => {
    for (const id of ['hal', 'session']) {
      bothRefuse({ userProfiles: [{ ...example, id }] });
      bothRefuse({ profiles: [{ ...example, id }] });
    }
  });

  it('refuses a member the validator does not know, at every level', () => {
    bothRefuse({ colour: 'blue' });
    bothRefuse({ capture: { apiOnlyy: true } });
    bothRefuse({ redaction: { cookies: [] } });
    bothRefuse({ openapi: [{ file: 'a.yaml', offf: true }] });
    bothRefuse({ rules: { 'http/created-locaton': 'off' } });
    bothRefuse({ rules: { 'session/nope': 'off' } });
    bothRefuse({ ruleOptions: { 'http/date': {} } });
    bothRefuse({ ruleOptions: { [TUNABLE_RULE_IDS[0]!]: { nope: 1 } } });
    bothRefuse({ profileScopes: { http: {} } });
  });

  it('reads a body size with a unit as the validator does, in any case, and refuses what it refuses', () => {
    for (const unit of BYTE_SIZE_UNITS) {
      bothAccept({ capture: { bodySizeCap: `1${unit}` } });
      bothAccept({ capture: { bodySizeCap: ` 0.5 ${unit.toUpperCase()} ` } });
    }
    for (const v of ['10 XB', 'ten MB', '-1', '1,5M', 1.5, -1, MAX_BODY_SIZE_CAP + 1])
      bothRefuse({ capture: { bodySizeCap: v } });
    bothAccept({ capture: { bodySizeCap: MAX_BODY_SIZE_CAP } });
  });

  it('leaves to the validator only what its description says it cannot check', () => {
    const description = String(schema.description);
    const onlyTheValidator: [string, unknown][] = [
      ['a profile named in profiles', { profiles: ['acme'] }],
      ['defined in this file', { profileScopes: { acme: {} } }],
      ['rules', { rules: { 'acme/media-type': 'off' } }],
      ['two profiles do not share an id', { userProfiles: [example, example] }],
      ['at most 1 GiB', { capture: { bodySizeCap: '2 GiB' } }],
    ];
    for (const [said, doc] of onlyTheValidator) {
      expect(description).toContain(said);
      expect(verdicts(doc), JSON.stringify(doc)).toEqual({ schema: true, validator: false });
    }
  });
});

/** Settings documents in the docs: JSON blocks that are no profile (`id`) or report (`tool`), and inline `"profileScopes": …` fragments. */
function docExamples(): { where: string; doc: unknown }[] {
  const mds = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? mds(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  const settingsOnly = SETTINGS_KEYS.filter((k) => !PROFILE_KEYS.includes(k));
  const found: { where: string; doc: unknown }[] = [];
  for (const path of [...mds('docs'), 'README.md']) {
    const text = read(path);
    for (const m of text.matchAll(/```json\n([\s\S]*?)```/g)) {
      const doc = JSON.parse(m[1]!) as Record<string, unknown>;
      if (Object.hasOwn(doc, 'id') || Object.hasOwn(doc, 'tool')) continue;
      if (Object.keys(doc).some((k) => SETTINGS_KEYS.includes(k))) found.push({ where: path, doc });
    }
    for (const m of text.matchAll(/`("([\w$]+)": [^`]+)`/g))
      if (settingsOnly.includes(m[2]!)) found.push({ where: path, doc: JSON.parse(`{${m[1]}}`) });
  }
  return found;
}

describe('every settings example validates against the schema and is accepted by the validator', () => {
  const docs = docExamples();
  const files = readdirSync(join(ROOT, 'examples/settings')).map((f) => `examples/settings/${f}`);

  it('finds the examples of docs/cli.md and docs/profiles.md, and examples/settings', () => {
    expect(new Set(docs.map((d) => d.where))).toEqual(new Set(['docs/cli.md', 'docs/profiles.md']));
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(files).toEqual(['examples/settings/status-lens-settings.json']);
  });

  it.each(docs.map((d) => [d.where, JSON.stringify(d.doc), d.doc] as const))(
    '%s: %s',
    (_where, _text, doc) => {
      bothAccept(doc);
    },
  );

  it.each(files)('%s, which the options page also imports', (path) => {
    const doc = JSON.parse(read(path)) as { $schema: string };
    bothAccept(doc);
    expect(doc.$schema).toBe('../../schemas/settings.schema.json');
    const imported = readSettingsFile(read(path), path, defaultSettings());
    expect(imported.result).toMatchObject({ ok: true });
  });

  it('lint --config reads the example, $schema and all', async () => {
    const r = await cli([
      'lint',
      'test/fixtures/har/sample.har',
      '--config',
      relative(ROOT, join(ROOT, 'examples/settings/status-lens-settings.json')),
      '--fail-on',
      'none',
    ]);
    expect(r.stderr).not.toContain('error:');
    expect(r.code).toBe(0);
  });

  it('the example is a start CI can keep: the profile it turns on judges a real API, and nothing warns', async () => {
    const r = await cli([
      'lint',
      'test/fixtures/realworld/j1quay_401-problem-body-as-json.har',
      '--config',
      'examples/settings/status-lens-settings.json',
      '--format',
      'json',
    ]);
    // Quay's problem details object served as application/json: `problem` saw it.
    expect(r.stdout).toContain('"problem/content-type"');
    expect(r.stderr).toBe('');
  });

  it('what the options page exports validates against the schema', () => {
    bothAccept(JSON.parse(exportText(defaultSettings())));
    const r = parseSettings(everything, KNOWN_RULES);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    bothAccept(JSON.parse(exportText(r.settings)));
  });
});

describe('bad settings are refused by the schema and by the validator', () => {
  it.each([
    ['a version this one does not read', { version: 2 }],
    ['a profile id in capitals', { profiles: ['Problem'] }],
    [
      'a profile document missing its name',
      { userProfiles: [{ id: 'acme', summary: 's', source: 'https://a.example' }] },
    ],
    ['a level that is no level', { rules: { 'http/date': 'warn' } }],
    ['a rule that is no rule', { rules: { 'http/nope': 'off' } }],
    [
      'an option a rule shares with another',
      { ruleOptions: { 'session/polling-without-validators': { windowMs: 500 } } },
    ],
    ['a badge mode that is none', { capture: { badgeMode: 'all' } }],
    ['a switch as a string', { capture: { apiOnly: 'yes' } }],
    ['a redaction list of numbers', { redaction: { headers: [1] } }],
    ['an openapi file with no name', { openapi: [{ file: ' ' }] }],
    ['an openapi list given as one file', { openapi: 'a.yaml' }],
    ['a profile given as settings', example],
  ])('%s', (_name, doc) => {
    bothRefuse(doc);
  });
});
