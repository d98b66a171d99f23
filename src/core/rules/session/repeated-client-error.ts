import { retryDelay } from '../../catalogue/retry-delay';
import { statusFamily } from '../../exchange/family';
import { requestHeadersRecorded } from '../../exchange/headers';
import { isPreconditionName } from '../../exchange/preconditions';
import type { Exchange } from '../../exchange/types';
import { defineSessionRule, NO_REPORTS, type EntryRef, type SessionReport } from '../types';
import { credentialsOf, sentComparableCredential } from './credentials';
import { requestLine, span } from './describe';
import { fingerprint, scriptCall } from './outcome';
import { Recent } from '../shared/recent';
import { keepRef } from './run-refs';
import { listOf } from '../../text/list';

/**
 * 4xx answers an unchanged request may get past by waiting, because they depend on the server's
 * state or the connection rather than on the request alone: 404 (RFC 9110 §15.5.5: no *current*
 * representation; clients wait for a job's result or a thumbnail to appear that way), 408
 * (§15.5.9: the server invites the retry), 409 and 423/424 (the resource's state, which another
 * client or a background job may change: an API may answer a held lock or an operation in
 * progress with 409 and expect the same request again), 416 (the representation may grow: a
 * client tailing a log), 421 (§15.5.20: retried over another connection, unchanged), 425 (RFC
 * 8470: retried after the handshake) and 429 (RFC 6585 §4; session/retry-too-soon judges its
 * timing).
 *
 * 412 is judged: the validator a client sends again is stale for good (a resource does not go
 * back to an old ETag), so the same If-Match fails again until the client reads the resource anew.
 */
const STATE_DEPENDENT: ReadonlySet<number> = new Set([404, 408, 409, 416, 421, 423, 424, 425, 429]);

/**
 * Refusals about who asks: a retry with other credentials is a new request (RFC 9110 §15.5.4:
 * "The client MAY repeat the request with new or different credentials"). A sanitized HAR (the
 * DevTools default) drops Authorization and Cookie, and recorders (Polly.JS) and our own HAR
 * export write "[REDACTED]" for them, so two tries with other tokens would look alike: these
 * are judged only when the request carried a credential whose value can be compared.
 */
const ABOUT_CREDENTIALS: ReadonlySet<number> = new Set([401, 403, 407]);

/** Whether this answer can start or continue a run: a 4xx the same request gets again. */
function judged(ex: Exchange, receivedAt: number): boolean {
  if (statusFamily(ex.status) !== '4xx' || STATE_DEPENDENT.has(ex.status)) return false;
  // The answer said when to try again (Retry-After, a spent quota's reset: GitHub's secondary
  // rate limit answers 403 so): waiting and sending the same request is what it asks for.
  return retryDelay(ex, receivedAt) === undefined;
}

/**
 * The request headers a client changes to make a refused request acceptable: credentials
 * (compared as every session rule compares them, credentials.ts: Authorization, Cookie,
 * X-Api-Key, a CSRF token), what the body is and which answer is wanted (Content-Type,
 * Content-Encoding, Accept: 415, 406), preconditions (If-Match: 412, 428) and Range. Per-request
 * ids and trace headers (X-Request-Id, traceparent) change on every send without the request
 * changing, so they are left out.
 */
function matters(name: string): boolean {
  const n = name.toLowerCase();
  return (
    n === 'content-type' ||
    n === 'content-encoding' ||
    n === 'accept' ||
    n === 'range' ||
    isPreconditionName(n)
  );
}

/**
 * The request as the server judges it, fingerprinted (state stays a few dozen characters
 * whatever the cookies): its answer's status, its body's fingerprint and the headers that
 * matter. Undefined when it cannot be compared: no request headers recorded, or a refusal about
 * credentials with none to compare.
 */
function requestPrint(ex: Exchange): string | undefined {
  if (!requestHeadersRecorded(ex)) return undefined;
  const headers: string[] = [];
  for (const h of ex.requestHeaders) {
    if (matters(h.name)) headers.push(`${h.name.toLowerCase()}:${h.value}`);
  }
  if (ABOUT_CREDENTIALS.has(ex.status) && !sentComparableCredential(ex.requestHeaders)) return undefined;
  // The CLI's session view carries the body's fingerprint already (fingerprinting is idempotent).
  const body = ex.requestBody?.text;
  const parts = [
    String(ex.status),
    body === undefined || body === '' ? '' : fingerprint(body),
    credentialsOf(ex.requestHeaders),
    ...headers.sort(),
  ];
  return fingerprint(parts.join('\n'));
}

/**
 * What the message says was compared: "the same body, credentials and content headers", naming
 * the body and the credentials only when the request carried them (a form posted without a
 * token, a sanitized HAR's requests) so it does not claim credentials that were not sent.
 */
function sameParts(ex: Exchange): string {
  const parts: string[] = [];
  if (ex.requestBody?.text) parts.push('body');
  if (sentComparableCredential(ex.requestHeaders)) parts.push('credentials');
  parts.push('content headers');
  return `the same ${listOf(parts)}`;
}

interface Run {
  print: string;
  status: number;
  count: number;
  firstStart: number;
  /**
   * The earlier sends a finding names: the first ones, then the latest before it (run-refs.ts),
   * as session/retry-without-backoff names its attempts; with a raised minSends the first 12
   * alone left out the sends next to the finding.
   */
  refs: EntryRef[];
  reported: boolean;
}

export default defineSessionRule({
  kind: 'session',
  id: 'session/repeated-client-error',
  group: 'core',
  severity: 'warning',
  description:
    'The same request (method, URL, body and the headers that matter) sent again and again and answered the same 4xx each time: a client error says the request is at fault, so an unchanged request gets the same answer.',
  source: { label: 'RFC 9110 §15.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5' },
  options: [
    {
      name: 'minSends',
      description: 'How many unchanged sends answered the same 4xx make a finding (the first included)',
      default: 3,
      min: 2,
      max: 100,
    },
  ],
  start(options, window) {
    const minSends = options.minSends ?? 3;
    const runs = new Recent<Run>(window);
    return {
      push(e): readonly SessionReport[] {
        const ex = e.exchange;
        // No run is open and this answer starts none: most entries stop here.
        if (runs.size === 0 && statusFamily(ex.status) !== '4xx') return NO_REPORTS;
        // The browser's own loads (a page, an image) come again when the page is loaded again.
        if (!scriptCall(ex)) return NO_REPORTS;
        const print = judged(ex, Number.isNaN(e.end) ? e.start : e.end) ? requestPrint(ex) : undefined;
        const run = runs.get(e.key, e.start);
        if (print === undefined) {
          // Another answer (a success, a 5xx, a 429), or one that cannot be compared: the run ends.
          if (run) runs.delete(e.key);
          return NO_REPORTS;
        }
        if (!run || run.print !== print) {
          runs.set(
            e.key,
            { print, status: ex.status, count: 1, firstStart: e.start, refs: [e.ref], reported: false },
            e.start,
          );
          return NO_REPORTS;
        }
        run.count++;
        runs.set(e.key, run, e.start);
        // One finding per run, on the send that completes it (as every session rule reports a
        // growing run): its count is the sends so far, which is all that is known when it is made.
        if (run.reported) return NO_REPORTS;
        if (run.count < minSends) {
          keepRef(run.refs, e.ref);
          return NO_REPORTS;
        }
        run.reported = true;
        const took = e.start - run.firstStart;
        return [
          {
            message: `${requestLine(ex)} was sent ${run.count} times unchanged${Number.isNaN(took) ? '' : ` in ${span(took)}`} (${sameParts(ex)}) and answered ${run.status} each time: a 4xx says the request itself is at fault, so the same request gets the same answer; show the error to the user, or change the request, instead of sending it again`,
            related: run.refs.map((ref, i) => ({
              ...ref,
              note: `${i === 0 ? 'first send' : 'sent again'}, answered ${run.status}`,
            })),
          },
        ];
      },
    };
  },
});
