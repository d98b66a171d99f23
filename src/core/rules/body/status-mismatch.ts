import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { defineRule, type Report } from '../types';

/** Members whose presence makes an object read as an error report rather than a resource. */
const ENVELOPE_MEMBERS = ['message', 'error', 'title', 'detail'] as const;

function has(obj: Record<string, JsonValue>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
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
  const error = member(body, 'error');
  if (!isJsonObject(error)) return out;
  // `error.code` is the HTTP status in Google's format, which says so with a `status` member
  // beside it; elsewhere (Facebook's 190, 506…) it is the API's own code, so it counts only
  // in the same class as the real status.
  const code = asStatus(member(error, 'code'), 400);
  if (
    code !== undefined &&
    (has(error, 'status') || has(error, 'statusCode') || Math.floor(code / 100) === Math.floor(real / 100))
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
  source: { label: 'RFC 9457 §3.1.2', url: 'https://www.rfc-editor.org/rfc/rfc9457#section-3.1.2' },
  check({ exchange, json }): Report[] {
    const real = exchange.status;
    if (real < 100 || real > 599 || json.kind !== 'ok' || !isJsonObject(json.value)) return [];
    const claim = claims(json.value, real).find((c) => c.status !== real);
    if (claim === undefined) return [];
    return [
      {
        message: `body says status ${JSON.stringify(claim.value)} at ${claim.pointer} but the HTTP status is ${real}`,
        pointer: claim.pointer,
      },
    ];
  },
});
