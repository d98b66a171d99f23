import { headerValues } from '../../exchange/headers';
import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { defineRule, type JsonState } from '../types';

/** Ids that name a piece of accepted work, as body members and as `X-…-Id` headers alike. */
const WORK_IDS = [
  'jobid',
  'taskid',
  'operationid',
  'trackingid',
  'batchid',
  'executionid',
  'runid',
  'workflowid',
  'exportid',
  'importid',
];

/**
 * Body members that let a client follow accepted work, compared after lower-casing and dropping
 * "_" and "-" so `job_id`, `jobId` and `Job-ID` all match.
 */
const HANDLE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'uuid',
  'guid',
  ...WORK_IDS,
  'requestid',
  'queuetoken',
  'token',
  'statusurl',
  'statusuri',
  'statuslink',
  'statusendpoint',
  'statusquerygeturi',
  'monitor',
  'monitorurl',
  'pollurl',
  'href',
  'links',
  'self',
  'location',
]);

/**
 * Headers that point at a status monitor. RFC 9110 §15.3.3 names no header; Location and
 * Content-Location are the generic ways to point at another resource, and Operation-Location /
 * Azure-AsyncOperation are what Azure-style async APIs send instead.
 */
const HANDLE_HEADERS = [
  'location',
  'content-location',
  'operation-location',
  'azure-asyncoperation',
] as const;

/**
 * Id headers that name the accepted item itself, so the client can look it up or match a later
 * event or webhook to it: SendGrid's `X-Message-Id` answering a 202 with an empty body, and the
 * same pattern for the work nouns the body handles use (`X-Job-Id`, `X-Task-Id`, …). Compared
 * like body keys, after dropping an `x-` prefix. Per-request correlation ids (`X-Request-Id`,
 * `X-Correlation-Id`, `X-Amzn-RequestId`) do not count: gateways add them to every response,
 * and they identify the HTTP call, not the work.
 */
const HANDLE_ID_HEADERS: ReadonlySet<string> = new Set(['messageid', ...WORK_IDS]);

function isHandleIdHeader(name: string): boolean {
  const n = name.toLowerCase();
  return HANDLE_ID_HEADERS.has(normaliseKey(n.startsWith('x-') ? n.slice(2) : n));
}

/** Bounds the scan of a huge body: this many members per object, and objects overall. */
const MAX_KEYS = 1000;
const MAX_OBJECTS = 200;

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

function usable(v: JsonValue | undefined): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.length > 0;
  return isJsonObject(v) && Object.keys(v).length > 0;
}

function ownHandle(obj: Record<string, JsonValue>): boolean {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length && i < MAX_KEYS; i++) {
    const k = keys[i]!;
    if (HANDLE_KEYS.has(normaliseKey(k)) && usable(member(obj, k))) return true;
  }
  // Google-style long-running operations: { "name": "operations/123", "done": false }.
  return usable(member(obj, 'name')) && typeof member(obj, 'done') === 'boolean';
}

/** Objects one level below `v`: member values of an object, elements of an array (and their first elements). */
function childObjects(v: JsonValue): Record<string, JsonValue>[] {
  const out: Record<string, JsonValue>[] = [];
  const children = Array.isArray(v)
    ? v
    : isJsonObject(v)
      ? Object.keys(v)
          .slice(0, MAX_KEYS)
          .map((k) => member(v, k))
      : [];
  for (const c of children) {
    if (out.length >= MAX_OBJECTS) break;
    if (isJsonObject(c)) out.push(c);
    else if (Array.isArray(c) && isJsonObject(c[0])) out.push(c[0]);
  }
  return out;
}

/** Looks at the top level and one level down, e.g. `{ "data": { "id": 7 } }` or `[{ "jobId": 7 }]`. */
function bodyHasHandle(root: JsonValue): boolean {
  if (isJsonObject(root) && ownHandle(root)) return true;
  return childObjects(root).some(ownHandle);
}

function bodyVerdict(method: string, kind: string, json: JsonState): string | undefined {
  // A response to HEAD never has content (RFC 9110 §9.3.2): its body is not "empty", it is not there.
  if (method === 'HEAD') return 'a response to HEAD carries no body that could hold an id';
  if (kind === 'unknown') return 'its body was not seen, so any id in it could not be checked';
  if (kind === 'empty') return 'its body is empty';
  if (kind === 'binary') return 'its body is binary';
  if (json.kind === 'ok') {
    return bodyHasHandle(json.value)
      ? undefined
      : 'its JSON body has no id, job/status URL or link to poll (top level or one level down)';
  }
  if (json.kind === 'skipped') return 'its body was too large to check for an id';
  return 'its body is not JSON carrying an id or status URL';
}

export default defineRule({
  id: 'http/accepted-tracking',
  group: 'core',
  severity: 'info',
  description:
    'A 202 Accepted ought to give the client a way to follow the work: a Location/Content-Location to poll, an id header such as X-Message-Id, or an id or status link in the body. Fire-and-forget 202s can be fine.',
  source: { label: 'RFC 9110 §15.3.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.3' },
  check({ exchange, json }) {
    if (exchange.status !== 202) return [];
    const headers = exchange.responseHeaders;
    if (HANDLE_HEADERS.some((h) => headerValues(headers, h).some((v) => v.trim() !== ''))) return [];
    if (headers.some((h) => isHandleIdHeader(h.name) && h.value.trim() !== '')) return [];
    const verdict = bodyVerdict(exchange.method, exchange.body.kind, json);
    if (verdict === undefined) return [];
    return [
      {
        message: `202 Accepted to ${exchange.method} has no Location, Content-Location or id header (such as X-Message-Id) and ${verdict}; fine for fire-and-forget work, but a client that needs the outcome has nothing to follow`,
      },
    ];
  },
});
