import { isIanaCode } from '../../catalogue/reason-phrases';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { isProblemDetails, isProblemMediaType } from '../shared/problem-members';
import { rfcSection } from '../shared/sources';
import { defineRule, type Report } from '../types';

/** Members whose presence makes an object read as an error report rather than a resource. */
const ENVELOPE_MEMBERS = ['message', 'error', 'title', 'detail'] as const;

function has(obj: Record<string, JsonValue>, key: string): boolean {
  return Object.hasOwn(obj, key);
}

function isEnvelope(obj: Record<string, JsonValue>): boolean {
  return ENVELOPE_MEMBERS.some((key) => has(obj, key));
}

/** A resource (a webhook delivery, a job) has its own `id` or `object` tag; its `status` is its state. */
function isResource(obj: Record<string, JsonValue>): boolean {
  const id = member(obj, 'id');
  return typeof id === 'string' || typeof id === 'number' || typeof member(obj, 'object') === 'string';
}

function asStatus(v: JsonValue | undefined, min: number): number | undefined {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\d{3}$/.test(v)) n = Number(v);
  return n !== undefined && Number.isInteger(n) && n >= min && n <= 599 ? n : undefined;
}

interface Claim {
  pointer: string;
  value: JsonValue;
  status: number;
  /** What the message adds about where else the body says it. */
  note?: string;
}

/** The status class: 4 for 4xx, 5 for 5xx. */
const classOf = (status: number) => Math.floor(status / 100);

/**
 * The HTTP status an `errors` list states, when every entry says the same: `{"errors": [{"code":
 * 400, "message": …}]}`. Read only on an error response (on a 2xx a non-empty `errors` list is
 * body/soft-error's finding, and bulk endpoints list per-item failures there), only as a whole
 * number that is a registered 4xx or 5xx status, only when every entry has that same code (mixed
 * codes are per-entry outcomes, not a status echo), and only across classes: an API's own codes
 * fall in 400–599 too (Twitter's 415 "callback URL not approved" on a 403), so within the
 * class a differing code is not read as a status, while a 5xx whose errors all say 4xx (or the
 * reverse) contradicts which side is at fault whatever the code means.
 */
function errorsListClaim(body: Record<string, JsonValue>, real: number): Claim | undefined {
  if (real < 400) return undefined;
  const errors = member(body, 'errors');
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  let code: number | undefined;
  for (const entry of errors) {
    if (!isJsonObject(entry)) return undefined;
    const c = member(entry, 'code');
    if (typeof c !== 'number' || (code !== undefined && c !== code)) return undefined;
    code = c;
  }
  if (code === undefined || asStatus(code, 400) === undefined || !isIanaCode(code)) return undefined;
  if (classOf(code) === classOf(real)) return undefined;
  const note = errors.length > 1 ? ` in all ${errors.length} entries of "errors"` : undefined;
  return { pointer: '/errors/0/code', value: code, status: code, ...(note ? { note } : {}) };
}

/** The statuses the body states, from the places bodies usually echo the HTTP status, in order. */
function claims(body: Record<string, JsonValue>, real: number): Claim[] {
  const out: Claim[] = [];
  const add = (obj: Record<string, JsonValue>, key: string, min: number, pointer: string) => {
    const v = member(obj, key);
    const status = asStatus(v, min);
    if (v !== undefined && status !== undefined) out.push({ pointer, value: v, status });
  };
  // Top-level `status` / `statusCode`: only in an error envelope (Spring's `error`, problem
  // details' `title`, NestJS's `message`), never in a bare resource or progress record. From
  // 200 up: a final response is never 1xx, so `"status": 100` there is a percentage or a step.
  if (isEnvelope(body) && !isResource(body)) {
    add(body, 'status', 200, '/status');
    add(body, 'statusCode', 200, '/statusCode');
  }
  const listed = errorsListClaim(body, real);
  if (listed) out.push(listed);
  const error = member(body, 'error');
  if (!isJsonObject(error)) return out;
  // `error.code` is the HTTP status in Google's format, which says so with a `status` member
  // beside it; elsewhere (Facebook's 190, 506…) it is the API's own code, so it counts only
  // in the same class as the real status.
  const code = asStatus(member(error, 'code'), 400);
  if (
    code !== undefined &&
    (has(error, 'status') || has(error, 'statusCode') || classOf(code) === classOf(real))
  ) {
    add(error, 'code', 400, '/error/code');
  }
  add(error, 'status', 400, '/error/status');
  add(error, 'statusCode', 400, '/error/statusCode');
  return out;
}

export default defineRule({
  id: 'body/status-mismatch',
  group: 'core',
  severity: 'warning',
  description: 'A status code written in the body should match the HTTP status of the response.',
  // The status line is what says how the request went (RFC 9110 §15); a body is held to it by
  // a specification only when it is problem details (RFC 9457 §3.1.2, its "status" member).
  source: rfcSection(9110, '15'),
  check({ exchange, json, mediaType }): Report[] {
    const real = exchange.status;
    if (real < 100 || real > 599 || json.kind !== 'ok' || !isJsonObject(json.value)) return [];
    const claim = claims(json.value, real).find((c) => c.status !== real);
    if (claim === undefined) return [];
    return [
      {
        // The place is the pointer, which every report shows beside the message: named once.
        message: `body says status ${JSON.stringify(claim.value)}${claim.note ?? ''} but the HTTP status is ${real}`,
        pointer: claim.pointer,
        ...(claim.pointer === '/status' && (isProblemMediaType(mediaType) || isProblemDetails(json.value))
          ? { source: rfcSection(9457, '3.1.2') }
          : {}),
      },
    ];
  },
});
