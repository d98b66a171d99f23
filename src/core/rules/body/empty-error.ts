import { isCorsPreflight } from '../../exchange/api-call';
import { statusFamily } from '../../exchange/family';
import { hasHeader, requestHeadersRecorded } from '../../exchange/headers';
import { sentPrecondition } from '../../exchange/preconditions';
import type { Exchange } from '../../exchange/types';
import { quote } from '../../json/describe';
import { defineRule, type Report, type RuleSource } from '../types';

/** Bodies longer than this always say something; the literals below are all shorter. */
const MAX_PLACEHOLDER = 64;

/**
 * A JSON value that explains nothing: null, a boolean, 0, a blank string, `{}` or `[]` — what
 * `res.json(null)`, `echo 0` or an error object serialised as `{}` (JSON.stringify drops an
 * Error's message and stack) put on the wire. Other numbers stay: an application error code is
 * terse, but it is an explanation.
 */
function isPlaceholder(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || value === 0) return true;
  if (typeof value === 'string') return !/\S/.test(value);
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

type Emptiness = { kind: 'empty' } | { kind: 'placeholder'; shown: string };

/**
 * Whether the body is known to explain nothing: empty, whitespace, or a JSON placeholder (in any
 * media type: `text/plain` "0" says no more than `application/json` 0). Unknown bodies pass.
 */
function emptiness(ex: Exchange): Emptiness | undefined {
  const b = ex.body;
  if (b.kind === 'empty') return { kind: 'empty' };
  if (b.kind === 'binary') return b.size === 0 ? { kind: 'empty' } : undefined;
  if (b.kind !== 'text' || b.text.length > 1024) return undefined;
  const trimmed = b.text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.length > MAX_PLACEHOLDER) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  return isPlaceholder(value) ? { kind: 'placeholder', shown: trimmed } : undefined;
}

/**
 * Errors whose explanation is a header the status requires anyway: the challenge of a 401
 * (RFC 9110 §15.5.2), the Allow of a 405 (§15.5.6), and the failed precondition of a 412, which
 * names the request's own conditional header (§15.5.13) — when the request sent one, or when
 * its headers were not recorded. An empty body there costs little.
 */
function explainedByHeaders(ex: Exchange): string | undefined {
  if (ex.status === 401 && hasHeader(ex.responseHeaders, 'www-authenticate')) return 'WWW-Authenticate';
  if (ex.status === 405 && hasHeader(ex.responseHeaders, 'allow')) return 'Allow';
  if (ex.status === 412) {
    const sent = sentPrecondition(ex.requestHeaders);
    if (sent !== undefined) return `the request's ${sent}`;
    if (!requestHeadersRecorded(ex)) return "the request's preconditions";
  }
  return undefined;
}

/** RFC 9110's section for each family it asks an explanation of: §15.5 for 4xx, §15.6 for 5xx. */
const SECTION: Record<'4xx' | '5xx', RuleSource> = {
  '4xx': { label: 'RFC 9110 §15.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5' },
  '5xx': { label: 'RFC 9110 §15.6', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.6' },
};

export default defineRule({
  id: 'body/empty-error',
  group: 'core',
  severity: 'warning',
  otherSeverities: [
    { severity: 'info', when: 'when a header (WWW-Authenticate, Retry-After, …) explains the error' },
  ],
  description:
    'A 4xx or 5xx response should explain the error in its body; an empty body, or one that says nothing (null, 0, "", {}, []), leaves the client with only the status.',
  source: SECTION['4xx'],
  check({ exchange }): Report[] {
    const family = statusFamily(exchange.status);
    if ((family !== '4xx' && family !== '5xx') || exchange.method.toUpperCase() === 'HEAD') return [];
    // A preflight's answer goes to the browser, which reads only its status and CORS headers and
    // never hands the body to the page; Chrome does not even record it, so "empty" would be the
    // recorder's gap. http/cors-blocked says what went wrong with a failed preflight.
    if (isCorsPreflight(exchange)) return [];
    const empty = emptiness(exchange);
    if (empty === undefined) return [];
    // The body quoted as a string: a bare (0) read as a count of something, not as the body "0".
    const what =
      empty.kind === 'empty' ? 'an empty body' : `the body ${quote(empty.shown)}, which explains nothing`;
    const source = SECTION[family];
    const section = source.label;
    const header = explainedByHeaders(exchange);
    if (header !== undefined) {
      return [
        {
          severity: 'info',
          message: `${exchange.status} to ${exchange.method} has ${what}; ${header} explains the error, but ${section} still asks for a short explanation`,
          source,
        },
      ];
    }
    return [
      {
        message:
          empty.kind === 'empty'
            ? `${exchange.status} to ${exchange.method} has an empty body: nothing tells the client what went wrong (${section})`
            : `${exchange.status} to ${exchange.method} has ${what}: the client learns no more than the status (${section})`,
        source,
      },
    ];
  },
});
