import { scriptResourceType } from '../../exchange/api-call';
import { isJsonMediaType } from '../../exchange/media';
import { defineRule } from '../types';
import { PRE_STANDARD_PREFIXES } from './rate-limit-names';

const EXACT = new Set([
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
]);
export default defineRule({
  id: 'http/rate-limit-headers',
  group: 'opt-in',
  severity: 'info',
  headerOnly: true,
  description:
    'API responses can tell clients their quota with RateLimit / RateLimit-Policy headers (or the older X-RateLimit-* ones).',
  source: {
    label: 'draft-ietf-httpapi-ratelimit-headers',
    url: 'https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/',
  },
  check({ exchange, mediaType }) {
    const s = exchange.status;
    if (!((s >= 200 && s <= 299) || (s >= 400 && s <= 499))) return [];
    const api = scriptResourceType(exchange) === true || isJsonMediaType(mediaType);
    if (!api) return [];
    for (const h of exchange.responseHeaders) {
      const name = h.name.toLowerCase();
      if (EXACT.has(name) || PRE_STANDARD_PREFIXES.some((p) => name.startsWith(p))) return [];
    }
    return [
      {
        message: `${s} API response has no RateLimit, RateLimit-Policy or X-RateLimit-* header telling the client its quota`,
      },
    ];
  },
});
