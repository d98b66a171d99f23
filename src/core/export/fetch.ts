import type { Exchange } from '../exchange/types';
import type { RedactOptions } from './redact';
import { prepareRequest } from './shared';

/** JSON string syntax is valid JavaScript string syntax (ES2019 allows U+2028/9), so JSON.stringify escapes everything. */
const lit = (s: string) => JSON.stringify(s);

/** The request as a `fetch()` call. Secrets are redacted unless `redact: false`. */
export function toFetch(exchange: Exchange, opts: RedactOptions = {}): string {
  const req = prepareRequest(exchange, opts);
  const lines: string[] = [];
  lines.push(`  "method": ${lit(req.method)}`);
  if (req.headers.length > 0) {
    // Repeated lines merge into one value, which is how fetch's Headers treats them anyway.
    const merged = new Map<string, { name: string; values: string[] }>();
    for (const h of req.headers) {
      const key = h.name.toLowerCase();
      const entry = merged.get(key);
      if (entry) entry.values.push(h.value);
      else merged.set(key, { name: h.name, values: [h.value] });
    }
    const entries = [...merged.values()].map((e) => `    ${lit(e.name)}: ${lit(e.values.join(', '))}`);
    lines.push(`  "headers": {\n${entries.join(',\n')}\n  }`);
  }
  const method = req.method.toUpperCase();
  // fetch() throws on a body with GET or HEAD, so such a body is left out.
  if (req.body && method !== 'GET' && method !== 'HEAD') lines.push(`  "body": ${lit(req.body.text)}`);
  return `fetch(${lit(req.url)}, {\n${lines.join(',\n')}\n});`;
}
