import { routeTemplate } from '../endpoints/route-template';
import { isApiCall } from '../exchange/api-call';
import { statusFamily, type StatusFamily } from '../exchange/family';
import { isJsonMediaType, responseMediaType } from '../exchange/media';
import type { Exchange } from '../exchange/types';
import type { Finding, Severity } from '../rules/types';
import { compileUserRegex, validRegexFlags, type UserRegex } from './user-regex';

/** One term of the search box: `status:404`, `-method:GET`, `/regex/`, or plain URL text. */
export type Term =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'regex'; value: UserRegex; negate: boolean }
  | { kind: 'prop'; key: PropKey; value: string; negate: boolean };

export const PROP_KEYS = [
  'status',
  'method',
  'rule',
  'severity',
  'has',
  'host',
  'mime',
  'family',
  'route',
] as const;
export type PropKey = (typeof PROP_KEYS)[number];

export interface ParsedQuery {
  terms: Term[];
  /** Problems to show under the search box (a bad regex, an unknown key), never thrown. */
  errors: string[];
}

function tokenize(input: string): string[] {
  const out: string[] = [];
  // A `/…/` term may hold spaces, so it is its own token when it ends at a space or the end;
  // otherwise (`/api/widgets/42`) the token runs to the next space like any other.
  const re = /(-?[a-z]+:"[^"]*"|-?\/(?:\\.|[^/\\])+\/[a-z]*(?=\s|$)|\S+)/gi;
  for (const m of input.matchAll(re)) out.push(m[0]);
  return out;
}

/** `/pattern/flags`: a body without bare slashes, and nothing after the last slash but flags. */
const REGEX_TERM = /^\/((?:\\.|[^/\\])+)\/([a-z]*)$/i;
/** `key:value` with a letters-only key, as every filter key is. */
const PROP_TERM = /^([a-z]+):(.*)$/i;
/** Schemes people paste as the start of a URL: `https://…` is text, not the key `https`. */
const URL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'data', 'blob', 'file', 'about']);

/** The known key nearest to a mistyped one (`stauts` → `status`), if any is close. */
function nearestKey(key: string): PropKey | undefined {
  const k = key.toLowerCase();
  let best: PropKey | undefined;
  let bestDistance = 3;
  for (const candidate of PROP_KEYS) {
    const d = editDistance(k, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance with adjacent swaps counted once (both strings are a few letters). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
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
      const key = prop[1]!.toLowerCase();
      const value = prop[2]!.replace(/^"|"$/g, '');
      if ((PROP_KEYS as readonly string[]).includes(key)) {
        if (value === '') errors.push(`"${prop[1]}:" needs a value`);
        else terms.push({ kind: 'prop', key: key as PropKey, value, negate });
        continue;
      }
      if (looksLikeFilter(key, value)) {
        const near = nearestKey(key);
        errors.push(
          `Unknown filter "${prop[1]}:"` +
            (near ? ` (did you mean "${near}:"?)` : '') +
            `. Filters: ${PROP_KEYS.map((k) => `${k}:`).join(' ')}`,
        );
        continue;
      }
    }
    terms.push({ kind: 'text', value: token.toLowerCase(), negate });
  }
  return { terms, errors };
}

export interface FilterSubject {
  exchange: Exchange;
  findings: readonly Finding[];
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
}

export function exchangeFacts(ex: Exchange): ExchangeFacts {
  return {
    family: statusFamily(ex.status),
    api: isApiCall(ex),
    urlLower: ex.url.toLowerCase(),
    host: hostOf(ex.url),
    mediaType: responseMediaType(ex) || (ex.mimeType.toLowerCase().split(';')[0] ?? '').trim(),
    route: routeTemplate(ex.url).path.toLowerCase(),
  };
}

function hostOf(url: string): string {
  // Cheaper than new URL() for the common case, and total: junk gives ''.
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url);
  if (!m) return '';
  const authority = m[1]!;
  return authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
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
      // The Endpoints view's grouping (`/users/{id}`), matched whole: it names one endpoint.
      return facts.route === v;
  }
}

function matchTerm(term: Term, s: FilterSubject, facts: ExchangeFacts): boolean {
  switch (term.kind) {
    case 'text':
      return facts.urlLower.includes(term.value);
    case 'regex':
      return term.value.test(s.exchange.url);
    case 'prop':
      return matchProp(term.key, term.value, s, facts);
  }
}

/** All terms must hold (AND); a negated term must not. */
export function matchesQuery(q: ParsedQuery, s: FilterSubject): boolean {
  if (q.terms.length === 0) return true;
  const facts = s.facts ?? exchangeFacts(s.exchange);
  for (const term of q.terms) if (matchTerm(term, s, facts) === term.negate) return false;
  return true;
}

/**
 * A `key:value` term that parseQuery reads back as exactly that value (quoted when it holds
 * spaces), or null when no term can say it (a value with a double quote or nothing in it).
 */
export function propTerm(key: PropKey, value: string): string | null {
  if (value === '' || value.includes('"')) return null;
  return /\s/.test(value) ? `${key}:"${value}"` : `${key}:${value}`;
}
