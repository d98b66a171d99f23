import { headerValues } from '../../exchange/headers';
import type { Header } from '../../exchange/types';
import { defineRule } from '../types';

const TEXT_TYPES = new Set(['text/html', 'text/plain']);

/**
 * Whether a Content-Security-Policy carries the `sandbox` directive (CSP3 §6.3.2): the server
 * marks the response as untrusted content it delivers inert. A user-content host does this for
 * every file it serves raw (raw.githubusercontent.com: `default-src 'none'; …; sandbox`, with
 * every file as text/plain), so text/plain there is its policy, not a mislabelled API answer.
 */
function sandboxed(headers: readonly Header[]): boolean {
  return headerValues(headers, 'content-security-policy').some((policy) =>
    policy.split(/[;,]/).some((d) => d.trim().toLowerCase().split(/\s+/)[0] === 'sandbox'),
  );
}

export default defineRule({
  id: 'body/content-type-mismatch',
  group: 'core',
  severity: 'warning',
  description: 'A JSON body should be labelled as JSON, not as HTML or plain text.',
  source: { label: 'RFC 8259 §11', url: 'https://www.rfc-editor.org/rfc/rfc8259#section-11' },
  check({ exchange, mediaType, json }) {
    if (!TEXT_TYPES.has(mediaType) || json.kind !== 'ok') return [];
    const v = json.value;
    if (v === null || typeof v !== 'object') return [];
    if (mediaType === 'text/plain' && sandboxed(exchange.responseHeaders)) return [];
    const shape = Array.isArray(v) ? 'a JSON array' : 'a JSON object';
    return [{ message: `body is ${shape} but Content-Type is ${mediaType}; label it application/json` }];
  },
});
