import type { Exchange } from '../exchange/types';
import { unsendableHeaderReason } from '../resend/draft';
import type { RedactOptions } from './redact';
import { prepareRequest } from './shared';

/** JSON string syntax is valid JavaScript string syntax (ES2019 allows U+2028/9), so JSON.stringify escapes everything. */
const lit = (s: string) => JSON.stringify(s);

/**
 * The request as a `fetch()` call. Secrets are redacted unless `redact: false`. Headers a page's
 * fetch may not set (Host, Cookie, Accept-Encoding, Sec-*, pseudo-headers: resend/draft.ts) are
 * left out, as the browser would drop them; a Cookie becomes `"credentials": "include"` (the
 * browser sends its own cookies), a Referer the `referrer` option.
 */
export function toFetch(exchange: Exchange, opts: RedactOptions = {}): string {
  const req = prepareRequest(exchange, opts);
  const lines: string[] = [];
  lines.push(`  "method": ${lit(req.method)}`);
  const sendable = req.headers.filter((h) => unsendableHeaderReason(h.name) === null);
  const named = (name: string) => req.headers.find((h) => h.name.toLowerCase() === name);
  if (sendable.length > 0) {
    // Repeated lines merge into one value, which is how fetch's Headers treats them anyway.
    const merged = new Map<string, { name: string; values: string[] }>();
    for (const h of sendable) {
      const key = h.name.toLowerCase();
      const entry = merged.get(key);
      if (entry) entry.values.push(h.value);
      else merged.set(key, { name: h.name, values: [h.value] });
    }
    const entries = [...merged.values()].map((e) => `    ${lit(e.name)}: ${lit(e.values.join(', '))}`);
    lines.push(`  "headers": {\n${entries.join(',\n')}\n  }`);
  }
  const referer = named('referer');
  if (referer) lines.push(`  "referrer": ${lit(referer.value)}`);
  if (named('cookie')) lines.push(`  "credentials": "include"`);
  const method = req.method.toUpperCase();
  // fetch() throws on a body with GET or HEAD, so such a body is left out.
  if (req.body && method !== 'GET' && method !== 'HEAD') lines.push(`  "body": ${lit(req.body.text)}`);
  return `fetch(${lit(req.url)}, {\n${lines.join(',\n')}\n});`;
}
