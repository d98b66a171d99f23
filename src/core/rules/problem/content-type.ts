import { hasHeader } from '../../exchange/headers';
import { statusFamily } from '../../exchange/family';
import { defineRule } from '../types';
import { PROBLEM_MEDIA_TYPE, rfc9457 } from './shared';

export default defineRule({
  id: 'problem/content-type',
  group: 'problem',
  severity: 'warning',
  // The Content-Type header is what is checked, so an error with an empty or unseen body still counts.
  headerOnly: true,
  description: 'Error responses (4xx/5xx) should be served as application/problem+json.',
  source: rfc9457('3'),
  check({ exchange, mediaType }) {
    const family = statusFamily(exchange.status);
    if ((family !== '4xx' && family !== '5xx') || mediaType === PROBLEM_MEDIA_TYPE) return [];
    let found: string;
    if (mediaType !== '') found = `Content-Type ${mediaType}`;
    else if (hasHeader(exchange.responseHeaders, 'content-type')) found = 'an empty Content-Type';
    else found = 'no Content-Type';
    return [{ message: `${exchange.status} error is served with ${found}, not ${PROBLEM_MEDIA_TYPE}` }];
  },
});
