// Builds schemas/settings.schema.json (`npm run schemas` writes it; a unit test fails when
// the file differs from what this builds). The settings validator, src/core/settings/parse.ts, is
// the judge: everything this schema names is read from the code it reads (the members of the
// settings types, the default settings, the rule registry and the rules' options, the built-in
// profiles, the byte-size units), and the profile documents a settings file holds are
// schemas/profile.schema.json's, copied in so one file serves any editor without resolving
// references to another. What a schema cannot say stays the validator's alone (see DESCRIPTION).
import { BUILTIN_PROFILES, BUILTIN_PROFILE_IDS } from '../src/core/profiles/builtins';
import { BUILTIN_RULES } from '../src/core/profiles/registry';
import { PROFILE_ID_PATTERN, TAKEN_PROFILE_IDS } from '../src/core/profiles/validate';
import type { AnyRule } from '../src/core/rules/types';
import { OPENAPI_ENTRY_KEYS } from '../src/core/settings/parse-openapi';
import { optionsOf } from '../src/core/settings/rule-options';
import {
  BADGE_MODES,
  defaultSettings,
  MAX_BODY_SIZE_CAP,
  MAX_RETENTION_CAP,
  RULE_SETTINGS,
  type OpenApiRef,
  type Settings,
} from '../src/core/settings/schema';
import { BYTE_SIZE_NUMBER, BYTE_SIZE_UNITS, formatBytes } from '../src/core/units/bytes';

import { unanchored, USER_PROFILE_ID, type JsonSchema } from './profile-schema';

export type { JsonSchema };

export const SETTINGS_SCHEMA_ID = 'urn:status-lens:schema:settings';
const PROFILE = '#/$defs/profile';

const DESCRIPTION =
  'The settings the options page exports and `status-lens lint --config` reads (docs/cli.md, "Config file"). Status Lens validates the file itself; this schema lets an editor complete and check it as you type. What it cannot check, Status Lens does: that a profile named in profiles, profileScopes or rules is a built-in or defined in this file, that two profiles do not share an id, and that a body size written with a unit is at most 1 GiB.';

/** `acme` → `[aA][cC][mM][eE]`: JSON Schema patterns take no flags, and units are read in any case. */
const anyCase = (text: string) =>
  [...text]
    .map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`))
    .join('');

/** A size as parseByteSize reads it: a number, then one of its units (longest first), spaces around. */
function byteSizePattern(): string {
  const units = BYTE_SIZE_UNITS.filter((u) => u !== '')
    .sort((a, b) => b.length - a.length)
    .map(anyCase);
  return String.raw`^\s*${BYTE_SIZE_NUMBER}\s*(?:${units.join('|')})?\s*$`;
}

/** A rule of a user profile, `acme/…`: rated by its profile's id (parse-rules.ts). */
const USER_PROFILE_RULE = `^(?!(?:${TAKEN_PROFILE_IDS.join('|')})/)${unanchored(PROFILE_ID_PATTERN)}/`;

/** The schema of profile.schema.json as a part of this one: its own `$defs` and references moved under `#/$defs/profile`. */
function embeddedProfile(profileSchema: JsonSchema): JsonSchema {
  const moved = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(moved);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k,
        k === '$ref' && typeof x === 'string' && x.startsWith('#/') ? `${PROFILE}${x.slice(1)}` : moved(x),
      ]),
    );
  };
  const { $schema: _dialect, $id: _id, ...rest } = profileSchema;
  return moved(rest) as JsonSchema;
}

function ruleDescription(rule: AnyRule): string {
  const runs =
    rule.group === 'core'
      ? ''
      : rule.group === 'opt-in'
        ? ' Opt-in: runs only once given a level.'
        : ` Runs only while the profile ${rule.group} is on.`;
  return `${rule.description} Default: ${rule.severity}.${runs}`;
}

function rulesSchema(): JsonSchema {
  return {
    description:
      'Each rule\u2019s setting: "off", or the severity its findings get. A rule of one of your own profiles is named by the profile\u2019s id (acme/media-type). `status-lens rules` lists them all.',
    type: 'object',
    properties: Object.fromEntries(
      BUILTIN_RULES.map((r) => [r.id, { description: ruleDescription(r), enum: [...RULE_SETTINGS] }]),
    ),
    patternProperties: { [USER_PROFILE_RULE]: { enum: [...RULE_SETTINGS] } },
    additionalProperties: false,
  };
}

function ruleOptionsSchema(): JsonSchema {
  const tunable = BUILTIN_RULES.filter((r) => optionsOf(r).length > 0);
  return {
    description:
      'Thresholds of the rules that have them: rule id \u2192 option \u2192 whole number. An option left out keeps its default.',
    type: 'object',
    properties: Object.fromEntries(
      tunable.map((r) => [
        r.id,
        {
          type: 'object',
          properties: Object.fromEntries(
            optionsOf(r).map((o) => [
              o.name,
              {
                description: o.description,
                type: 'integer',
                minimum: o.min,
                maximum: o.max,
                default: o.default,
              },
            ]),
          ),
          additionalProperties: false,
        },
      ]),
    ),
    additionalProperties: false,
  };
}

function profilesSchema(): JsonSchema {
  return {
    description:
      'The profiles that are on: a built-in\u2019s id, the id of one of userProfiles, or a whole profile document (which is then on).',
    type: 'array',
    items: {
      anyOf: [
        { enum: [...BUILTIN_PROFILE_IDS] },
        { type: 'string', pattern: USER_PROFILE_ID },
        { $ref: PROFILE },
      ],
    },
  };
}

function profileScopesSchema(): JsonSchema {
  const scope = { $ref: `${PROFILE}/properties/scope` };
  return {
    description:
      'Where a profile applies, replacing its document\u2019s scope whole: profile id \u2192 scope (docs/profiles.md).',
    type: 'object',
    properties: Object.fromEntries(
      BUILTIN_PROFILES.map((p) => [p.id, { description: `${p.name}: ${p.summary}`, ...scope }]),
    ),
    patternProperties: { [USER_PROFILE_ID]: scope },
    additionalProperties: false,
  };
}

function captureSchema(): JsonSchema {
  const d = defaultSettings().capture;
  const most = `${MAX_BODY_SIZE_CAP} (${formatBytes(MAX_BODY_SIZE_CAP)})`;
  const members: Record<keyof Settings['capture'], JsonSchema> = {
    apiOnly: {
      description: 'The panel shows API requests only (fetch and XHR) when it opens.',
      type: 'boolean',
      default: d.apiOnly,
    },
    bodySizeCap: {
      description: `Bodies up to this many bytes are analysed, bigger ones by status and headers only; the one capture setting the CLI reads (--body-size-cap overrides it). Bytes (0 to ${most}), or a size with a unit ("10 MiB", "10M", "512K": every unit 1024-based).`,
      anyOf: [
        { type: 'integer', minimum: 0, maximum: MAX_BODY_SIZE_CAP },
        { type: 'string', pattern: byteSizePattern() },
      ],
      default: d.bodySizeCap,
    },
    retentionCap: {
      description: 'Requests kept in the panel: the oldest are dropped beyond this; 0 keeps everything.',
      type: 'integer',
      minimum: 0,
      maximum: MAX_RETENTION_CAP,
      default: d.retentionCap,
    },
    preserveLog: {
      description: 'The panel preserves its log on navigation by default.',
      type: 'boolean',
      default: d.preserveLog,
    },
    badgeMode: {
      description: 'What the toolbar badge counts: findings of severity error, or 5xx responses.',
      enum: [...BADGE_MODES],
      default: d.badgeMode,
    },
    monitoring: {
      description:
        'Monitoring without DevTools: status codes and header-only rules on every tab. Importing a file leaves it as it is (Chrome asks for access at the options page\u2019s switch).',
      type: 'boolean',
      default: d.monitoring,
    },
  };
  return {
    description: 'How the extension captures; from these the CLI reads only bodySizeCap.',
    type: 'object',
    properties: members,
    additionalProperties: false,
  };
}

function redactionSchema(): JsonSchema {
  const d = defaultSettings().redaction;
  const names = (description: string, def: string[]): JsonSchema => ({
    description: `${description} Added to the built-in names, which cannot be taken away; compared in lower case.`,
    type: 'array',
    items: { type: 'string' },
    default: def,
  });
  const members: Record<keyof Settings['redaction'], JsonSchema> = {
    headers: names('Header names whose values exports and reports hide.', d.headers),
    queryParams: names('URL query and form parameters whose values exports and reports hide.', d.queryParams),
    bodyMembers: names(
      'Members of JSON, XML and other text bodies whose values exports hide.',
      d.bodyMembers,
    ),
  };
  return {
    description: 'Names of your own that exports and CLI reports redact.',
    type: 'object',
    properties: members,
    additionalProperties: false,
  };
}

function openapiSchema(): JsonSchema {
  const file = { type: 'string', pattern: String.raw`\S` };
  const entry: Record<keyof OpenApiRef, JsonSchema> = {
    file: { description: 'The description\u2019s file, relative to the settings file.', ...file },
    baseUrl: {
      description:
        'The host and base path that serve it, in place of its servers: an http(s) URL, or a path from the root ("/api").',
      type: 'string',
    },
    off: {
      description: 'Switched off: kept in the file, not loaded (no contract findings, no coverage).',
      type: 'boolean',
    },
  };
  // The entry's members are the validator's list, in its order (a test compares them too).
  const ordered = Object.fromEntries(OPENAPI_ENTRY_KEYS.map((k) => [k, entry[k as keyof OpenApiRef]]));
  return {
    description:
      'OpenAPI 3.0/3.1 descriptions `status-lens lint` checks the traffic against (JSON or YAML), by file or as an object.',
    type: 'array',
    items: {
      anyOf: [
        { description: 'The description\u2019s file, relative to the settings file.', ...file },
        { type: 'object', required: ['file'], properties: ordered, additionalProperties: false },
      ],
    },
  };
}

/** schemas/settings.schema.json, from the code and the profile schema. */
export function settingsSchema(profileSchema: JsonSchema): JsonSchema {
  const members: Record<keyof Settings | '$schema', JsonSchema> = {
    $schema: {
      description:
        'Where an editor finds this schema: "./node_modules/status-lens/schemas/settings.schema.json". Status Lens ignores it.',
      type: 'string',
    },
    version: { description: 'The settings format\u2019s version.', const: defaultSettings().version },
    profiles: profilesSchema(),
    profileScopes: profileScopesSchema(),
    userProfiles: {
      description: 'Profiles of your own (docs/profiles.md), turned on by naming them in profiles.',
      type: 'array',
      items: { $ref: PROFILE },
    },
    rules: rulesSchema(),
    ruleOptions: ruleOptionsSchema(),
    capture: captureSchema(),
    redaction: redactionSchema(),
    openapi: openapiSchema(),
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SETTINGS_SCHEMA_ID,
    title: 'Status Lens settings',
    description: DESCRIPTION,
    type: 'object',
    properties: members,
    additionalProperties: false,
    $defs: { profile: embeddedProfile(profileSchema) },
  };
}
