import { headerValues } from '../../exchange/headers';
import { defineRule } from '../types';

function hasValue(values: readonly string[]): boolean {
  return values.some((v) => v.trim() !== '');
}

export default defineRule({
  id: 'http/range-content-range',
  group: 'core',
  severity: 'error',
  otherSeverities: [{ severity: 'warning', when: 'for 416' }],
  headerOnly: true,
  description:
    'A single-part 206 Partial Content must say which bytes it holds with Content-Range; a 416 should give the full length the same way.',
  source: {
    label: 'RFC 9110 §15.3.7.1',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.3.7.1',
  },
  check({ exchange, mediaType }) {
    const ranges = headerValues(exchange.responseHeaders, 'content-range');
    if (exchange.status === 206) {
      // Multipart 206s put a Content-Range in each part instead (RFC 9110 §14.6).
      if (hasValue(ranges) || mediaType === 'multipart/byteranges') return [];
      const type = mediaType === '' ? 'no Content-Type' : `Content-Type ${mediaType}`;
      return [
        {
          message: `206 Partial Content with ${type} has no Content-Range header, so the client cannot place the bytes it got`,
        },
      ];
    }
    if (exchange.status === 416) {
      if (hasValue(ranges)) return [];
      return [
        {
          message:
            '416 Range Not Satisfiable has no Content-Range header (e.g. "bytes */1234") giving the current length',
          severity: 'warning',
        },
      ];
    }
    return [];
  },
});
