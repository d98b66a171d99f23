import { PROFILE_KEYS } from '../profiles/validate';
import { SETTINGS_KEYS } from './keys';
import { defaultSettings, type Settings } from './schema';
import { knownKeysHint } from './parse-unknown-keys';
import { parseProfiles, type ParseOptions } from './parse-profiles';
import { parseRuleOptions, parseRules } from './parse-rules';
import { parseCapture } from './parse-capture';
import { parseRedaction } from './parse-redaction';
import { parseOpenApi } from './parse-openapi';
import { isJsonObject as isObject } from '../json/walk';
import { foreignDocument, foreignDocumentMessage } from '../json/document-kind';

/*
 * The settings validator (settings files, `chrome.storage`, imports): every error names its JSON
 * path. The shape it checks is in schema.ts; each section's checks are in parse-<section>.ts,
 * run here one after another in a fixed order.
 */

export type { ParseOptions };

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

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
  // A recording or an OpenAPI description given where settings were expected: one line saying so.
  const foreign = foreignDocument(input);
  if (foreign) return { ok: false, errors: [foreignDocumentMessage(foreign, 'a settings file')] };
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
  if (Object.hasOwn(input, 'rules')) parseRules(input.rules, s, errors, opts, knownRules);
  if (Object.hasOwn(input, 'ruleOptions')) parseRuleOptions(input.ruleOptions, s, errors);
  if (Object.hasOwn(input, 'capture')) parseCapture(input.capture, s, errors);
  if (Object.hasOwn(input, 'redaction')) parseRedaction(input.redaction, s, errors);
  if (Object.hasOwn(input, 'openapi')) parseOpenApi(input.openapi, s, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: s };
}
