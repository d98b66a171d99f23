import type { Exchange } from '../exchange/types';
import type { JsonValue } from '../json/walk';
import type { ContractMatch } from '../contract/types';
import type { MatchSummary } from '../contract/coverage';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export type ProfileId = 'problem' | 'hal' | 'envelope';
export const PROFILE_IDS: readonly ProfileId[] = ['problem', 'hal', 'envelope'];

/**
 * Where a rule belongs: `core` rules run always; a profile's rules run when that profile is on;
 * `opt-in` rules run only when the user gives them a severity.
 */
export type RuleGroup = 'core' | ProfileId | 'opt-in';

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
}

export interface Rule {
  id: string;
  group: RuleGroup;
  severity: Severity;
  description: string;
  source: RuleSource;
  /** True when the rule reads only status and headers, so it can run without bodies (webRequest monitoring). */
  headerOnly?: boolean;
  check(ctx: RuleContext): Report[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  source: RuleSource;
  pointer?: string;
}

/** A rule that threw: reported instead of crashing the exchange's analysis. */
export interface EngineProblem {
  rule: string;
  message: string;
}

export interface Analysis {
  findings: Finding[];
  problems: EngineProblem[];
  /** The OpenAPI operation the exchange matched (or the description it is undocumented in). */
  contract?: MatchSummary;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
