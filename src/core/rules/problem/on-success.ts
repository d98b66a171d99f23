import { statusFamily } from '../../exchange/family';
import { defineRule } from '../types';
import { PROBLEM_MEDIA_TYPE, rfc9457 } from './shared';

export default defineRule({
  id: 'problem/on-success',
  group: 'problem',
  severity: 'error',
  headerOnly: true,
  description: 'A 2xx success must not be served as application/problem+json, which describes errors.',
  source: rfc9457('1'),
  check({ exchange, mediaType }) {
    if (statusFamily(exchange.status) !== '2xx' || mediaType !== PROBLEM_MEDIA_TYPE) return [];
    return [
      {
        message: `${exchange.status} success response is served as ${PROBLEM_MEDIA_TYPE}, a media type for errors`,
      },
    ];
  },
});
