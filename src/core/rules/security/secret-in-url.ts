import { headerValues } from '../../exchange/headers';
import { DEFAULT_REDACTED_QUERY } from '../../settings/defaults';
import { defineRule, type Report } from '../types';

/**
 * The export redaction list, minus names that are not reusable credentials when a redirect
 * carries them, by design:
 * - `code`: the OAuth authorization code is one-time, short-lived and meant to travel in the
 *   redirect back to the client (RFC 6749 §4.1.2);
 * - `sig`, `signature`: pre-signed URLs (S3, Azure SAS, CDNs) sign that one URL, and redirecting
 *   to them is how downloads are handed out;
 * - `key`: too generic (object keys, cache keys, public Maps keys).
 */
const BY_DESIGN: ReadonlySet<string> = new Set(['code', 'sig', 'signature', 'key']);
const NAMES: ReadonlySet<string> = new Set(DEFAULT_REDACTED_QUERY.filter((n) => !BY_DESIGN.has(n)));

const MAX_LOCATION = 8192;
const MAX_FINDINGS = 5;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Values that stand for a credential without being one: empty, templated, "null". */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(?:null|undefined|none|false)$/i.test(v) || /^[{<$[]|\{\{/.test(v);
}

/** name=value pairs of a query or fragment, names lower-cased and decoded. */
function pairs(part: string): [string, string][] {
  const out: [string, string][] = [];
  for (const item of part.split(/[&;]/)) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    out.push([decode(item.slice(0, eq)).trim().toLowerCase(), decode(item.slice(eq + 1))]);
  }
  return out;
}

/** The query and fragment of a URL reference; a fragment route such as `#/cb?x=1` gives its own query. */
function parts(location: string): { where: 'query string' | 'fragment'; text: string }[] {
  const hash = location.indexOf('#');
  const beforeHash = hash < 0 ? location : location.slice(0, hash);
  const out: { where: 'query string' | 'fragment'; text: string }[] = [];
  const q = beforeHash.indexOf('?');
  if (q >= 0) out.push({ where: 'query string', text: beforeHash.slice(q + 1) });
  if (hash >= 0) {
    const fragment = location.slice(hash + 1);
    const fq = fragment.indexOf('?');
    out.push({ where: 'fragment', text: fq >= 0 ? fragment.slice(fq + 1) : fragment });
  }
  return out;
}

export default defineRule({
  id: 'security/secret-in-url',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description:
    'A redirect should not put credentials (access_token, api_key, password…) in its Location URL, where history, logs and Referer headers keep them.',
  source: { label: 'CWE-598', url: 'https://cwe.mitre.org/data/definitions/598.html' },
  check({ exchange }): Report[] {
    const status = exchange.status;
    if (status < 300 || status > 399) return [];
    const out: Report[] = [];
    const seen = new Set<string>();
    for (const raw of headerValues(exchange.responseHeaders, 'location')) {
      for (const { where, text } of parts(raw.trim().slice(0, MAX_LOCATION))) {
        for (const [name, value] of pairs(text)) {
          if (out.length >= MAX_FINDINGS) return out;
          if (!NAMES.has(name) || isPlaceholder(value) || seen.has(`${where} ${name}`)) continue;
          seen.add(`${where} ${name}`);
          out.push({
            message: `${status} redirect's Location carries ${name}= (a ${value.length}-character value, not shown) in its ${where}: URLs end up in browser history, server and proxy logs and Referer headers; send credentials in a header or a POST body instead`,
          });
        }
      }
    }
    return out;
  },
});
