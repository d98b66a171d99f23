import type { SpecDefinedKind } from '../exchange/spec-defined';
import type { Rule, Severity } from '../rules/types';
import type { JsonType } from '../json/walk';

/**
 * A profile is a document, not code: the conventions of one API, written as data
 * (schemas/profile.schema.json publishes the same shape for user profiles). The checks behind
 * its fields are a few parameterised functions in ./checks; what cannot be data (HAL link
 * shape, problem member typing) is a rule function named in `checks`.
 */
export interface ProfileDocument {
  /** Lower-case letters, digits and dashes; prefixes the ids of the rules the data generates. */
  id: string;
  name: string;
  /** One line saying what the profile checks. */
  summary: string;
  /** Where the convention is written down (https URL). */
  source: string;
  scope?: ProfileScope;
  mediaTypes?: { success?: string[]; error?: string[] };
  body?: { error?: ObjectShape; success?: ObjectShape };
  statuses?: DocumentedStatuses;
  /** Headers a response must carry, by status ("429") or status class ("4XX"); a status's and its class's add up. */
  headers?: Record<string, string[]>;
  /** Rule adjustments inside the profile's scope: a core or session rule (or one of its own) switched off or re-rated. */
  rules?: Record<string, 'off' | Severity>;
  /** Rule functions (ids from the rule registry) for checks that cannot be data. */
  checks?: string[];
}

/** Which exchanges a profile judges. */
export interface ProfileScope {
  /** `scheme://host/path` patterns; `*` matches any run of characters; the path is a prefix. Absent: every URL. */
  urls?: string[];
  /** Upper-case methods; absent: every method. */
  methods?: string[];
  /** Judge only API calls (fetch/XHR, or a JSON/XML media type when the resource type is unknown). Default true. */
  apiCallsOnly?: boolean;
  /**
   * Judge only requests of this kind: `graphql`, the requests exchange/graphql.ts recognises as
   * GraphQL (by their body or query document, never by their URL). Absent: any request.
   */
  requests?: ScopeRequests;
}

/** The kinds of request a scope may be limited to (`scope.requests`): one list for the type, the validator and the docs. */
export const SCOPE_REQUESTS = ['graphql'] as const;
export type ScopeRequests = (typeof SCOPE_REQUESTS)[number];

/** JSON Schema's type names (a member's `type`): the JSON types, and `integer`, a number with no fraction. */
export type SchemaType = JsonType | 'integer';
/** In the order messages list them. */
export const SCHEMA_TYPES: readonly SchemaType[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
];

/** What a JSON object must hold: required member names and the type(s) each member may have. */
export interface ObjectShape {
  required?: string[];
  members?: Record<string, MemberShape>;
}

export interface MemberShape {
  type: SchemaType | SchemaType[];
  /** For an array member: the shape every item (an object) must have. */
  items?: ObjectShape;
}

/**
 * Statuses the API documents. A status is documented when it is listed under `all`, under the
 * request's method, or under a route template the request matches (`"DELETE /disks/{id}"`).
 */
export interface DocumentedStatuses {
  all?: DocumentedStatus[];
  methods?: Record<string, DocumentedStatus[]>;
  routes?: Record<string, DocumentedStatus[]>;
}

/** A code (404) or a class as OpenAPI writes its ranges ("4XX", "4xx" too): status-key.ts reads them. */
export type DocumentedStatus = number | string;

/** A profile ready to run: its document, the rules it runs and the scope they run in. */
export interface CompiledProfile {
  doc: ProfileDocument;
  rules: Rule[];
  builtin: boolean;
  /** The spec-defined requests it judges although no other profile does (registry.ts, judgedSpecs). */
  judges: readonly SpecDefinedKind[];
}
