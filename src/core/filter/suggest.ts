import { FAMILIES } from '../exchange/family';
import { canonicalKey, HAS_VALUES, IS_VALUES, KEY_HELP, type PropKey } from './keys';

/** Values seen in the capture, offered after `key:` (the panel gathers them from its rows). */
export interface SuggestSources {
  statuses: readonly number[];
  methods: readonly string[];
  hosts: readonly string[];
  routes: readonly string[];
  ruleIds: readonly string[];
  profiles: readonly string[];
  mediaTypes: readonly string[];
  headers: readonly string[];
}

export interface Suggestion {
  /** The whole term it puts in place of the one being typed (`status:404`, `method:`). */
  insert: string;
  /** What the list shows. */
  label: string;
  detail?: string;
  /** A key (the user goes on typing its value) or a finished term (a space follows). */
  kind: 'key' | 'value';
}

export interface Suggestions {
  /** The span of `input` the chosen suggestion replaces. */
  from: number;
  to: number;
  items: Suggestion[];
}

export const MAX_SUGGESTIONS = 12;

const FIXED: Partial<Record<PropKey, readonly string[]>> = {
  status: ['2xx', '3xx', '4xx', '5xx', 'failed', '>=400', '>=500'],
  severity: ['error', 'warning', 'info'],
  has: HAS_VALUES,
  is: IS_VALUES,
  family: FAMILIES,
  time: ['>100ms', '>500ms', '>1s', '<50ms'],
  size: ['>10kb', '>100kb', '>1mb', '<1kb'],
};

function valuesFor(key: PropKey, s: SuggestSources): readonly string[] {
  const fixed = FIXED[key] ?? [];
  switch (key) {
    case 'status':
      return [...fixed, ...s.statuses.map(String)];
    case 'method':
      return s.methods;
    case 'host':
      return s.hosts;
    case 'domain':
      return s.hosts.map((h) => h.replace(/:\d+$/, ''));
    case 'route':
      return s.routes;
    case 'rule':
      return s.ruleIds;
    case 'profile':
      return s.profiles;
    case 'mime':
      return s.mediaTypes;
    case 'header':
      return s.headers;
    default:
      return fixed;
  }
}

/** The whitespace-delimited token around `caret` (a quoted value may hold spaces). */
function tokenAt(input: string, caret: number): { from: number; to: number } {
  let from = caret;
  while (from > 0 && !/\s/.test(input[from - 1]!)) from--;
  let to = caret;
  while (to < input.length && !/\s/.test(input[to]!)) to++;
  return { from, to };
}

const quoteIfNeeded = (v: string) => (/\s/.test(v) ? `"${v}"` : v);

/**
 * What to offer for the term being typed at `caret`: keys while it has no colon yet (`sta` →
 * `status:`, `status-code:`), then values for its key from the capture (`method:P` → `POST`,
 * `PUT`). A leading `-` (negation) is kept. Nothing for plain text that names no key.
 */
export function suggest(
  input: string,
  caret: number,
  sources: SuggestSources | (() => SuggestSources),
): Suggestions {
  const { from, to } = tokenAt(input, caret);
  const token = input.slice(from, caret);
  const negate = token.startsWith('-') ? '-' : '';
  const body = token.slice(negate.length);
  const none = { from, to, items: [] };
  if (body === '' || body.startsWith('/')) return none;
  const colon = body.indexOf(':');
  if (colon < 0) {
    const prefix = body.toLowerCase();
    const items = KEY_HELP.filter((k) => k.key.startsWith(prefix) && k.key !== `${prefix}:`).map(
      (k): Suggestion => ({ insert: negate + k.key, label: k.key, detail: k.help, kind: 'key' }),
    );
    return { from, to, items: items.slice(0, MAX_SUGGESTIONS) };
  }
  const name = body.slice(0, colon);
  const key = canonicalKey(name);
  if (!key) return none;
  const typed = body
    .slice(colon + 1)
    .replace(/^"/, '')
    .toLowerCase();
  const seen = new Set<string>();
  const starts: string[] = [];
  const contains: string[] = [];
  // Read only now: gathering the values walks the capture, and a key or a word needs none of them.
  const values = valuesFor(key, typeof sources === 'function' ? sources() : sources);
  for (const v of values) {
    const lower = v.toLowerCase();
    if (seen.has(lower) || lower === typed) continue;
    seen.add(lower);
    if (lower.startsWith(typed)) starts.push(v);
    else if (typed !== '' && lower.includes(typed)) contains.push(v);
    if (starts.length >= MAX_SUGGESTIONS) break;
  }
  const items = [...starts, ...contains]
    .slice(0, MAX_SUGGESTIONS)
    .map((v): Suggestion => ({ insert: `${negate}${name}:${quoteIfNeeded(v)}`, label: v, kind: 'value' }));
  return { from, to, items };
}

/** `input` with the suggestion put in place, and where the caret goes after it. */
export function applySuggestion(
  input: string,
  at: Pick<Suggestions, 'from' | 'to'>,
  s: Suggestion,
): { value: string; caret: number } {
  const after = input.slice(at.to);
  const sep = s.kind === 'value' && !after.startsWith(' ') ? ' ' : '';
  const value = input.slice(0, at.from) + s.insert + sep + after;
  return { value, caret: at.from + s.insert.length + sep.length };
}
