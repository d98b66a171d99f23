import { isJsonObject, member, type JsonValue } from '../../json/walk';
import { defineRule, type Report } from '../types';

/** Where bodies usually echo the HTTP status. `error.*` codes are app-specific below 400 (Facebook's code 190, 100…). */
const CANDIDATES: { path: [string] | [string, string]; min: number }[] = [
  { path: ['status'], min: 100 },
  { path: ['statusCode'], min: 100 },
  { path: ['error', 'code'], min: 400 },
  { path: ['error', 'status'], min: 400 },
];

function asStatus(v: JsonValue | undefined, min: number): number | undefined {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\d{3}$/.test(v)) n = Number(v);
  return n !== undefined && Number.isInteger(n) && n >= min && n <= 599 ? n : undefined;
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
    for (const { path, min } of CANDIDATES) {
      let v: JsonValue | undefined = json.value;
      for (const key of path) v = member(v, key);
      const said = asStatus(v, min);
      if (said === undefined || said === real) continue;
      const pointer = '/' + path.join('/');
      return [
        {
          message: `body says status ${JSON.stringify(v)} at ${pointer} but the HTTP status is ${real}`,
          pointer,
        },
      ];
    }
    return [];
  },
});
