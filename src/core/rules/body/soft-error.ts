import { statusFamily } from '../../exchange/family';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { defineRule, type Report } from '../types';

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
  return s.length > MAX_QUOTE ? `${s.slice(0, MAX_QUOTE - 1)}…` : s;
}

/** A short hint at what went wrong, from the usual places envelopes put it. */
function detail(body: Record<string, JsonValue>, pointer: string): string {
  const error = member(body, 'error');
  if (typeof error === 'string' && error !== '')
    return pointer === '/error' ? '' : ` (error: ${quote(error)})`;
  const nested = member(error, 'message');
  if (typeof nested === 'string' && nested !== '') return ` (error.message: ${quote(nested)})`;
  const message = member(body, 'message');
  if (typeof message === 'string' && message !== '') return ` (message: ${quote(message)})`;
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

/** The first member that says the request failed, in the order envelopes usually put it. */
function failureSignal(body: Record<string, JsonValue>): { pointer: string; said: string } | undefined {
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
    // GraphQL (spec §7.1.2) pairs `errors` with non-null `data` for a partial success.
    if (isJsonObject(member(body, 'data'))) return undefined;
    return {
      pointer: '/errors',
      said: `"errors" with ${errors.length} entr${errors.length === 1 ? 'y' : 'ies'}`,
    };
  }
  return undefined;
}

export default defineRule({
  id: 'body/soft-error',
  group: 'core',
  severity: 'warning',
  description: 'A failure should be reported with a 4xx or 5xx status, not inside a 2xx body.',
  source: { label: 'RFC 9110 §15.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3' },
  check({ exchange, json }): Report[] {
    if (statusFamily(exchange.status) !== '2xx' || json.kind !== 'ok' || !isJsonObject(json.value)) return [];
    const signal = failureSignal(json.value);
    if (!signal) return [];
    const said = `${signal.said}${detail(json.value, signal.pointer)}`;
    return [{ message: `${exchange.status} response says it failed: ${said}`, pointer: signal.pointer }];
  },
});
