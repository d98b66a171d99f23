import { BUILTIN_PROFILE_IDS } from '../profiles/builtins';
import type { ProfileDocument, ProfileScope } from '../profiles/types';
import { PROFILE_ID_PATTERN, PROFILE_KEYS, validateProfile, validateScope } from '../profiles/validate';
import { SETTINGS_KEYS } from './keys';
import { nearest } from '../text/edit-distance';
import { listOf } from '../text/list';
import { anyRuleById } from '../rules/registry';
import { optionProblem, optionsOfId, sharedOptionProblem, TUNABLE_RULE_IDS } from './rule-options';
import {
  defaultSettings,
  MAX_BODY_SIZE_CAP,
  MAX_RETENTION_CAP,
  RULE_SETTINGS,
  RULE_SETTINGS_TEXT,
  RULE_SETTINGS_UNION,
  type OpenApiRef,
  type RuleSetting,
  type Settings,
} from './schema';
import { isJsonObject as isObject } from '../json/walk';

/** Upper bounds of the capture's numbers (schema.ts; a shared file is not trusted more). */
const CAPS = { bodySizeCap: MAX_BODY_SIZE_CAP, retentionCap: MAX_RETENTION_CAP } as const;

/*
 * The settings validator (settings files, `chrome.storage`, imports): every error names its JSON
 * path. The shape it checks is in schema.ts.
 */

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

export interface ParseOptions {
  /**
   * The settings as the extension stores them in chrome.storage.sync: user profiles' documents
   * live in chrome.storage.local, so `profiles`, `profileScopes` and `rules` may refer to a user
   * profile (a well-formed id, not a built-in's) whose document is not in this one.
   */
  profilesStoredApart?: boolean;
}

/** A reference to a user profile stored elsewhere: a well-formed id that no built-in has. */
const storedApart = (opts: ParseOptions, id: unknown): id is string =>
  opts.profilesStoredApart === true &&
  typeof id === 'string' &&
  PROFILE_ID_PATTERN.test(id) &&
  !BUILTIN_PROFILE_IDS.includes(id);

/**
 * `userProfiles` (documents), `profiles` (ids, or documents inline, which are enabled) and
 * `profileScopes`. Errors name the JSON path inside the settings document.
 */
function parseProfiles(
  input: Record<string, unknown>,
  s: Settings,
  errors: string[],
  opts: ParseOptions,
): void {
  const docs: ProfileDocument[] = [];
  const addDoc = (v: unknown, path: string): string | undefined => {
    const r = validateProfile(v);
    if (!r.ok) {
      for (const e of r.errors) errors.push(`${path}${e.replace(/^\$/, '')}`);
      return undefined;
    }
    if (docs.some((d) => d.id === r.profile.id)) {
      errors.push(`${path}.id: a profile "${r.profile.id}" is already defined`);
      return undefined;
    }
    docs.push(r.profile);
    return r.profile.id;
  };
  if (Object.hasOwn(input, 'userProfiles')) {
    const u = input.userProfiles;
    if (!Array.isArray(u)) errors.push('userProfiles: expected an array of profile documents');
    else u.forEach((v, i) => addDoc(v, `userProfiles[${i}]`));
  }
  const enabled: string[] = [];
  const ids: { id: unknown; path: string }[] = [];
  if (Object.hasOwn(input, 'profiles')) {
    const p = input.profiles;
    if (!Array.isArray(p))
      errors.push(
        `profiles: expected an array of profile ids (${listOf(BUILTIN_PROFILE_IDS, 'or')}) or profile documents`,
      );
    else
      p.forEach((v, i) => {
        if (isObject(v)) {
          const id = addDoc(v, `profiles[${i}]`);
          if (id !== undefined) enabled.push(id);
        } else ids.push({ id: v, path: `profiles[${i}]` });
      });
  }
  const known = [...BUILTIN_PROFILE_IDS, ...docs.map((d) => d.id)];
  for (const { id, path } of ids) {
    if ((typeof id === 'string' && known.includes(id)) || storedApart(opts, id)) {
      if (!enabled.includes(id)) enabled.push(id);
    } else
      errors.push(`${path}: unknown profile ${JSON.stringify(id)} (expected one of ${listOf(known, 'or')})`);
  }
  s.userProfiles = docs;
  s.profiles = enabled;
  if (Object.hasOwn(input, 'profileScopes')) {
    const m = input.profileScopes;
    if (!isObject(m)) errors.push('profileScopes: expected an object of profile id → scope');
    else {
      const scopes: Record<string, ProfileScope> = {};
      for (const [id, v] of Object.entries(m)) {
        const path = `profileScopes[${JSON.stringify(id)}]`;
        if (!known.includes(id) && !storedApart(opts, id)) {
          errors.push(`${path}: unknown profile`);
          continue;
        }
        const r = validateScope(v, path);
        if (r.ok) scopes[id] = r.scope;
        else errors.push(...r.errors);
      }
      s.profileScopes = scopes;
    }
  }
}

/** `ruleOptions`: each rule's options by name, whole numbers within the bounds the rule declares. */
function parseRuleOptions(input: unknown, s: Settings, errors: string[]): void {
  if (!isObject(input)) {
    errors.push('ruleOptions: expected an object of rule id → { option: number }');
    return;
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [id, given] of Object.entries(input)) {
    const path = `ruleOptions[${JSON.stringify(id)}]`;
    const specs = optionsOfId(id);
    if (specs.length === 0) {
      errors.push(
        `${path}: ${anyRuleById(id) ? 'this rule has no options' : 'unknown rule'} (rules with options: ${listOf(TUNABLE_RULE_IDS, 'or')})`,
      );
      continue;
    }
    if (!isObject(given)) {
      errors.push(`${path}: expected an object of option → number`);
      continue;
    }
    const values: Record<string, number> = {};
    for (const [name, v] of Object.entries(given)) {
      const spec = specs.find((o) => o.name === name);
      const problem = spec ? optionProblem(spec, v) : null;
      if (!spec) {
        const shared = sharedOptionProblem(id, name);
        errors.push(
          `${path}.${name}: ${
            shared ??
            `unknown option (expected ${listOf(
              specs.map((o) => o.name),
              'or',
            )})`
          }`,
        );
      } else if (problem !== null) errors.push(`${path}.${name}: ${problem}`);
      else values[name] = v as number;
    }
    out[id] = values;
  }
  s.ruleOptions = out;
}

/**
 * Validates a settings document (possibly partial) and fills what it omits with defaults.
 * Every problem is reported with its JSON path; nothing throws.
 * `knownRules` lets callers reject rule ids that do not exist.
 */
export function parseSettings(
  input: unknown,
  knownRules?: ReadonlySet<string>,
  opts: ParseOptions = {},
): SettingsResult {
  const errors: string[] = [];
  const s = defaultSettings();
  if (!isObject(input)) return { ok: false, errors: ['settings must be a JSON object'] };
  // A profile document given where settings were expected (`--config acme.json`, or imported as
  // settings): one message saying so, not "unknown setting" for each of its members.
  const keys = Object.keys(input);
  if (
    typeof input.id === 'string' &&
    keys.some((k) => !SETTINGS_KEYS.includes(k) && PROFILE_KEYS.includes(k))
  )
    return {
      ok: false,
      errors: [
        `this is a convention profile ("id": ${JSON.stringify(input.id)}), not a settings file: load it as a profile, or list it under "profiles" in a settings file`,
      ],
    };
  for (const key of keys) {
    if (!SETTINGS_KEYS.includes(key))
      errors.push(`unknown setting "${key}" (${knownKeysHint(key, SETTINGS_KEYS)})`);
  }
  if (Object.hasOwn(input, 'version') && input.version !== 1)
    errors.push(`version: expected 1, got ${JSON.stringify(input.version)}`);
  parseProfiles(input, s, errors, opts);
  if (Object.hasOwn(input, 'rules')) {
    const r = input.rules;
    if (!isObject(r)) errors.push(`rules: expected an object of rule id → ${RULE_SETTINGS_UNION}`);
    else {
      const rules: Record<string, RuleSetting> = Object.create(null) as Record<string, RuleSetting>;
      for (const [id, v] of Object.entries(r)) {
        const userRule =
          s.userProfiles.some((p) => id.startsWith(`${p.id}/`)) ||
          (id.includes('/') && storedApart(opts, id.split('/', 1)[0]));
        if (knownRules && !knownRules.has(id) && !userRule) errors.push(`rules["${id}"]: unknown rule`);
        else if (typeof v !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(v)) {
          errors.push(`rules["${id}"]: expected ${RULE_SETTINGS_TEXT}, got ${JSON.stringify(v)}`);
        } else rules[id] = v as RuleSetting;
      }
      s.rules = { ...rules };
    }
  }
  if (Object.hasOwn(input, 'ruleOptions')) parseRuleOptions(input.ruleOptions, s, errors);
  if (Object.hasOwn(input, 'capture')) {
    const c = input.capture;
    if (!isObject(c)) errors.push('capture: expected an object');
    else {
      const known = Object.keys(s.capture);
      for (const key of Object.keys(c)) {
        if (!Object.hasOwn(s.capture, key))
          errors.push(`capture.${key}: unknown setting (${knownKeysHint(key, known)})`);
      }
      for (const key of ['apiOnly', 'preserveLog', 'monitoring'] as const) {
        if (Object.hasOwn(c, key)) {
          if (typeof c[key] === 'boolean') s.capture[key] = c[key];
          else errors.push(`capture.${key}: expected true or false`);
        }
      }
      for (const key of ['bodySizeCap', 'retentionCap'] as const) {
        if (Object.hasOwn(c, key)) {
          const v = c[key];
          if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= CAPS[key]) s.capture[key] = v;
          else errors.push(`capture.${key}: expected a whole number from 0 to ${CAPS[key]}`);
        }
      }
      if (Object.hasOwn(c, 'badgeMode')) {
        if (c.badgeMode === 'errors' || c.badgeMode === '5xx') s.capture.badgeMode = c.badgeMode;
        else errors.push('capture.badgeMode: expected "errors" or "5xx"');
      }
    }
  }
  if (Object.hasOwn(input, 'redaction')) {
    const r = input.redaction;
    if (!isObject(r)) errors.push('redaction: expected an object');
    else {
      const known = Object.keys(s.redaction);
      for (const key of Object.keys(r)) {
        if (!Object.hasOwn(s.redaction, key))
          errors.push(`redaction.${key}: unknown setting (${knownKeysHint(key, known)})`);
      }
      for (const key of ['headers', 'queryParams', 'bodyMembers'] as const) {
        if (!Object.hasOwn(r, key)) continue;
        const v = r[key];
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
          s.redaction[key] = (v as string[]).map((x) => x.trim().toLowerCase()).filter(Boolean);
        } else errors.push(`redaction.${key}: expected an array of names`);
      }
    }
  }
  if (Object.hasOwn(input, 'openapi')) parseOpenApi(input.openapi, s, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: s };
}

/** What an unknown key could have been: the one it is a typo of, else every key allowed there. */
function knownKeysHint(key: string, known: readonly string[]): string {
  const near = nearest(key, known);
  return near ? `did you mean "${near}"?` : `expected ${listOf(known, 'or')}`;
}

/** The members of an `openapi` entry's object form (`off`: the options page's switch, same word). */
const OPENAPI_ENTRY_KEYS = ['file', 'baseUrl', 'off'];
const OPENAPI_ENTRY = `{ ${OPENAPI_ENTRY_KEYS.map((k) => `"${k}"`).join(', ')} }`;

/**
 * `openapi`: files, or objects with a base URL and the switch. An entry `"off": true` is kept
 * but not loaded, as a description switched off on the options page is.
 */
function parseOpenApi(list: unknown, s: Settings, errors: string[]): void {
  if (!Array.isArray(list)) {
    errors.push(`openapi: expected an array of files or ${OPENAPI_ENTRY} objects`);
    return;
  }
  const refs: OpenApiRef[] = [];
  list.forEach((v: unknown, i) => {
    if (typeof v === 'string' && v.trim() !== '') refs.push({ file: v });
    else if (isObject(v) && typeof v.file === 'string' && v.file.trim() !== '') {
      for (const key of Object.keys(v))
        if (!OPENAPI_ENTRY_KEYS.includes(key))
          errors.push(`openapi[${i}].${key}: unknown setting (${knownKeysHint(key, OPENAPI_ENTRY_KEYS)})`);
      const ref: OpenApiRef = { file: v.file };
      if (Object.hasOwn(v, 'baseUrl')) {
        if (typeof v.baseUrl === 'string') ref.baseUrl = v.baseUrl;
        else errors.push(`openapi[${i}].baseUrl: expected a URL string`);
      }
      if (Object.hasOwn(v, 'off')) {
        if (v.off === true) ref.off = true;
        else if (v.off !== false) errors.push(`openapi[${i}].off: expected true or false`);
      }
      refs.push(ref);
    } else errors.push(`openapi[${i}]: expected a file name or ${OPENAPI_ENTRY}`);
  });
  s.openapi = refs;
}
