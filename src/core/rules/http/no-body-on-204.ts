import { headerValues } from '../../exchange/headers';
import { defineRule } from '../types';

/** Content-Length members other than "0". Repeated lines and a "0, 0" list are checked member by member. */
function nonZeroLengths(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of values) {
    for (const member of line.split(',')) {
      const v = member.trim();
      if (v !== '0') out.push(v === '' ? '(empty)' : v);
    }
  }
  return out;
}

export default defineRule({
  id: 'http/no-body-on-204',
  group: 'core',
  severity: 'error',
  description:
    'A 204 No Content response ends after its headers: no body, and no Content-Length (RFC 9110 §8.6 forbids it; 0 is tolerated).',
  source: { label: 'RFC 9110 §15.3.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.5' },
  check({ exchange }) {
    if (exchange.status !== 204) return [];
    const problems: string[] = [];
    const body = exchange.body;
    // An unknown body is not evidence of content; only bytes we actually saw count.
    if (body.kind === 'text' || body.kind === 'binary') problems.push(`a ${body.size}-byte body`);
    const lengths = nonZeroLengths(headerValues(exchange.responseHeaders, 'content-length'));
    if (lengths.length > 0) problems.push(`Content-Length: ${lengths.join(', ')}`);
    if (problems.length === 0) return [];
    return [
      {
        message: `204 No Content to ${exchange.method} came with ${problems.join(' and ')}; a 204 carries no content`,
      },
    ];
  },
});
