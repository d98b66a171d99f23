import type { SpecDefinedKind } from '../exchange/spec-defined';
import type { Exchange } from '../exchange/types';
import type { JsonValue } from '../json/walk';
import type { ContractMatch } from '../contract/types';
import type { MatchSummary } from '../contract/coverage';
import type { ConventionSign } from '../profiles/signs';
import type { ServerMessage } from '../server-message/extract';
import type { OAuthErrorSighting } from '../catalogue/oauth/recognise';
import type { SessionRule } from './session-types';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A profile's id: a built-in's (src/core/profiles/builtins) or a user profile's. */
export type ProfileId = string;

/**
 * Where a rule belongs: `core` rules run always; `opt-in` rules run only when the user gives
 * them a severity; any other group is the id of the profile whose document lists the rule, and
 * the rule runs only through a profile that is on, inside its scope.
 */
export type RuleGroup = 'core' | 'opt-in' | ProfileId;

export interface RuleSource {
  /** Short citation, e.g. "RFC 9110 §15.3.5" or "RFC 9457 §3.1". */
  label: string;
  url: string;
}

/** What a rule's check sees. The body's JSON is parsed once by the engine and shared. */
export interface RuleContext {
  exchange: Exchange;
  /** Content-Type without parameters, lower-cased; '' when absent. */
  mediaType: string;
  /** The body text when known (capped for scanning rules), else undefined. */
  text: string | undefined;
  json: JsonState;
  /**
   * What the loaded OpenAPI descriptions say about this exchange (contract/* rules read it):
   * undefined when none is loaded or none holds the exchange in its scope.
   */
  contract?: ContractMatch;
  /**
   * Whether it is a GraphQL request (exchange/graphql.ts, by its body or query document, never
   * its URL): worked out on first read and remembered, so the rules, the profiles' scopes and
   * the convention signs that ask share one run of the detector per exchange.
   */
  readonly graphqlRequest: () => boolean;
}

export type JsonState =
  | { kind: 'none' } // no text body, or not JSON-looking and not a JSON media type
  | { kind: 'ok'; value: JsonValue }
  | { kind: 'invalid'; error: string }
  | { kind: 'skipped'; reason: string }; // too large to parse

export interface Report {
  message: string;
  /** RFC 6901 pointer into the body when a body member is at fault. */
  pointer?: string;
  /** For rules with more than one level (http/retry-after): overrides the rule's default. */
  severity?: Severity;
  /** The section this finding rests on, when it is not the rule's own (a 5xx cites §15.6, not §15.5). */
  source?: RuleSource;
  /**
   * Core rules this one finding covers the same fact as, when the rule covers them only in some
   * cases (contract/required-header's missing Location on a 201 is http/created-location's
   * fact, said with the description's word): as the rule's own `supersedes`, at the same pointer.
   */
  supersedes?: readonly string[];
}

/** What every rule declares, whatever it judges: what lists, docs, settings and reports read. */
export interface RuleMeta {
  id: string;
  group: RuleGroup;
  severity: Severity;
  description: string;
  source: RuleSource;
  /** `session` rules judge the sequence of exchanges (src/core/session); absent: one exchange. */
  kind?: 'exchange' | 'session';
  /** True when the rule reads only status and headers, so it can run without bodies (webRequest monitoring). */
  headerOnly?: boolean;
  /**
   * The cases the rule reports at another level than `severity` (a Report's own `severity`), in
   * words after the level: `{ severity: 'warning', when: 'for 416' }`. What `rules`, the docs
   * page's header and a `--fail-on` reader see beside the default (default-severity.ts).
   */
  otherSeverities?: readonly OtherSeverity[];
}

/** A case a rule reports at a level other than its default (RuleMeta.otherSeverities). */
export interface OtherSeverity {
  severity: Severity;
  /** Words after the level: "for known vendor codes", "outside 100–599". */
  when: string;
}

export interface Rule extends RuleMeta {
  kind?: 'exchange';
  /**
   * Core rules this rule covers the same fact as (issue #13: one defect, one finding). When
   * both report at the same pointer, only this rule's finding is kept.
   */
  supersedes?: readonly string[];
  check(ctx: RuleContext): Report[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  source: RuleSource;
  pointer?: string;
  /** The profile whose convention raised this finding; absent for core rules. */
  profile?: ProfileId;
  /** Session rules: the earlier exchanges that make up the pattern this exchange completes. */
  related?: RelatedExchange[];
}

/** An earlier exchange a session finding points to: its id (panel row), its index (HAR entry) and its part. */
export interface RelatedExchange {
  id: string;
  /** Position in its session: the HAR entry index in the CLI, the arrival order in the panel. */
  index: number;
  /** Its part in the pattern, e.g. "the 429 that said Retry-After: 5". */
  note: string;
  /** 1-based line its entry starts on in the HAR file, when the CLI knows it (SARIF related locations). */
  line?: number;
  /**
   * In a findings report exported from the panel: the list's `#` for the request, by which text
   * reports name it (`index` is then its position among the exported rows).
   */
  listNumber?: number;
}

/** A rule that threw: reported instead of crashing the exchange's analysis. */
export interface EngineProblem {
  rule: string;
  message: string;
}

/** Whether an enabled profile judged an exchange: `reason` says why it did not. */
export interface ProfileVerdict {
  profile: ProfileId;
  reason?: string;
}

export interface Analysis {
  findings: Finding[];
  problems: EngineProblem[];
  /** The OpenAPI operation the exchange matched (or the description it is undocumented in). */
  contract?: MatchSummary;
  /** One verdict per enabled profile; absent when no profile is on. */
  profiles?: ProfileVerdict[];
  /** What the body (and, for `graphql-request`, the request) shows of a convention (profile suggestions); absent when nothing. */
  signs?: ConventionSign[];
  /**
   * Which other specification defines this exchange's answers (exchange/spec-defined.ts), when
   * an enabled profile's scope asked: profile suggestions read it on the panel's thread, which
   * reads no request body. Absent when none does, or when no profile asked.
   */
  specDefined?: SpecDefinedKind;
  /** The server's own words about an error (the body's message members), read where the body is parsed. */
  said?: ServerMessage;
  /** The OAuth error codes of the catalogue the exchange reports (catalogue/oauth/recognise.ts), challenge first. */
  oauth?: OAuthErrorSighting[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export type {
  SessionRule,
  SharedOption,
  SessionEntry,
  SessionReport,
  SessionCheck,
  SessionWindow,
  EntryRef,
  RuleOption,
} from './session-types';
export { defineSessionRule, NO_REPORTS } from './session-types';

/** Any rule in the registry: one that judges an exchange, or one that judges the sequence. */
export type AnyRule = Rule | SessionRule;
