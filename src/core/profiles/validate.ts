import { jsonSyntaxWhere } from '../json/syntax';
import { foreignDocument, foreignDocumentMessage } from '../json/document-kind';
import { ALL_RULES } from '../rules/registry';
import { BUILTIN_PROFILE_IDS } from './builtins';
import { DATA_CHECK_NAMES } from './checks';
import { SETTINGS_KEYS } from '../settings/keys';
import { type ObjectShape, type ProfileDocument } from './types';
import { Errors, isObject, show, text, unknownKeys } from './validate-read';
import { responseSections } from './validate-response';
import { ruleSections } from './validate-rules';
import { scope } from './validate-scope';

/**
 * A hand-written validator for profile documents (the same rules as
 * schemas/profile.schema.json, plus what a schema cannot say: known checks, URL patterns,
 * route templates). Every error names its JSON path (`$.scope.urls[0]`), so a user can find
 * it in their file. No code generation, so it runs under the extension's CSP. This file reads
 * the document's identity (id, name, summary, source); its parts have files of their own:
 * validate-scope.ts, validate-response.ts (media types, bodies, statuses, headers),
 * validate-rules.ts (rules and checks, against the registry), validate-read.ts (the readers).
 */
export type ProfileResult = { ok: true; profile: ProfileDocument } | { ok: false; errors: string[] };

export const PROFILE_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/**
 * Prefixes of the registry's rule ids (`http`, `body`, `security`, `contract`, `session`, the built-ins'):
 * a profile's id prefixes the ids of the rules it generates, so it may not be one of them.
 */
export const TAKEN_PREFIXES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id.split('/', 1)[0]!));
/**
 * Every id a user profile may not have, sorted: a built-in profile's, or a family of built-in
 * rules. The validator refuses each with its reason; the schemas (scripts/profile-schema.ts)
 * and docs/profiles.md list them from here.
 */
export const TAKEN_PROFILE_IDS: readonly string[] = [
  ...new Set([...BUILTIN_PROFILE_IDS, ...TAKEN_PREFIXES]),
].sort();
/** The top-level members of a profile document. */
export const PROFILE_KEYS: readonly string[] = [
  '$schema',
  'id',
  'name',
  'summary',
  'source',
  'scope',
  'mediaTypes',
  'body',
  'statuses',
  'headers',
  'rules',
  'checks',
];

function validateInto(input: unknown, e: Errors): void {
  if (!isObject(input)) return e.add('$', 'a profile must be a JSON object');
  const foreign = foreignDocument(input);
  if (foreign) return e.add('$', foreignDocumentMessage(foreign, 'a convention profile'));
  // A settings file given where a profile was expected (`--profile-file settings.json`, or
  // imported as a profile): one message saying so, not an error for each of its members.
  if (
    !Object.hasOwn(input, 'id') &&
    Object.keys(input).some((k) => SETTINGS_KEYS.includes(k) && !PROFILE_KEYS.includes(k))
  )
    return e.add('$', 'this is a settings file, not a convention profile: load it as settings');
  unknownKeys(input, PROFILE_KEYS, '$', e);
  const id = input.id;
  if (typeof id !== 'string' || !PROFILE_ID_PATTERN.test(id)) {
    const form = 'lower-case letters, digits and dashes, starting with a letter (at most 40)';
    e.add(
      '$.id',
      id === undefined ? `missing: an id is required (${form})` : `expected ${form}, got ${show(id)}`,
    );
  } else if (BUILTIN_PROFILE_IDS.includes(id)) {
    e.add('$.id', `"${id}" is a built-in profile's id; choose another`);
  } else if (TAKEN_PREFIXES.has(id)) {
    e.add('$.id', `"${id}" names a family of built-in rules (${id}/…); choose another`);
  }
  text(input, 'name', '$', e, 80);
  text(input, 'summary', '$', e, 300);
  const source = text(input, 'source', '$', e, 2000);
  if (source !== undefined && !/^https?:\/\/\S+$/.test(source))
    e.add('$.source', `expected an http(s) URL, got ${show(source)}`);
  if (Object.hasOwn(input, 'scope')) scope(input.scope, '$.scope', e);
  responseSections(input, e);
  ruleSections(input, e);
}

/** Validates one profile document. Nothing throws; every error names its JSON path. */
export function validateProfile(input: unknown): ProfileResult {
  const e = new Errors();
  validateInto(input, e);
  return e.list.length > 0 ? { ok: false, errors: e.list } : { ok: true, profile: input as ProfileDocument };
}

/** Parses a profile file's text: not JSON is reported like any other error, with where it broke. */
export function parseProfileText(textIn: string): ProfileResult {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`$: not JSON: ${jsonSyntaxWhere(text, err)}`] };
  }
  return validateProfile(json);
}

export { validateScope } from './validate-scope';
export { DATA_CHECK_NAMES, type ObjectShape };
