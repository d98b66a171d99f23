import { hasHeader } from '../../exchange/headers';
import { statusFamily } from '../../exchange/family';
import { carriesContent } from '../../exchange/media';
import { defineRule } from '../types';
import { SOURCES } from './shared';

export default defineRule({
  id: 'envelope/json-only',
  group: 'envelope',
  severity: 'warning',
  headerOnly: true,
  description: 'Every response with content should be served as exactly application/json.',
  source: SOURCES.json,
  check({ exchange, mediaType }) {
    // Status 0 is a request that got no response; there is no media type to judge.
    const family = statusFamily(exchange.status);
    if (family === 'failed' || family === 'unknown') return [];
    if (!carriesContent(exchange) || mediaType === 'application/json') return [];
    let found: string;
    if (mediaType !== '') found = `Content-Type ${mediaType}`;
    else if (hasHeader(exchange.responseHeaders, 'content-type')) found = 'an empty Content-Type';
    else found = 'no Content-Type';
    return [
      {
        message: `${exchange.status} response is served with ${found}; this API serves only application/json`,
      },
    ];
  },
});
