import { readRecordedStatus } from '../exchange/family';
import { editDistance, nearest } from '../text/edit-distance';
import { STATUS_CLASSES, statusClassNamed, type StatusClass, type StatusClassInfo } from './classes';
import { allEntries, explain, searchCatalogue } from './index';
import { allOAuthErrors, oauthErrorsNamed, type OAuthErrorEntry } from './oauth/index';
import type { CatalogueEntry } from './types';

/**
 * What `status-lens explain ARG` finds for what a user types: a code, a class, a reason phrase
 * or words. The CLI only prints the answer.
 */
export type CatalogueLookup =
  | { kind: 'entry'; entry: CatalogueEntry }
  /** Every place an OAuth 2.0 error code is defined in (`invalid_request` means one thing at each). */
  | { kind: 'oauth'; entries: readonly OAuthErrorEntry[] }
  | { kind: 'class'; statusClass: StatusClass; info: StatusClassInfo; entries: readonly CatalogueEntry[] }
  /**
   * `reason`: several entries bear the phrase ("Unauthorized": 401 and AWS's 561); `words`: the
   * entries the catalogue search finds for it, best first ("teapot", "too many").
   */
  | { kind: 'candidates'; by: 'reason' | 'words'; entries: readonly CatalogueEntry[] }
  /** A number that cannot be a status code (99, 1000, -2): status codes have three digits. */
  | { kind: 'not-a-status-code' }
  /** Nothing: `near` holds what a typo is close to, `oauthCodes` every OAuth code when it reads as one. */
  | { kind: 'none'; near: readonly string[]; oauthCodes?: readonly string[] };

/**
 * A reason phrase with case, spaces, hyphens and punctuation dropped: "Not Found", "not-found",
 * "NOT_FOUND" and "notfound" are one key, as are "I'm a teapot" and "im a teapot".
 */
export function reasonKey(phrase: string): string {
  return phrase.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

let byReason: Map<string, CatalogueEntry[]> | undefined;

/** The entries whose reason phrase or a former name reads as `phrase` (see reasonKey). */
export function entriesByReason(phrase: string): CatalogueEntry[] {
  if (!byReason) {
    byReason = new Map();
    for (const e of allEntries()) {
      for (const name of new Set([e.reason, ...e.formerNames].map(reasonKey))) {
        const list = byReason.get(name) ?? [];
        list.push(e);
        byReason.set(name, list);
      }
    }
  }
  const key = reasonKey(phrase);
  return key === '' ? [] : [...(byReason.get(key) ?? [])];
}

/**
 * The reason phrase a typo is close to ("Not Fuond" → "Not Found (404)"). Short words allow
 * fewer edits: two edits turn "4O4" into "OK", which nobody meant.
 */
function nearReason(text: string): string | undefined {
  const s = text.toLowerCase().replace(/[\s_-]+/g, ' ');
  const max = Math.min(2, Math.floor(s.length / 4));
  if (max === 0) return undefined;
  const named = new Map<string, CatalogueEntry>();
  for (const e of allEntries()) {
    if (typeof e.code !== 'number') continue;
    for (const name of [e.reason, ...e.formerNames])
      if (!named.has(name.toLowerCase())) named.set(name.toLowerCase(), e);
  }
  const hit = nearest(s, named.keys(), max);
  if (hit === undefined) return undefined;
  const e = named.get(hit)!;
  const phrase = [e.reason, ...e.formerNames].find((n) => n.toLowerCase() === hit)!;
  return `${phrase} (${String(e.code)})`;
}

/**
 * Looks `arg` up, first match wins: a number (a status code, or not one at all); a status code or
 * network error name; an OAuth error code (any case: RFC 6749 writes them in lower case); a
 * class ("4xx"); a reason phrase or former name (see reasonKey); then the catalogue search the
 * panel's Codes view runs (searchCatalogue), whose matches are listed as candidates.
 */
export function lookUpCatalogue(arg: string): CatalogueLookup {
  const s = arg.trim();
  // Three digits (100–999) are always explained: an entry, the class of an unassigned code,
  // or why 600–999 are not HTTP; 0 is a request that got no response. Other numbers are
  // not status codes at all, except Playwright's -1 for a failed request, read as 0 (as lint does).
  if (/^-?\d+$/.test(s)) {
    const code = readRecordedStatus(Number(s));
    if (code !== 0 && (code < 100 || code > 999)) return { kind: 'not-a-status-code' };
  }
  const entry = explain(s);
  if (entry) return { kind: 'entry', entry };
  const oauth = oauthErrorsNamed(s.toLowerCase());
  if (oauth.length > 0) return { kind: 'oauth', entries: oauth };
  const statusClass = statusClassNamed(s);
  if (statusClass) {
    return {
      kind: 'class',
      statusClass,
      info: STATUS_CLASSES[statusClass],
      entries: searchCatalogue(statusClass),
    };
  }
  const named = entriesByReason(s);
  if (named.length === 1) return { kind: 'entry', entry: named[0]! };
  if (named.length > 1) return { kind: 'candidates', by: 'reason', entries: named };
  const found = searchCatalogue(s);
  if (found.length > 0) return { kind: 'candidates', by: 'words', entries: found };
  return none(s);
}

/**
 * The "did you mean": the OAuth codes a typo is close to, else the reason phrase it is close to;
 * for what reads as an OAuth code (a word with an underscore) and is close to neither, every code
 * the catalogue knows.
 */
function none(s: string): CatalogueLookup {
  const lower = s.toLowerCase();
  const codes = [...new Set(allOAuthErrors().map((e) => e.code))];
  const near = codes.filter((c) => editDistance(c, lower) <= 2);
  if (near.length > 0) return { kind: 'none', near };
  const reason = nearReason(s);
  if (reason !== undefined) return { kind: 'none', near: [reason] };
  return /^[a-z]+(_[a-z]+)+$/.test(lower)
    ? { kind: 'none', near, oauthCodes: codes }
    : { kind: 'none', near };
}
