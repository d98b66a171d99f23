import { hasHeader, headerValue, listMembers } from '../../exchange/headers';
import { defineRule } from '../types';

/** Directive names of a Cache-Control value; a qualified `private="…"` only hides the named fields (RFC 9111 §5.2.2.7). */
function directives(value: string | undefined): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const m of listMembers(value)) {
    const eq = m.indexOf('=');
    const name = (eq < 0 ? m : m.slice(0, eq)).trim().toLowerCase();
    if (!out.has(name)) out.set(name, eq < 0 ? undefined : m.slice(eq + 1).trim());
  }
  return out;
}

export default defineRule({
  id: 'security/sensitive-no-store',
  group: 'opt-in',
  severity: 'warning',
  headerOnly: true,
  description: 'Responses to authenticated requests should say Cache-Control: no-store or private.',
  source: { label: 'RFC 9111 §3.5', url: 'https://www.rfc-editor.org/rfc/rfc9111#section-3.5' },
  check({ exchange }) {
    if (exchange.status < 100 || !hasHeader(exchange.requestHeaders, 'authorization')) return [];
    const value = headerValue(exchange.responseHeaders, 'cache-control');
    const d = directives(value);
    if (d.has('no-store') || (d.has('private') && d.get('private') === undefined)) return [];
    const shown = value === undefined ? 'no Cache-Control' : `Cache-Control: ${value.slice(0, 80)}`;
    const extra = d.has('public') ? ' (public explicitly lets shared caches keep it)' : '';
    return [
      {
        message: `${exchange.status} response to an Authorization-bearing ${exchange.method} has ${shown}${extra}; add no-store or private`,
      },
    ];
  },
});
