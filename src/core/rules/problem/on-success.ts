import { statusFamily } from '../../exchange/family';
import { defineRule } from '../types';
import { isProblemMediaType, rfc9457 } from './shared';

export default defineRule({
  id: 'problem/on-success',
  group: 'problem',
  // A convention, not a MUST: RFC 9457 describes problem details as error reports (§1, §3) but
  // nowhere forbids the media type on a 2xx, so this warns rather than errs.
  severity: 'warning',
  headerOnly: true,
  description:
    "By the profile's convention (RFC 9457's intent: problem details report errors), a 2xx success should not be served as a problem details media type.",
  source: rfc9457('1'),
  check({ exchange, mediaType }) {
    if (statusFamily(exchange.status) !== '2xx' || !isProblemMediaType(mediaType)) return [];
    return [
      {
        message: `${exchange.status} success response is served as ${mediaType}, a media type meant for errors`,
      },
    ];
  },
});
