import { hasHeader, headerValues } from '../../exchange/headers';
import { statusFamily } from '../../exchange/family';
import { carriesContent } from '../../exchange/media';
import type { Exchange } from '../../exchange/types';
import { defineRule } from '../types';
import { isProblemMediaType, PROBLEM_MEDIA_TYPE, PROBLEM_XML_MEDIA_TYPE, rfc9457 } from './shared';

/**
 * Whether the response has content to label. RFC 9110 §8.3: Content-Type describes the content,
 * so a HEAD response, an empty body, or (when the body was not seen, as in webRequest
 * monitoring) a Content-Length of 0 leaves nothing for it to name.
 */
function hasContent(exchange: Exchange): boolean {
  if (!carriesContent(exchange)) return false;
  if (exchange.body.kind !== 'unknown') return true;
  const lengths = headerValues(exchange.responseHeaders, 'content-length').flatMap((v) => v.split(','));
  return lengths.length === 0 || lengths.some((v) => v.trim() !== '0');
}

export default defineRule({
  id: 'problem/content-type',
  group: 'problem',
  severity: 'warning',
  // Status and headers decide it (an unseen body may still carry content), so it also runs in monitoring.
  headerOnly: true,
  description:
    'Error responses (4xx/5xx) with content should be served as application/problem+json (or application/problem+xml).',
  source: rfc9457('3'),
  check({ exchange, mediaType }) {
    const family = statusFamily(exchange.status);
    if (family !== '4xx' && family !== '5xx') return [];
    if (isProblemMediaType(mediaType) || !hasContent(exchange)) return [];
    let found: string;
    if (mediaType !== '') found = `Content-Type ${mediaType}`;
    else if (hasHeader(exchange.responseHeaders, 'content-type')) found = 'an empty Content-Type';
    else found = 'no Content-Type';
    return [
      {
        message: `${exchange.status} error is served with ${found}, not ${PROBLEM_MEDIA_TYPE} (or ${PROBLEM_XML_MEDIA_TYPE})`,
      },
    ];
  },
});
