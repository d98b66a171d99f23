import type { ProfileDocument, ProfileScope } from '../profiles/types';
import type { ProfileId, Severity } from '../rules/types';
import { DEFAULT_REDACTED_HEADERS, DEFAULT_REDACTED_QUERY } from './defaults';
import { listOf } from '../text/list';

export type RuleSetting = 'off' | Severity;
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
/** The settings as a message names them when a value is none of them: `"off", "info", "warning" or "error"`. */
export const RULE_SETTINGS_TEXT = listOf(
  RULE_SETTINGS.map((r) => `"${r}"`),
  'or',
);
/** The settings as a message gives a map's values: `"off" | "info" | "warning" | "error"`. */
export const RULE_SETTINGS_UNION = RULE_SETTINGS.map((r) => `"${r}"`).join(' | ');
/** What the toolbar badge counts: findings of severity error, or 5xx responses. */
export const BADGE_MODES = ['errors', '5xx'] as const;
export type BadgeMode = (typeof BADGE_MODES)[number];

/** One settings document for the options page, the panel and `status-lens lint --config`. */
export interface Settings {
  version: 1;
  /** Enabled profiles: built-in ids and ids of `userProfiles`. */
  profiles: ProfileId[];
  /** Scopes the user set for profiles, replacing each one's document scope ("Applies to …"). */
  profileScopes: Record<ProfileId, ProfileScope>;
  /**
   * The user's own profile documents. In a settings file they may also stand inline in
   * `profiles`. The extension keeps them in chrome.storage.local (ProfileStore), not in sync.
   */
  userProfiles: ProfileDocument[];
  rules: Record<string, RuleSetting>;
  /**
   * Thresholds of rules that have them (session rules, issue #18): rule id → option → whole
   * number, e.g. `{ "session/duplicate-request": { "windowMs": 500 } }`. Omitted options keep
   * the rule's default.
   */
  ruleOptions?: Record<string, Record<string, number>>;
  capture: {
    apiOnly: boolean;
    bodySizeCap: number;
    retentionCap: number;
    preserveLog: boolean;
    badgeMode: BadgeMode;
    monitoring: boolean;
  };
  /**
   * Names the user redacts from exports on top of the built-in vocabulary (src/core/secrets):
   * headers, URL query / form fields, and members of JSON, XML and other text bodies.
   */
  redaction: {
    headers: string[];
    queryParams: string[];
    bodyMembers: string[];
  };
  /**
   * OpenAPI descriptions `status-lens lint --config` loads (paths relative to the settings file),
   * each with an optional base-URL override and an optional switch (`off`). The extension keeps documents in its own store.
   */
  openapi?: OpenApiRef[];
}

export interface OpenApiRef {
  file: string;
  baseUrl?: string;
  /**
   * Switched off: the entry is kept but the description is not loaded (no findings, no
   * coverage), as `ContractDoc.off` is for one switched off on the options page. Only `true`
   * is kept; `"off": false` in a file is the same as no switch.
   */
  off?: true;
}

/** Upper bounds, shared by the options page and settings files (a shared file is not trusted more). */
export const MAX_BODY_SIZE_CAP = 1024 * 1024 * 1024;
export const MAX_RETENTION_CAP = 10_000_000;

// The default redaction lists live in ./defaults, which imports nothing: rules read them, and
// this module reaches the rule registry (profile checks), so importing it from a rule is a cycle.
export { DEFAULT_REDACTED_HEADERS, DEFAULT_REDACTED_QUERY } from './defaults';

export function defaultSettings(): Settings {
  return {
    version: 1,
    profiles: [],
    profileScopes: {},
    userProfiles: [],
    rules: {},
    capture: {
      apiOnly: true,
      bodySizeCap: 5 * 1024 * 1024,
      retentionCap: 20_000,
      preserveLog: false,
      badgeMode: 'errors',
      monitoring: false,
    },
    redaction: {
      headers: [...DEFAULT_REDACTED_HEADERS],
      queryParams: [...DEFAULT_REDACTED_QUERY],
      bodyMembers: [],
    },
  };
}

/**
 * Names `before` redacts from exports that `after` no longer does. A settings file from someone
 * else can quietly switch redaction off; whoever imports it should be told what it exposes.
 */
export function redactionRemoved(
  before: Settings,
  after: Settings,
): { headers: string[]; queryParams: string[]; bodyMembers: string[] } {
  const missing = (a: string[], b: string[]) => a.filter((name) => !b.includes(name));
  return {
    headers: missing(before.redaction.headers, after.redaction.headers),
    queryParams: missing(before.redaction.queryParams, after.redaction.queryParams),
    bodyMembers: missing(before.redaction.bodyMembers, after.redaction.bodyMembers),
  };
}
