import { headerValues } from '../../exchange/headers';
import { clip } from '../../text/clip';
import { defineRule } from '../types';

const MAX_SHOWN = 60;

/**
 * The one success Retry-After fits. RFC 9110 §10.2.3 defines it as how long to wait "before
 * making a follow-up request", and a 202's follow-up is the poll of the status monitor it
 * points to (§15.3.3: "an estimate of when the request will be fulfilled"): the long-running
 * operation pattern of Azure and Microsoft's REST guidelines (202, Operation-Location,
 * Retry-After). Whether the 202 says where to poll is http/accepted-tracking's question.
 */
const POLL_STATUS = 202;

export default defineRule({
  id: 'http/retry-after-on-success',
  group: 'core',
  severity: 'info',
  headerOnly: true,
  description:
    'Retry-After on a 2xx (other than 202) means nothing: RFC 9110 defines it for 503 and redirects, RFC 6585 for 429, yet a retry middleware may still wait on it.',
  source: { label: 'RFC 9110 §10.2.3', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3' },
  check({ exchange }) {
    const status = exchange.status;
    if (status < 200 || status > 299 || status === POLL_STATUS) return [];
    const values = headerValues(exchange.responseHeaders, 'retry-after');
    if (values.length === 0) return [];
    const value = clip(values.join(', ').trim(), MAX_SHOWN);
    const said = value === '' ? 'an empty Retry-After' : `Retry-After: ${value}`;
    return [
      {
        message: `${status} response carries ${said}, which means nothing on a success (RFC 9110 defines it for 503 and redirects, RFC 6585 for 429); a client whose retry middleware reads it on every answer may wait for nothing: leave it out`,
      },
    ];
  },
});
