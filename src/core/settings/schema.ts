import { PROFILE_IDS, type ProfileId, type Severity } from '../rules/types';

export type RuleSetting = 'off' | Severity;
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
export type BadgeMode = 'errors' | '5xx';

/** One settings document for the options page, the panel and `status-lens lint --config`. */
export interface Settings {
  version: 1;
  profiles: ProfileId[];
  rules: Record<string, RuleSetting>;
  capture: {
    apiOnly: boolean;
    bodySizeCap: number;
    retentionCap: number;
    preserveLog: boolean;
    badgeMode: BadgeMode;
    monitoring: boolean;
  };
  redaction: {
    headers: string[];
    queryParams: string[];
  };
  /**
   * OpenAPI descriptions `status-lens lint --config` loads (paths relative to the settings file),
   * each with an optional base-URL override. The extension keeps documents in its own store.
   */
  openapi?: OpenApiRef[];
}

export interface OpenApiRef {
  file: string;
  baseUrl?: string;
}

/** Upper bounds, shared by the options page and settings files (a shared file is not trusted more). */
export const MAX_BODY_SIZE_CAP = 1024 * 1024 * 1024;
export const MAX_RETENTION_CAP = 10_000_000;
const CAPS = { bodySizeCap: MAX_BODY_SIZE_CAP, retentionCap: MAX_RETENTION_CAP } as const;

export const DEFAULT_REDACTED_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
];

export const DEFAULT_REDACTED_QUERY = [
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'key',
  'secret',
  'client_secret',
  'password',
  'sig',
  'signature',
  'code',
];

export function defaultSettings(): Settings {
  return {
    version: 1,
    profiles: [],
    rules: {},
    capture: {
      apiOnly: true,
      bodySizeCap: 5 * 1024 * 1024,
      retentionCap: 20_000,
      preserveLog: false,
      badgeMode: 'errors',
      monitoring: false,
    },
    redaction: { headers: [...DEFAULT_REDACTED_HEADERS], queryParams: [...DEFAULT_REDACTED_QUERY] },
  };
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const own = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Validates a settings document (possibly partial) and fills what it omits with defaults.
 * Every problem is reported with its JSON path; nothing throws.
 * `knownRules` lets callers reject rule ids that do not exist.
 */
export function parseSettings(input: unknown, knownRules?: ReadonlySet<string>): SettingsResult {
  const errors: string[] = [];
  const s = defaultSettings();
  if (!isObject(input)) return { ok: false, errors: ['settings must be a JSON object'] };
  for (const key of Object.keys(input)) {
    if (!['version', 'profiles', 'rules', 'capture', 'redaction', 'openapi', '$schema'].includes(key)) {
      errors.push(`unknown setting "${key}"`);
    }
  }
  if (own(input, 'version') && input.version !== 1)
    errors.push(`version: expected 1, got ${JSON.stringify(input.version)}`);
  if (own(input, 'profiles')) {
    const p = input.profiles;
    if (!Array.isArray(p)) errors.push('profiles: expected an array of "problem", "hal" or "envelope"');
    else {
      const seen = new Set<ProfileId>();
      p.forEach((v, i) => {
        if (typeof v === 'string' && (PROFILE_IDS as readonly string[]).includes(v)) seen.add(v as ProfileId);
        else
          errors.push(
            `profiles[${i}]: unknown profile ${JSON.stringify(v)} (expected problem, hal or envelope)`,
          );
      });
      s.profiles = PROFILE_IDS.filter((id) => seen.has(id));
    }
  }
  if (own(input, 'rules')) {
    const r = input.rules;
    if (!isObject(r))
      errors.push('rules: expected an object of rule id → "off" | "info" | "warning" | "error"');
    else {
      const rules: Record<string, RuleSetting> = Object.create(null) as Record<string, RuleSetting>;
      for (const [id, v] of Object.entries(r)) {
        if (knownRules && !knownRules.has(id)) errors.push(`rules["${id}"]: unknown rule`);
        else if (typeof v !== 'string' || !(RULE_SETTINGS as readonly string[]).includes(v)) {
          errors.push(
            `rules["${id}"]: expected "off", "info", "warning" or "error", got ${JSON.stringify(v)}`,
          );
        } else rules[id] = v as RuleSetting;
      }
      s.rules = { ...rules };
    }
  }
  if (own(input, 'capture')) {
    const c = input.capture;
    if (!isObject(c)) errors.push('capture: expected an object');
    else {
      for (const key of Object.keys(c)) {
        if (!own(s.capture, key)) errors.push(`capture.${key}: unknown setting`);
      }
      for (const key of ['apiOnly', 'preserveLog', 'monitoring'] as const) {
        if (own(c, key)) {
          if (typeof c[key] === 'boolean') s.capture[key] = c[key];
          else errors.push(`capture.${key}: expected true or false`);
        }
      }
      for (const key of ['bodySizeCap', 'retentionCap'] as const) {
        if (own(c, key)) {
          const v = c[key];
          if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= CAPS[key]) s.capture[key] = v;
          else errors.push(`capture.${key}: expected a whole number from 0 to ${CAPS[key]}`);
        }
      }
      if (own(c, 'badgeMode')) {
        if (c.badgeMode === 'errors' || c.badgeMode === '5xx') s.capture.badgeMode = c.badgeMode;
        else errors.push('capture.badgeMode: expected "errors" or "5xx"');
      }
    }
  }
  if (own(input, 'redaction')) {
    const r = input.redaction;
    if (!isObject(r)) errors.push('redaction: expected an object');
    else {
      for (const key of ['headers', 'queryParams'] as const) {
        if (!own(r, key)) continue;
        const v = r[key];
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
          s.redaction[key] = (v as string[]).map((x) => x.trim().toLowerCase()).filter(Boolean);
        } else errors.push(`redaction.${key}: expected an array of names`);
      }
    }
  }
  if (own(input, 'openapi')) {
    const list = input.openapi;
    if (!Array.isArray(list))
      errors.push('openapi: expected an array of files or { "file", "baseUrl" } objects');
    else {
      const refs: OpenApiRef[] = [];
      list.forEach((v: unknown, i) => {
        if (typeof v === 'string' && v.trim() !== '') refs.push({ file: v });
        else if (isObject(v) && typeof v.file === 'string' && v.file.trim() !== '') {
          for (const key of Object.keys(v))
            if (key !== 'file' && key !== 'baseUrl') errors.push(`openapi[${i}].${key}: unknown setting`);
          if (own(v, 'baseUrl') && typeof v.baseUrl !== 'string')
            errors.push(`openapi[${i}].baseUrl: expected a URL string`);
          refs.push(typeof v.baseUrl === 'string' ? { file: v.file, baseUrl: v.baseUrl } : { file: v.file });
        } else errors.push(`openapi[${i}]: expected a file name or { "file", "baseUrl" }`);
      });
      s.openapi = refs;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: s };
}

/**
 * Names `before` redacts from exports that `after` no longer does. A settings file from someone
 * else can quietly switch redaction off; whoever imports it should be told what it exposes.
 */
export function redactionRemoved(
  before: Settings,
  after: Settings,
): { headers: string[]; queryParams: string[] } {
  const missing = (a: string[], b: string[]) => a.filter((name) => !b.includes(name));
  return {
    headers: missing(before.redaction.headers, after.redaction.headers),
    queryParams: missing(before.redaction.queryParams, after.redaction.queryParams),
  };
}
