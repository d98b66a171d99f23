import { headerValue } from '../../exchange/headers';
import { carriesContent, hasKnownBody } from '../../exchange/media';
import { defineRule } from '../types';
import { withArticle } from '../../text/article';

export default defineRule({
  id: 'security/nosniff',
  group: 'opt-in',
  severity: 'warning',
  description:
    'Responses with a body should send X-Content-Type-Options: nosniff so browsers trust Content-Type.',
  source: {
    label: 'Fetch: X-Content-Type-Options',
    url: 'https://fetch.spec.whatwg.org/#x-content-type-options-header',
  },
  check({ exchange, mediaType }) {
    if (!carriesContent(exchange) || !hasKnownBody(exchange)) return [];
    const value = headerValue(exchange.responseHeaders, 'x-content-type-options');
    // Fetch reads only the first value of the list, case-insensitively.
    const first = value?.split(',')[0]?.trim().toLowerCase();
    if (first === 'nosniff') return [];
    const body = mediaType === '' ? 'an untyped body' : withArticle(`${mediaType} body`);
    const why =
      value === undefined
        ? 'no X-Content-Type-Options'
        : `X-Content-Type-Options: ${value.slice(0, 60)} instead of nosniff`;
    return [
      {
        message: `${exchange.status} response with ${body} has ${why}, so browsers may sniff it as another type`,
      },
    ];
  },
});
