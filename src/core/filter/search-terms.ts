import type { Term } from './parse-query';
import { compileUserRegex } from './user-regex';

/**
 * The search box's terms that the analysis worker answers, not the panel's thread: `body:` text
 * (50,000 captured bodies are megabytes) and `/regex/` over URLs (RE2 in JavaScript is linear
 * but not cheap: over 20,000 long URLs one keystroke cost 20–40 ms of the panel's thread, more on
 * a loaded machine). The worker walks its rows in slices and answers which pass all of them.
 *
 * Plain data, so a message can carry it; the worker compiles it again with compileSearch.
 */
export type SearchTerm =
  /** Text in the captured response body, lower-cased. */
  | { kind: 'body'; text: string; negate: boolean }
  /** A user regex over the URL, as typed (source between the slashes, flags after). */
  | { kind: 'regex'; source: string; flags: string; negate: boolean };

/** The worker's terms of a parsed query, in the query's order. */
export function searchTermsOf(terms: readonly Term[]): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const t of terms) {
    if (t.kind === 'body') out.push({ kind: 'body', text: t.value, negate: t.negate });
    else if (t.kind === 'regex')
      out.push({ kind: 'regex', source: t.value.source, flags: t.value.flags, negate: t.negate });
  }
  return out;
}

/** Equal for searches that find the same rows: the panel starts a new search only when it changes. */
export function searchKey(terms: readonly SearchTerm[]): string {
  return terms.length === 0 ? '' : JSON.stringify(terms);
}

/** What a searched row offers: its URL, and its body lower-cased when it is text. */
export interface Searchable {
  url: string;
  body?: string;
}

/**
 * The test a row must pass: every term holds (a negated one must not). A pattern that no longer
 * compiles (the message came from elsewhere) matches nothing, as an invalid term shows nothing.
 */
export function compileSearch(terms: readonly SearchTerm[]): (row: Searchable) => boolean {
  const tests = terms.map((t): ((row: Searchable) => boolean) => {
    if (t.kind === 'body') return (row) => (row.body?.includes(t.text) ?? false) !== t.negate;
    const re = compileUserRegex(t.source, t.flags);
    if ('error' in re) return () => false;
    return (row) => re.test(row.url) !== t.negate;
  });
  return (row) => tests.every((test) => test(row));
}

/** Whether a search reads bodies (its status then counts bodies, and rows without one can still pass a negation). */
export const searchesBodies = (terms: readonly SearchTerm[]): boolean => terms.some((t) => t.kind === 'body');
