import type { Exchange } from '../exchange/types';
import type { RelatedExchange, RuleMeta, Severity } from './types';

/**
 * Session rules (issue #18) judge how a client and an API behave across requests: retries,
 * duplicates, N+1 bursts. They see the exchanges of one session (a file in the CLI, the live or
 * the imported rows of a panel) one by one in capture order and keep only bounded state (see
 * src/core/session/window.ts), so a session of a million exchanges costs no more memory than one
 * of a thousand.
 */

/**
 * One exchange as session rules see it. Rules keep none of these (they hold the exchange and its
 * body): what they remember is numbers, short strings and `ref`s.
 */
export interface SessionEntry {
  exchange: Exchange;
  /** What a finding names: the exchange's id and its position in the session. */
  ref: EntryRef;
  /** When the request started, ms since the epoch; NaN when the source did not say. */
  start: number;
  /** When the response was complete (start + time); NaN when either is unknown. */
  end: number;
  /** `METHOD URL` (URL without its fragment): "the same request" for every session rule. */
  key: string;
  /**
   * Whether a profile switches this rule's findings off on this entry (its scope holds the
   * exchange, its `rules` say "off"): what the rule reports here is dropped. A rule that says a
   * fact once (per origin and value) asks before counting the fact as said, so that the next
   * entry outside that scope says it. A function: it may ask the profile's scope, so only when needed.
   */
  muted?: () => boolean;
}

/** An exchange's id (a panel row) and its index in the session (the HAR entry index in the CLI). */
export interface EntryRef {
  id: string;
  index: number;
}

/** A finding of a session rule: it belongs to the entry just pushed, and names the earlier ones. */
export interface SessionReport {
  message: string;
  related: RelatedExchange[];
  severity?: Severity;
}

/** A rule's state over one session. `push` sees every entry once, in order, and must be cheap. */
export interface SessionCheck {
  push(entry: SessionEntry): readonly SessionReport[];
}

/**
 * What `push` returns for the many entries that complete nothing: one shared empty list, so
 * the common case allocates nothing (frozen: nobody may add to it).
 */
export const NO_REPORTS: readonly SessionReport[] = Object.freeze([]);

/** A threshold a user tunes in the settings file (`ruleOptions`): a whole number within bounds. */
export interface RuleOption {
  name: string;
  description: string;
  default: number;
  min: number;
  max: number;
}

/** The bounds every session rule's state keeps: entries older than `ms`, or beyond `entries` keys, are forgotten. */
export interface SessionWindow {
  /** How far back, in ms of capture time, a rule may relate an exchange to an earlier one. */
  ms: number;
  /** How many distinct keys (requests, routes, APIs) a rule remembers at most. */
  entries: number;
}

/**
 * An option another rule declares that this one reads too: one boundary two rules must agree
 * on has one setting, on the rule that owns it (the options page, the CLI's rule list and the
 * settings file know it there only), so the two cannot be set apart.
 */
export interface SharedOption {
  /** The id of the rule that declares it. */
  rule: string;
  option: RuleOption;
}

export interface SessionRule extends RuleMeta {
  kind: 'session';
  options: readonly RuleOption[];
  /** Other rules' options this one reads, by the name `start` finds them under. */
  shared?: Readonly<Record<string, SharedOption>>;
  /** Fresh state for one session; `options` holds every option (shared ones too), defaults filled in. */
  start(options: Readonly<Record<string, number>>, window: SessionWindow): SessionCheck;
}

export function defineSessionRule(rule: SessionRule): SessionRule {
  return rule;
}
