import { BUILTIN_PROFILE_IDS } from '../profiles/builtins';
import { listOf } from '../text/list';

/**
 * The search box's keys: the one list the parser, its error messages, autocomplete and the help
 * popover read. Chrome's Network panel names (`status-code:`, `domain:`, `mime-type:`,
 * `larger-than:`, `has-response-header:`) are aliases, so what people type there works here.
 */

export const PROP_KEYS = [
  'status',
  'method',
  'rule',
  'severity',
  'profile',
  'has',
  'host',
  'domain',
  'mime',
  'family',
  'route',
  'header',
  'is',
  'time',
  'size',
  'body',
  'operation',
] as const;
export type PropKey = (typeof PROP_KEYS)[number];

/** Chrome's names, and other spellings, for our keys. `larger-than:N` reads as `size:>N`. */
export const KEY_ALIASES: Readonly<Record<string, PropKey>> = {
  'status-code': 'status',
  'mime-type': 'mime',
  'has-response-header': 'header',
  'larger-than': 'size',
};

/** What `is:` can say about a row. */
export const IS_VALUES = ['imported', 'live', 'from-cache'] as const;
export type IsValue = (typeof IS_VALUES)[number];

/** `has:` values. */
export const HAS_VALUES = ['findings', 'body', 'failure'] as const;

/** Keys whose value may be a comparison (`status:>=400`, `time:>500ms`, `size:>1mb`). */
export const COMPARABLE_KEYS: ReadonlySet<PropKey> = new Set(['status', 'time', 'size']);

export interface KeyHelp {
  /** As typed, with its colon: `status:`, `status-code:`. */
  key: string;
  /** What it matches, in a few words. */
  help: string;
  /** A term to try. */
  example: string;
}

/** Every key and alias, in the order autocomplete and the help popover list them. */
export const KEY_HELP: readonly KeyHelp[] = [
  { key: 'status:', help: 'a code, family, range or comparison', example: 'status:>=400' },
  { key: 'method:', help: 'the request method', example: 'method:POST' },
  { key: 'host:', help: 'host (with port) containing the text', example: 'host:api.' },
  { key: 'domain:', help: 'host matching, * for any part', example: 'domain:*.example.com' },
  { key: 'route:', help: 'one endpoint (route template)', example: 'route:/users/{id}' },
  { key: 'rule:', help: 'a finding of this rule or rule family', example: 'rule:security/' },
  { key: 'severity:', help: 'a finding of this severity', example: 'severity:error' },
  {
    key: 'profile:',
    help: 'a finding raised by this API profile',
    example: `profile:${BUILTIN_PROFILE_IDS[0]!}`,
  },
  { key: 'has:', help: listOf(HAS_VALUES, 'or'), example: 'has:findings' },
  { key: 'is:', help: listOf(IS_VALUES, 'or'), example: 'is:imported' },
  { key: 'mime:', help: 'the response media type', example: 'mime:json' },
  { key: 'family:', help: 'a status family', example: 'family:5xx' },
  { key: 'header:', help: 'a response header is present', example: 'header:retry-after' },
  { key: 'time:', help: 'total time (ms, s)', example: 'time:>500ms' },
  { key: 'size:', help: 'body size (B, KiB, MiB)', example: 'size:>1mb' },
  { key: 'body:', help: 'text in the captured response body', example: 'body:"invalid_token"' },
  {
    key: 'operation:',
    help: 'calls an OpenAPI operation answered (its path template), or an undocumented path',
    example: 'operation:/users/{id}',
  },
  { key: 'status-code:', help: 'Chrome’s name for status:', example: 'status-code:404' },
  { key: 'mime-type:', help: 'Chrome’s name for mime:', example: 'mime-type:application/json' },
  { key: 'larger-than:', help: 'Chrome’s: body larger than', example: 'larger-than:100k' },
  { key: 'has-response-header:', help: 'Chrome’s name for header:', example: 'has-response-header:etag' },
];

/** Every key as typed (ours and the aliases), for error messages and the nearest-key hint. */
export const ALL_KEY_NAMES: readonly string[] = [...PROP_KEYS, ...Object.keys(KEY_ALIASES)];

/** The key a typed name stands for, or undefined when it is not a key. */
export function canonicalKey(name: string): PropKey | undefined {
  const k = name.toLowerCase();
  if ((PROP_KEYS as readonly string[]).includes(k)) return k as PropKey;
  return KEY_ALIASES[k];
}
