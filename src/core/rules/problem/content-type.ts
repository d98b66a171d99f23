import { hasHeader } from '../../exchange/headers';
import { statusFamily } from '../../exchange/family';
import { carriesContent } from '../../exchange/media';
import { isProblemDetails, problemMembersOf } from '../shared/problem-members';
import { quote } from '../../json/describe';
import { defineRule } from '../types';
import { listOf } from '../../text/list';
import { isProblemMediaType, PROBLEM_MEDIA_TYPE, PROBLEM_XML_MEDIA_TYPE, rfc9457 } from './shared';

export default defineRule({
  id: 'problem/content-type',
  group: 'problem',
  severity: 'warning',
  // Status and headers decide it (an unseen body may still carry content), so it also runs in monitoring.
  headerOnly: true,
  description:
    'Error responses (4xx/5xx) with content should be served as application/problem+json (or application/problem+xml).',
  source: rfc9457('3'),
  check({ exchange, mediaType, json }) {
    const family = statusFamily(exchange.status);
    if (family !== '4xx' && family !== '5xx') return [];
    // RFC 9110 §8.3: Content-Type describes content, so a response without any has nothing to label.
    if (isProblemMediaType(mediaType) || !carriesContent(exchange)) return [];
    let found: string;
    if (mediaType !== '') found = `Content-Type ${mediaType}`;
    else if (hasHeader(exchange.responseHeaders, 'content-type')) found = 'an empty Content-Type';
    else found = 'no Content-Type';
    // A body that already is a problem details object (an API that builds one and forgets the
    // label: Quay's {"type", "title", "status", "detail"} as application/json) needs only its
    // Content-Type changed: say so, rather than advise writing problem documents from scratch.
    if (json.kind === 'ok' && isProblemDetails(json.value)) {
      const members = listOf(problemMembersOf(json.value).map(quote));
      return [
        {
          message: `${exchange.status} error is served with ${found}, but the body is already a problem details object (with ${members}): serve it as ${PROBLEM_MEDIA_TYPE}`,
        },
      ];
    }
    return [
      {
        message: `${exchange.status} error is served with ${found}, not ${PROBLEM_MEDIA_TYPE} (or ${PROBLEM_XML_MEDIA_TYPE})`,
      },
    ];
  },
});
