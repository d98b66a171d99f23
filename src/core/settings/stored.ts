import { graphql } from '../profiles/builtins/graphql';
import { defaultSettings, type Settings } from './schema';
import { parseSettings, type ParseOptions } from './parse';
import { isJsonObject as isObject } from '../json/walk';

/**
 * Settings read back from storage are read part by part: what a newer version wrote (a setting,
 * a rule or an option this one does not know) or what got corrupted must neither throw every
 * other setting away nor be lost at the next save. The parts that do not validate are left out
 * of the settings the surfaces see and kept as they were (`KeptPart`), and a save puts them back
 * (`withKeptParts`) wherever the saved settings do not say otherwise.
 */

/** A part of the stored settings this version cannot read, by its place in the document. */
export interface KeptPart {
  /** Keys from the document's root: `['capture', 'newSwitch']`, `['ruleOptions', 'session/x', 'n']`. */
  path: string[];
  value: unknown;
  /** One element of the array at `path` (e.g. a profile id in `profiles`), rather than the value at it. */
  element?: true;
}

export interface StoredSettings {
  settings: Settings;
  kept: KeptPart[];
  /** What the validator said about the stored document, each naming the place. */
  errors: string[];
}

type Obj = Record<string, unknown>;
/** How deep parts are told apart: `ruleOptions[rule][option]` is the deepest the settings go. */
const MAX_DEPTH = 3;

function at(root: Obj, path: readonly string[]): unknown {
  let v: unknown = root;
  for (const k of path) v = isObject(v) && Object.hasOwn(v, k) ? v[k] : undefined;
  return v;
}

/** `root` with `value` at `path` (parents created as objects); `root` itself is not changed. */
function withValue(root: Obj, path: readonly string[], value: unknown): Obj {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  const child = root[head];
  return {
    ...root,
    [head]: rest.length === 0 ? value : withValue(isObject(child) ? child : {}, rest, value),
  };
}

/**
 * Stored settings with what earlier versions wrote brought up to date. The built-in graphql
 * profile's scope became `requests: "graphql"` (GraphQL requests, known by what they carry)
 * where it was the URLs whose path says "graphql"; a scope the options page or the panel's "On for
 * this host only" stored for it before then replaces that scope whole and says only `urls`, so
 * it would judge every API call to those hosts as GraphQL. It gets the built-in's `requests`
 * added, its URLs and switches kept. Only that built-in's entry: no user profile has its id
 * (validate.ts refuses it), and user profiles' scopes say what their authors wrote. Settings a
 * newer version stored are left as that version wrote them. The options page reads a settings
 * file it imports the same way: an older version exported what it stored.
 */
export function migrateStoredSettings(stored: unknown): unknown {
  return isObject(stored) ? migrated(stored) : stored;
}

function migrated(raw: Obj): Obj {
  if (isNewerVersion(raw.version, defaultSettings().version)) return raw;
  const scopes = raw.profileScopes;
  const id = graphql.id;
  const requests = graphql.scope?.requests;
  if (requests === undefined || !isObject(scopes) || !Object.hasOwn(scopes, id)) return raw;
  const scope = scopes[id];
  if (!isObject(scope) || Object.hasOwn(scope, 'requests')) return raw;
  return { ...raw, profileScopes: { ...scopes, [id]: { ...scope, requests } } };
}

export function readStoredSettings(
  stored: unknown,
  knownRules?: ReadonlySet<string>,
  opts: ParseOptions = {},
): StoredSettings {
  const raw = migrateStoredSettings(stored);
  const whole = parseSettings(raw, knownRules, opts);
  if (whole.ok) return { settings: whole.settings, kept: [], errors: [] };
  if (!isObject(raw)) return { settings: defaultSettings(), kept: [], errors: whole.errors };

  const kept: KeptPart[] = [];
  let good: Obj = {};
  const fits = (candidate: Obj) => parseSettings(candidate, knownRules, opts).ok;

  const sift = (path: string[], value: unknown): void => {
    if (fits(withValue(good, path, value))) {
      good = withValue(good, path, value);
      return;
    }
    const deeper = path.length < MAX_DEPTH;
    if (deeper && isObject(value) && fits(withValue(good, path, {}))) {
      good = withValue(good, path, {});
      for (const [k, v] of Object.entries(value)) sift([...path, k], v);
      return;
    }
    if (deeper && Array.isArray(value) && fits(withValue(good, path, []))) {
      let list: unknown[] = [];
      for (const el of value) {
        if (fits(withValue(good, path, [...list, el]))) list = [...list, el];
        else kept.push({ path, value: el, element: true });
      }
      good = withValue(good, path, list);
      return;
    }
    kept.push({ path, value });
  };

  // Documents first: references to them (`profiles`, `rules`) are read against them.
  const keys = Object.keys(raw).sort((a, b) => Number(b === 'userProfiles') - Number(a === 'userProfiles'));
  for (const k of keys) sift([k], raw[k]);
  const read = parseSettings(good, knownRules, opts);
  const errors = newerVersionSaid(raw.version, whole.errors);
  // Parts valid alone but not together: nothing is read, and all of it is kept.
  if (!read.ok)
    return {
      settings: defaultSettings(),
      kept: keys.map((k) => ({ path: [k], value: raw[k] })),
      errors,
    };
  return { settings: read.settings, kept, errors };
}

/**
 * The validator's "version: expected 1, got 2", said as what it means to the person reading the
 * options page when a newer Status Lens stored the settings (their next save keeps that version).
 */
function newerVersionSaid(version: unknown, errors: string[]): string[] {
  const ours = defaultSettings().version;
  if (!isNewerVersion(version, ours)) return errors;
  return errors.map((e) =>
    e.startsWith('version:')
      ? `version: ${version}, written by a newer Status Lens (this one reads version ${ours}); what it knows is used, and the rest is kept for that version`
      : e,
  );
}

/** A stored `version` a newer Status Lens wrote: a whole number above this one's. */
const isNewerVersion = (v: unknown, ours: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v > ours;

/**
 * What to store for `settings`: the settings, with each kept part put back where the settings
 * leave its place empty (a part the user has since set, they set). The version stays a newer
 * version's when one wrote the stored settings (that version reads its parts by it; writing
 * ours over it would have it take its own settings for older ones); a corrupted one becomes ours.
 */
export function withKeptParts(settings: Settings, kept: readonly KeptPart[]): Obj {
  let out = structuredClone(settings) as unknown as Obj;
  for (const part of kept) {
    if (part.path[0] === 'version') {
      if (part.path.length === 1 && isNewerVersion(part.value, settings.version)) out.version = part.value;
      continue;
    }
    const current = at(out, part.path);
    if (part.element) {
      const list = Array.isArray(current) ? current : current === undefined ? [] : null;
      const same = JSON.stringify(part.value);
      if (list && !list.some((v) => JSON.stringify(v) === same))
        out = withValue(out, part.path, [...list, part.value]);
    } else if (current === undefined) {
      out = withValue(out, part.path, part.value);
    }
  }
  return out;
}
