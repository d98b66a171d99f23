import { nearest } from '../text/edit-distance';
import { exchangeRoute } from '../endpoints/route-template';
import { READABLE_PATH_MAX, readablePath } from '../text/readable-path';
import { keptByApiOnly } from '../exchange/api-call';
import { statusFamily, type StatusFamily } from '../exchange/family';
import { isJsonMediaType, responseMediaType } from '../exchange/media';
import type { Exchange } from '../exchange/types';
import { hostOfParts, splitUrl } from '../exchange/url';
import type { Finding, Severity } from '../rules/types';
import { compare, hasOperator, parseComparison, type Comparison } from './compare';
import { globMatch } from './glob';
import { ALL_KEY_NAMES, canonicalKey, COMPARABLE_KEYS, IS_VALUES, PROP_KEYS, type PropKey } from './keys';
import { searchTermsOf, type SearchTerm } from './search-terms';
import { listOf } from '../text/list';
import { compileUserRegex, validRegexFlags, type UserRegex } from './user-regex';

/** One term of the search box: `status:404`, `-method:GET`, `time:>500ms`, `/regex/`, `body:…`, or plain URL text. */
export type Term =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'regex'; value: UserRegex; negate: boolean }
  | { kind: 'prop'; key: PropKey; value: string; negate: boolean }
  | { kind: 'compare'; key: 'status' | 'time' | 'size'; cmp: Comparison; negate: boolean }
  /** Text in the captured response body: searched in the analysis worker, matched through MatchContext. */
  | { kind: 'body'; value: string; negate: boolean };

export { PROP_KEYS, type PropKey };

export interface ParsedQuery {
  terms: Term[];
  /** Problems to show under the search box (a bad regex, an unknown key), never thrown. */
  errors: string[];
  /**
   * The terms the analysis worker answers (the `body:` text, `/regex/` over URLs), in a form a
   * message can carry; empty when the query has none. See search-terms.ts.
   */
  search: SearchTerm[];
}

function tokenize(input: string): string[] {
  const out: string[] = [];
  // A `/…/` term may hold spaces, so it is its own token when it ends at a space or the end;
  // otherwise (`/api/widgets/42`) the token runs to the next space like any other.
  const re = /(-?[a-z][a-z-]*:"[^"]*"|-?\/(?:\\.|[^/\\])+\/[a-z]*(?=\s|$)|\S+)/gi;
  for (const m of input.matchAll(re)) out.push(m[0]);
  return out;
}

/** `/pattern/flags`: a body without bare slashes, and nothing after the last slash but flags. */
const REGEX_TERM = /^\/((?:\\.|[^/\\])+)\/([a-z]*)$/i;
/** `key:value` with a key of letters and inner hyphens, as every filter key is. */
const PROP_TERM = /^([a-z][a-z-]*[a-z]|[a-z]):(.*)$/i;
/** Schemes people paste as the start of a URL: `https://…` is text, not the key `https`. */
const URL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'data', 'blob', 'file', 'about']);

/** The known key nearest to a mistyped one (`stauts` → `status`), if any is close. */
function nearestKey(key: string): string | undefined {
  return nearest(key.toLowerCase(), ALL_KEY_NAMES);
}

/**
 * Whether `key:value` is meant as a filter. Text such as `https://x`, `localhost:8080` or
 * `a:/b` is URL text, and so is `key:` with nothing after it; anything else with an unknown
 * key is a typo the user should hear about, not a term that silently matches nothing.
 */
function looksLikeFilter(key: string, value: string): boolean {
  if (URL_SCHEMES.has(key.toLowerCase())) return false;
  return value !== '' && !value.startsWith('/') && !/^\d+(?:[/?#]|$)/.test(value);
}

const UNITS = { status: 'count', time: 'duration', size: 'bytes' } as const;
const NEEDS: Record<'status' | 'time' | 'size', string> = {
  status: 'a code, a family, a range or a comparison such as status:>=400',
  time: 'a duration such as time:>500ms or time:<=2s',
  size: 'a size such as size:>1mb or larger-than:100k',
};

/** One `key:value` term, or an error for the box. */
function propTermOf(
  name: string,
  key: PropKey,
  value: string,
  negate: boolean,
): { term: Term } | { error: string } {
  if (value === '') return { error: `"${name}:" needs a value` };
  if (key === 'body') return { term: { kind: 'body', value: value.toLowerCase(), negate } };
  if (COMPARABLE_KEYS.has(key)) {
    const k = key as 'status' | 'time' | 'size';
    if (k === 'status' && !hasOperator(value)) {
      if (validStatusValue(value)) return { term: { kind: 'prop', key, value, negate } };
      return { error: `"${name}:${value}": ${name}: takes ${NEEDS.status}` };
    }
    const cmp = parseComparison(value, UNITS[k], name.toLowerCase() === 'larger-than' ? '>' : '=');
    if (!cmp) return { error: `"${name}:${value}": ${name}: takes ${NEEDS[k]}` };
    return { term: { kind: 'compare', key: k, cmp, negate } };
  }
  if (key === 'is' && !(IS_VALUES as readonly string[]).includes(value.toLowerCase()))
    return { error: `"${name}:${value}": is: takes ${listOf(IS_VALUES, 'or')}` };
  return { term: { kind: 'prop', key, value, negate } };
}

function validStatusValue(value: string): boolean {
  return /^(failed|[1-5]xx|\d+|\d+-\d+)$/i.test(value);
}

export function parseQuery(input: string): ParsedQuery {
  const terms: Term[] = [];
  const errors: string[] = [];
  for (let token of tokenize(input.trim())) {
    let negate = false;
    if (token.startsWith('-') && token.length > 1) {
      negate = true;
      token = token.slice(1);
    }
    const regex = REGEX_TERM.exec(token);
    if (regex && validRegexFlags(regex[2]!)) {
      const compiled = compileUserRegex(regex[1]!, regex[2]!);
      if ('error' in compiled) errors.push(`Invalid regular expression ${token}: ${compiled.error}`);
      else terms.push({ kind: 'regex', value: compiled, negate });
      continue;
    }
    const prop = PROP_TERM.exec(token);
    if (prop) {
      const name = prop[1]!;
      const key = canonicalKey(name);
      const value = prop[2]!.replace(/^"|"$/g, '');
      if (key) {
        const made = propTermOf(name, key, value, negate);
        if ('error' in made) errors.push(made.error);
        else terms.push(made.term);
        continue;
      }
      if (looksLikeFilter(name, value)) {
        const near = nearestKey(name);
        errors.push(
          `Unknown filter "${name}:"` +
            (near ? ` (did you mean "${near}:"?)` : '') +
            `. Filters: ${PROP_KEYS.map((k) => `${k}:`).join(' ')}`,
        );
        continue;
      }
    }
    terms.push({ kind: 'text', value: token.toLowerCase(), negate });
  }
  const bodies = terms.filter((t) => t.kind === 'body');
  if (bodies.length > 1) errors.push('One body: term at a time: the first is used');
  const kept = bodies.length > 1 ? terms.filter((t) => t.kind !== 'body' || t === bodies[0]) : terms;
  return { terms: kept, errors, search: searchTermsOf(kept) };
}

export interface FilterSubject {
  exchange: Exchange;
  findings: readonly Finding[];
  /** Read from a HAR file rather than captured live (`is:imported`, `is:live`). */
  imported?: boolean;
  /** Precomputed facts (the panel computes them once per row); derived on the fly when absent. */
  facts?: ExchangeFacts;
}

/** What filtering asks of every exchange, computed once: at 50,000 rows, per-keystroke work must be tiny. */
export interface ExchangeFacts {
  family: StatusFamily;
  api: boolean;
  urlLower: string;
  host: string;
  mediaType: string;
  /** The route template's path, lower-cased (`route:` compares it whole). */
  route: string;
  /** Response header names, lower-cased (`header:`, `has-response-header:`). */
  headerNames: ReadonlySet<string>;
}

/** What matching needs besides the row: the worker's answer to the search terms. */
export interface MatchContext {
  /**
   * Ids of the rows that pass every `body:` and `/regex/` term (negations included), as the
   * analysis worker found them so far. When absent, a regex is tested here and a `body:` term
   * matches nothing (no bodies on this side): the CLI and tests have no worker.
   */
  searched?: ReadonlySet<string>;
}

export function exchangeFacts(ex: Exchange): ExchangeFacts {
  return {
    family: statusFamily(ex.status),
    api: keptByApiOnly(ex),
    urlLower: ex.url.toLowerCase(),
    host: hostOf(ex.url),
    mediaType: responseMediaType(ex) || (ex.mimeType.toLowerCase().split(';')[0] ?? '').trim(),
    route: exchangeRoute(ex.url).path.toLowerCase(),
    headerNames: new Set(ex.responseHeaders.map((h) => h.name.toLowerCase())),
  };
}

function hostOf(url: string): string {
  // Cheaper than new URL() for the common case, and total: junk gives ''.
  const parts = splitUrl(url);
  return parts ? hostOfParts(parts) : '';
}

function matchStatus(value: string, status: number): boolean {
  const v = value.toLowerCase();
  if (v === 'failed') return status === 0;
  if (/^[1-5]xx$/.test(v)) return statusFamily(status) === (v as StatusFamily);
  if (/^\d+$/.test(v)) return status === Number(v);
  const range = /^(\d+)-(\d+)$/.exec(v);
  if (range) return status >= Number(range[1]) && status <= Number(range[2]);
  return false;
}

function matchIs(value: string, s: FilterSubject): boolean {
  switch (value) {
    case 'imported':
      return s.imported === true;
    case 'live':
      return s.imported !== true;
    case 'from-cache':
      return s.exchange.fromCache !== undefined;
  }
  return false;
}

/** A host without its port (`domain:` matches either). */
function hostname(host: string): string {
  return host.replace(/:\d+$/, '');
}

function matchProp(key: PropKey, value: string, s: FilterSubject, facts: ExchangeFacts): boolean {
  const v = value.toLowerCase();
  const ex = s.exchange;
  switch (key) {
    case 'status':
      return matchStatus(v, ex.status);
    case 'family':
      return facts.family === v;
    case 'method':
      return ex.method.toLowerCase() === v;
    case 'rule':
      return s.findings.some(
        (f) => f.rule.toLowerCase() === v || f.rule.toLowerCase().startsWith(v.endsWith('/') ? v : v + '/'),
      );
    case 'severity':
      return s.findings.some((f) => f.severity === (v as Severity));
    case 'has':
      if (v === 'findings') return s.findings.length > 0;
      if (v === 'body') return ex.body.kind === 'text' || ex.body.kind === 'binary';
      if (v === 'failure') return ex.status === 0;
      return false;
    case 'host':
      return facts.host.includes(v);
    case 'mime':
      if (v === 'json') return isJsonMediaType(facts.mediaType);
      return facts.mediaType.includes(v);
    case 'route':
      // The Endpoints view's grouping (`/users/{id}`), matched whole: it names one endpoint, as
      // recorded (`/a%20b`, what a click on an endpoint adds) or as the view shows it (`/a b`).
      return facts.route === v || (facts.route.includes('%') && readable(facts, 'route') === v);
    case 'domain':
      // Chrome's: the host, `*` standing for any run of characters; with or without the port.
      return globMatch(v, facts.host) || globMatch(v, hostname(facts.host));
    case 'profile':
      return s.findings.some((f) => f.profile?.toLowerCase() === v);
    case 'header':
      return facts.headerNames.has(v);
    case 'is':
      return matchIs(v, s);
    case 'time':
    case 'size':
    case 'body':
      // Parsed into their own term kinds; a prop term never carries them.
      return false;
  }
}

function subjectNumber(key: 'status' | 'time' | 'size', ex: Exchange): number | undefined {
  if (key === 'status') return ex.status === 0 ? undefined : ex.status;
  const n = key === 'time' ? ex.time : ex.size;
  // -1: the recorder did not know; an unknown never satisfies a comparison (nor its negation).
  return n < 0 ? undefined : n;
}

/**
 * A row's URL and route decoded as readablePath shows them, lower-cased: made when a term first
 * asks, then kept with the row's facts (each keystroke asks again, of every row).
 */
const readableFacts = new WeakMap<ExchangeFacts, { url?: string; route?: string }>();

function readable(facts: ExchangeFacts, part: 'url' | 'route'): string {
  let cached = readableFacts.get(facts);
  if (!cached) readableFacts.set(facts, (cached = {}));
  const text = part === 'url' ? facts.urlLower : facts.route;
  // Past readablePath's limit nothing is decoded: the text as recorded is all there is to match.
  return (cached[part] ??= text.length > READABLE_PATH_MAX ? text : readablePath(text).toLowerCase());
}

function matchTerm(term: Term, s: FilterSubject, facts: ExchangeFacts): boolean {
  switch (term.kind) {
    case 'compare': {
      const n = subjectNumber(term.key, s.exchange);
      // Unknown: fails the term either way, so `-time:>1s` does not list rows without a time.
      if (n === undefined) return term.negate;
      return compare(n, term.cmp);
    }
    case 'body':
      // The worker's answer covers body terms (see matchesQuery); without it, nothing matches.
      return false;
    case 'text':
      // In the URL as recorded (`another%20test`) or as read (`"another test"`).
      return (
        facts.urlLower.includes(term.value) ||
        (facts.urlLower.includes('%') && readable(facts, 'url').includes(term.value))
      );
    case 'regex':
      return term.value.test(s.exchange.url);
    case 'prop':
      return matchProp(term.key, term.value, s, facts);
  }
}

/** All terms must hold (AND); a negated term must not. */
export function matchesQuery(q: ParsedQuery, s: FilterSubject, ctx: MatchContext = {}): boolean {
  if (q.terms.length === 0) return true;
  // The worker answered the body and regex terms together: one lookup stands for all of them.
  const answered = q.search.length > 0 && ctx.searched !== undefined;
  if (answered && !ctx.searched!.has(s.exchange.id)) return false;
  const facts = s.facts ?? exchangeFacts(s.exchange);
  for (const term of q.terms) {
    if (answered && (term.kind === 'body' || term.kind === 'regex')) continue;
    if (matchTerm(term, s, facts) === term.negate) return false;
  }
  return true;
}

/**
 * A `key:value` term that parseQuery reads back as exactly that value (quoted when it holds
 * spaces), or null when no term can say it (a value with a double quote or nothing in it).
 */
export function propTerm(
  key: PropKey | 'status' | 'method' | 'host' | 'route',
  value: string,
): string | null {
  if (value === '' || value.includes('"')) return null;
  return /\s/.test(value) ? `${key}:"${value}"` : `${key}:${value}`;
}
