import { headerValue } from '../../exchange/headers';
import { jsonApi } from '../shared/sources';
import { quote } from '../../json/describe';
import { defineRule } from '../types';
import { JSONAPI_MEDIA_TYPE } from './shared';
import { listOf } from '../../text/list';
import { nounFor } from '../../text/plural';

/** The only media type parameters JSON:API 1.1 allows (§5.2). */
const ALLOWED = new Set(['ext', 'profile']);

export default defineRule({
  id: 'jsonapi/media-type-parameters',
  group: 'jsonapi',
  severity: 'error',
  headerOnly: true,
  description: 'application/vnd.api+json carries no media type parameters other than "ext" and "profile".',
  source: jsonApi('media-type-parameter-rules', '§5.2'),
  check({ exchange, mediaType }) {
    if (mediaType !== JSONAPI_MEDIA_TYPE) return [];
    const header = headerValue(exchange.responseHeaders, 'content-type') ?? '';
    const params = (header.split(',')[0] ?? '').split(';').slice(1);
    const bad = params
      .map((p) => (p.split('=')[0] ?? '').trim().toLowerCase())
      .filter((name) => name !== '' && !ALLOWED.has(name));
    if (bad.length === 0) return [];
    return [
      {
        message: `Content-Type ${quote(header)} has the ${nounFor(bad.length, 'parameter')} ${listOf(bad)}; ${JSONAPI_MEDIA_TYPE} allows only ext and profile`,
      },
    ];
  },
});
