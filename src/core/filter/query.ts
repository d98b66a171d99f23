import { routeTemplate } from '../endpoints/route-template';
import { statusFamily, type StatusFamily } from '../exchange/family';
import { isJsonMediaType, responseMediaType } from '../exchange/media';
import type { Exchange } from '../exchange/types';
import type { Finding, Severity } from '../rules/types';

/** One term of the search box: `status:404`, `-method:GET`, `/regex/`, or plain URL text. */
export type Term =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'regex'; value: RegExp; negate: boolean }
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
  const re = /(-?[a-z]+:"[^"]*"|-?\/(?:\\.|[^/\\])+\/[a-z]*|\S+)/gi;
  for (const m of input.matchAll(re)) out.push(m[0]);
  return out;
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
    const regex = /^\/(.+)\/([a-z]*)$/i.exec(token);
    if (regex) {
      try {
        terms.push({
          kind: 'regex',
          value: new RegExp(regex[1]!, regex[2]!.includes('i') ? 'i' : ''),
          negate,
        });
      } catch (e) {
        errors.push(`Invalid regular expression ${token}: ${(e as Error).message}`);
      }
      continue;
    }
    const prop = /^([a-z]+):(.*)$/i.exec(token);
    if (prop && (PROP_KEYS as readonly string[]).includes(prop[1]!.toLowerCase())) {
      const value = prop[2]!.replace(/^"|"$/g, '');
      if (value === '') errors.push(`"${prop[1]}:" needs a value`);
      else terms.push({ kind: 'prop', key: prop[1]!.toLowerCase() as PropKey, value, negate });
      continue;
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
}

export function exchangeFacts(ex: Exchange): ExchangeFacts {
  return {
    family: statusFamily(ex.status),
    api: isApiCall(ex),
    urlLower: ex.url.toLowerCase(),
    host: hostOf(ex.url),
    mediaType: responseMediaType(ex) || (ex.mimeType.toLowerCase().split(';')[0] ?? '').trim(),
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
      return routeTemplate(ex.url).path.toLowerCase() === v;
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

/** "API only": what a fetch/XHR made, or anything answered with JSON. */
export function isApiCall(ex: Exchange): boolean {
  const rt = ex.resourceType?.toLowerCase();
  if (rt === 'fetch' || rt === 'xhr') return true;
  if (rt === undefined && ex.status === 0) return true;
  const mt = responseMediaType(ex) || ex.mimeType.toLowerCase().split(';')[0]!.trim();
  return isJsonMediaType(mt);
}

/**
 * A `key:value` term that parseQuery reads back as exactly that value (quoted when it holds
 * spaces), or null when no term can say it (a value with a double quote or nothing in it).
 */
export function propTerm(key: PropKey, value: string): string | null {
  if (value === '' || value.includes('"')) return null;
  return /\s/.test(value) ? `${key}:"${value}"` : `${key}:${value}`;
}
