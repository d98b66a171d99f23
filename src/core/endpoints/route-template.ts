import { statusFamily, type StatusFamily } from '../exchange/family';
import type { Exchange } from '../exchange/types';
import type { Finding, Severity } from '../rules/types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
const HEX_HASH = /^[0-9a-f]{12,}$/i;
// Opaque ids such as Mongo ObjectIds, ULIDs or base64url tokens: long, and mixing letters with digits.
const OPAQUE = /^(?=.*\d)(?=.*[a-z])[A-Za-z0-9_-]{20,}$/i;

function isIdSegment(seg: string): boolean {
  return NUMBER.test(seg) || UUID.test(seg) || HEX_HASH.test(seg) || OPAQUE.test(seg);
}

/** `/users/42/orders/9f1c…` → `/users/{id}/orders/{id}`: the route a request most likely hit. */
export function routeTemplate(url: string): { host: string; path: string } {
  let host = '';
  let pathname = url;
  try {
    const u = new URL(url);
    host = u.host;
    pathname = u.pathname;
  } catch {
    pathname = url.split('?')[0] ?? url;
  }
  const path = pathname
    .split('/')
    .map((seg) => {
      let decoded = seg;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        // A malformed escape is left as it was.
      }
      return isIdSegment(decoded) ? '{id}' : seg;
    })
    .join('/');
  return { host, path: path || '/' };
}

export interface EndpointGroup {
  key: string;
  method: string;
  host: string;
  path: string;
  count: number;
  families: Record<StatusFamily, number>;
  /** Rule id → count. */
  rules: Record<string, number>;
  findings: Record<Severity, number>;
}

export function groupEndpoints(
  items: readonly { exchange: Exchange; findings: readonly Finding[] }[],
): EndpointGroup[] {
  const groups = new Map<string, EndpointGroup>();
  for (const { exchange, findings } of items) {
    const { host, path } = routeTemplate(exchange.url);
    const key = `${exchange.method} ${host}${path}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        method: exchange.method,
        host,
        path,
        count: 0,
        families: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0, unknown: 0 },
        rules: {},
        findings: { error: 0, warning: 0, info: 0 },
      };
      groups.set(key, g);
    }
    g.count++;
    g.families[statusFamily(exchange.status)]++;
    for (const f of findings) {
      g.rules[f.rule] = (g.rules[f.rule] ?? 0) + 1;
      g.findings[f.severity]++;
    }
  }
  // Worst endpoints first: errors, then warnings, then volume.
  return [...groups.values()].sort(
    (a, b) =>
      b.findings.error - a.findings.error ||
      b.findings.warning - a.findings.warning ||
      b.count - a.count ||
      a.key.localeCompare(b.key),
  );
}
