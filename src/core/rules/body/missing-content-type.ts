import { carriesContent, hasKnownBody } from '../../exchange/media';
import { defineRule } from '../types';
import { withArticle } from '../../text/article';

export default defineRule({
  id: 'body/missing-content-type',
  group: 'core',
  severity: 'warning',
  description: 'A response that carries content should say what that content is with Content-Type.',
  source: { label: 'RFC 9110 §8.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-8.3' },
  check({ exchange, mediaType }) {
    // A blank Content-Type value says as little as a missing one, so both count.
    if (mediaType !== '' || !carriesContent(exchange) || !hasKnownBody(exchange)) return [];
    const size = exchange.body.kind === 'text' || exchange.body.kind === 'binary' ? exchange.body.size : -1;
    const what = size > 0 ? withArticle(`${size}-byte body`) : 'a body';
    return [{ message: `${exchange.status} response to ${exchange.method} has ${what} but no Content-Type` }];
  },
});
