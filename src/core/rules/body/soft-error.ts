import { statusFamily } from '../../exchange/family';
// The GraphQL-over-HTTP response type; `application/json` GraphQL answers 200 even for errors.
import { GRAPHQL_RESPONSE_MEDIA_TYPE as GRAPHQL_RESPONSE } from '../../exchange/graphql';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { defineRule, type Report } from '../types';
import { countOf } from '../../text/plural';
import { clip } from '../../text/clip';

const FAILED_STATUS = new Set(['error', 'fail', 'failure']);
const MAX_QUOTE = 60;

function quote(v: JsonValue | undefined): string {
  const s =
    typeof v === 'string'
      ? JSON.stringify(v)
      : v === undefined
        ? ''
        : typeof v === 'object' && v !== null
          ? '{…}'
          : String(v);
  return clip(s, MAX_QUOTE);
}

/** Members that carry an error's text, beside a failure flag or code, in the order checked. */
const TEXT_MEMBERS = ['message', 'msg', 'errmsg', 'error_msg', 'description'] as const;

/** A short hint at what went wrong, from the usual places envelopes put it. */
function detail(body: Record<string, JsonValue>, pointer: string): string {
  const error = member(body, 'error');
  if (typeof error === 'string' && error !== '')
    return pointer === '/error' ? '' : ` (error: ${quote(error)})`;
  const nested = member(error, 'message');
  if (typeof nested === 'string' && nested !== '') return ` (error.message: ${quote(nested)})`;
  for (const key of TEXT_MEMBERS) {
    const text = member(body, key);
    if (typeof text === 'string' && text !== '') return ` (${key}: ${quote(text)})`;
  }
  const errors = member(body, 'errors');
  const first = Array.isArray(errors) ? member(errors[0], 'message') : undefined;
  if (typeof first === 'string' && first !== '') return ` (errors[0].message: ${quote(first)})`;
  return '';
}

function isNonEmptyError(v: JsonValue | undefined): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (v === true) return true;
  return isJsonObject(v) && Object.keys(v).length > 0;
}

/** An integer code, given as a number or a string of digits; undefined otherwise. */
function integerCode(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function hasText(body: Record<string, JsonValue>): boolean {
  return TEXT_MEMBERS.some((key) => {
    const v = member(body, key);
    return typeof v === 'string' && v.trim() !== '';
  });
}

/**
 * A body that is a resource — it has its own `id` or an `object` type tag (OpenAI, Stripe) —
 * describes the state of a thing, such as a job that failed; reading it succeeded.
 */
function isResource(body: Record<string, JsonValue>): boolean {
  const id = member(body, 'id');
  const object = member(body, 'object');
  return typeof id === 'string' || typeof id === 'number' || typeof object === 'string';
}

type Signal = { pointer: string; said: string };

/** The first member that says the request failed, in the order envelopes usually put it. */
function failureSignal(body: Record<string, JsonValue>): Signal | undefined {
  const ok = member(body, 'ok');
  if (ok === false) return { pointer: '/ok', said: '"ok": false' };
  const success = member(body, 'success');
  if (success === false) return { pointer: '/success', said: '"success": false' };
  const status = member(body, 'status');
  if (typeof status === 'string' && FAILED_STATUS.has(status.trim().toLowerCase())) {
    return { pointer: '/status', said: `"status": ${quote(status)}` };
  }
  const error = member(body, 'error');
  if (isNonEmptyError(error)) return { pointer: '/error', said: `"error": ${quote(error)}` };
  const errors = member(body, 'errors');
  if (Array.isArray(errors) && errors.length > 0) {
    return {
      pointer: '/errors',
      said: `"errors" with ${countOf(errors.length, 'entry', 'entries')}`,
    };
  }
  // WeChat and Baidu style: 0 (or absent) is success, anything else names the failure.
  for (const key of ['errcode', 'error_code'] as const) {
    const code = integerCode(member(body, key));
    if (code !== undefined && code !== 0)
      return { pointer: `/${key}`, said: `"${key}": ${quote(member(body, key))}` };
  }
  // `{"code": 401, "msg": "unauthorized"}`: only an HTTP error status with text beside it
  // counts — `code` 0, 1 or 200 means success in as many APIs as it means failure in others.
  const code = integerCode(member(body, 'code'));
  if (code !== undefined && code >= 400 && code <= 599 && hasText(body)) {
    return { pointer: '/code', said: `"code": ${quote(member(body, 'code'))}` };
  }
  return undefined;
}

export default defineRule({
  id: 'body/soft-error',
  group: 'core',
  severity: 'warning',
  description: 'A failure should be reported with a 4xx or 5xx status, not inside a 2xx body.',
  source: { label: 'RFC 9110 §15.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3' },
  check(ctx): Report[] {
    const { exchange, mediaType, json } = ctx;
    if (statusFamily(exchange.status) !== '2xx' || json.kind !== 'ok' || !isJsonObject(json.value)) return [];
    // 207 Multi-Status reports per-item outcomes by definition (RFC 4918 §13).
    if (exchange.status === 207) return [];
    const body = json.value;
    // A GraphQL response with a `data` entry (even null) is a well-formed result whose errors
    // belong in a 200 (GraphQL-over-HTTP). Without `data`, application/graphql-response+json
    // must use 4xx/5xx, so that case still falls through; application/json GraphQL may use 200.
    const hasData = Object.hasOwn(body, 'data');
    if (hasData && Array.isArray(member(body, 'errors'))) return [];
    if (isResource(body)) return [];
    const signal = failureSignal(body);
    if (!signal) return [];
    const graphQlResponse = mediaType === GRAPHQL_RESPONSE;
    // A GraphQL request (known by its body or query document, wherever it was sent: /graphql,
    // /query, /api) answered as application/json may report a request error in a 200. A REST
    // call whose path merely says "graphql" is judged like any other. Asked last: only a body
    // that says it failed needs the answer.
    if (!graphQlResponse && ctx.graphqlRequest()) return [];
    const why = graphQlResponse
      ? `; without a "data" entry, ${GRAPHQL_RESPONSE} requires a 4xx or 5xx status`
      : '';
    const said = `${signal.said}${detail(body, signal.pointer)}${why}`;
    return [{ message: `${exchange.status} response says it failed: ${said}`, pointer: signal.pointer }];
  },
});
