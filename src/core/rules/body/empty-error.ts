import { statusFamily } from '../../exchange/family';
import type { Exchange } from '../../exchange/types';
import { defineRule } from '../types';

/** Whitespace-only text explains nothing either; only short bodies are worth checking. */
function isKnownEmpty(ex: Exchange): boolean {
  const b = ex.body;
  if (b.kind === 'empty') return true;
  if (b.kind === 'binary') return b.size === 0;
  return b.kind === 'text' && b.text.length <= 1024 && !/\S/.test(b.text);
}

export default defineRule({
  id: 'body/empty-error',
  group: 'core',
  severity: 'warning',
  description: 'A 4xx or 5xx response should explain the error in its body.',
  source: { label: 'RFC 9110 §15.5', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5' },
  check({ exchange }) {
    const family = statusFamily(exchange.status);
    if ((family !== '4xx' && family !== '5xx') || exchange.method.toUpperCase() === 'HEAD') return [];
    if (!isKnownEmpty(exchange)) return [];
    return [
      {
        message: `${exchange.status} to ${exchange.method} has an empty body: nothing tells the client what went wrong`,
      },
    ];
  },
});
