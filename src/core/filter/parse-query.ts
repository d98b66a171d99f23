import { nearest } from '../text/edit-distance';
import { listOf } from '../text/list';
import { hasOperator, parseComparison, type Comparison } from './compare';
import { ALL_KEY_NAMES, canonicalKey, COMPARABLE_KEYS, IS_VALUES, PROP_KEYS, type PropKey } from './keys';
import { searchTermsOf, type SearchTerm } from './search-terms';
import { validStatusValue } from './status-term';
import { compileUserRegex, validRegexFlags, type UserRegex } from './user-regex';

/** One term of the search box: `status:404`, `-method:GET`, `time:>500ms`, `/regex/`, `body:…`, or plain URL text. */
export type Term =
  | { kind: 'text'; value: string; negate: boolean }
  | { kind: 'regex'; value: UserRegex; negate: boolean }
  | { kind: 'prop'; key: PropKey; value: string; negate: boolean }
  | { kind: 'compare'; key: 'status' | 'time' | 'size'; cmp: Comparison; negate: boolean }
  /** Text in the captured response body: searched in the analysis worker, matched through MatchContext. */
  | { kind: 'body'; value: string; negate: boolean };

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

/** What the parser may check values against; a value it cannot check is taken as typed. */
export interface KnownValues {
  /** The profile ids findings can carry (built-in and the user's): `profile:` values. */
  profiles?: readonly string[];
}

/**
 * The known profile nearest to a mistyped id: a few edits away (`problme`), or one id the
 * other starts with (`problem-details`, the RFC's name, for the built-in `problem`).
 */
function nearestProfile(value: string, ids: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  return (
    nearest(
      v,
      ids.map((id) => id.toLowerCase()),
    ) ?? ids.find((id) => v.startsWith(id.toLowerCase()) || id.toLowerCase().startsWith(v))
  );
}

/** `profile:` naming no profile: the term stays (it matches nothing), with a hint for the box. */
function unknownProfile(name: string, value: string, ids: readonly string[]): string | undefined {
  if (ids.some((id) => id.toLowerCase() === value.toLowerCase())) return undefined;
  const near = nearestProfile(value, ids);
  return (
    `"${name}:${value}": no profile has that id` +
    (near ? ` (did you mean "${name}:${near}"?)` : '') +
    `. Profiles: ${ids.join(', ')}`
  );
}

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

export function parseQuery(input: string, known: KnownValues = {}): ParsedQuery {
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
        const hint =
          key === 'profile' && known.profiles ? unknownProfile(name, value, known.profiles) : undefined;
        if (hint) errors.push(hint);
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
