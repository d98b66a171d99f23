import { statusFamily } from '../../exchange/family';
import { graphqlOverHttp } from '../shared/sources';
import { defineRule } from '../types';

/** How much of a query document is read to find its first operation. */
const SCAN_CHARS = 4096;

/** The first operation's type: "query" for the shorthand `{ … }`, else the keyword before it. */
export function operationType(document: string): string | undefined {
  const s = document.slice(0, SCAN_CHARS);
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '#') {
      const nl = s.indexOf('\n', i);
      i = nl === -1 ? s.length : nl + 1;
    } else if (/[\s,\uFEFF]/.test(c)) i++;
    else break;
  }
  if (s[i] === '{') return 'query';
  const m = /^(query|mutation|subscription|fragment)\b/.exec(s.slice(i));
  return m?.[1];
}

function queryParam(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  try {
    return new URLSearchParams(url.slice(q + 1).split('#')[0]).get('query') ?? undefined;
  } catch {
    return undefined;
  }
}

export default defineRule({
  id: 'graphql/get-query',
  group: 'graphql',
  severity: 'error',
  headerOnly: true,
  description:
    'An operation sent with GET must be a query: a GET that ran a mutation or subscription should have been refused (405).',
  source: graphqlOverHttp('GET'),
  check({ exchange }) {
    if (exchange.method.toUpperCase() !== 'GET' || statusFamily(exchange.status) !== '2xx') return [];
    const document = queryParam(exchange.url);
    if (document === undefined) return [];
    const type = operationType(document);
    if (type !== 'mutation' && type !== 'subscription') return [];
    return [
      {
        message: `GET ran a ${type} and got ${exchange.status}; a ${type} over GET must be refused with 405 Method Not Allowed`,
      },
    ];
  },
});
