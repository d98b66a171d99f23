import rule from '../../../../src/core/rules/http/cors-blocked';
import { ruleTester } from '../../../helpers/ruleTester';

const ORIGIN = 'https://app.example';
/** Chrome's record of a CORS-blocked fetch, normalised: status 0 with net::ERR_FAILED and the headers. */
const blocked = { status: 0, failure: 'net::ERR_FAILED' };

/**
 * A preflight that got no response at all, as Chrome records it (freeorbarter_supabase-postgrest-cors.har
 * #1, #8, #9: nothing listened on the port): status 0, the connection's error, no response headers.
 */
const unanswered = (failure: string) => ({
  name: `a preflight that got no response (${failure}): nothing refused it`,
  method: 'OPTIONS',
  status: 0,
  failure,
  resourceType: 'preflight',
  requestHeaders: {
    Origin: ORIGIN,
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'content-type',
  },
});

ruleTester(rule, {
  valid: [
    {
      name: 'an allowed cross-origin response',
      requestHeaders: { Origin: ORIGIN },
      headers: { 'Access-Control-Allow-Origin': ORIGIN },
    },
    {
      name: 'blocked, but the headers allow origin and credentials: nothing to name',
      ...blocked,
      requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
      headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': 'true' },
    },
    {
      name: 'blocked without an Origin: not known to be cross-origin',
      ...blocked,
      headers: { 'Content-Type': 'text/plain' },
    },
    {
      name: 'failed with no response at all (no headers)',
      ...blocked,
      requestHeaders: { Origin: ORIGIN },
    },
    {
      name: 'another network error',
      status: 0,
      failure: 'net::ERR_CONNECTION_REFUSED',
      requestHeaders: { Origin: ORIGIN },
      headers: { 'Content-Type': 'text/plain' },
    },
    {
      name: 'wildcard with Allow-Credentials: true is security/cors-credentials-wildcard’s finding',
      ...blocked,
      requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
    },
    {
      name: 'a preflight that allows what it is asked',
      method: 'OPTIONS',
      status: 204,
      requestHeaders: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'x-api-key',
      },
      headers: {
        'Access-Control-Allow-Origin': ORIGIN,
        'Access-Control-Allow-Methods': 'GET, PUT',
        'Access-Control-Allow-Headers': 'X-Api-Key',
      },
    },
    ...['net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', 'net::ERR_BLOCKED_BY_ORB'].map((failure) => ({
      // The answer arrived and was withheld for CORP or ORB, not for the CORS check.
      name: `an answer withheld for another reason than CORS (${failure})`,
      status: 0,
      failure,
      requestHeaders: { Origin: ORIGIN },
      headers: { 'Content-Type': 'application/json' },
    })),
    { name: 'an OPTIONS that is not a preflight', method: 'OPTIONS', status: 204, headers: { Allow: 'GET' } },
    ...[
      'net::ERR_CONNECTION_REFUSED',
      'net::ERR_NAME_NOT_RESOLVED',
      'net::ERR_CONNECTION_RESET',
      'net::ERR_TIMED_OUT',
      'net::ERR_ADDRESS_UNREACHABLE',
      'net::ERR_INTERNET_DISCONNECTED',
    ].map(unanswered),
    {
      name: 'a preflight with no response and no recorded reason',
      method: 'OPTIONS',
      status: 0,
      requestHeaders: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' },
    },
  ],
  invalid: [
    {
      name: 'blocked, no Access-Control-Allow-Origin',
      ...blocked,
      requestHeaders: { Origin: ORIGIN },
      headers: { 'Content-Type': 'application/json' },
      findings: [
        {
          severity: 'warning',
          message: [
            'The browser blocked this response',
            'net::ERR_FAILED',
            '(net::ERR_FAILED): the response has no Access-Control-Allow-Origin header',
            ORIGIN,
          ],
        },
      ],
    },
    {
      name: 'blocked, origin mismatch',
      ...blocked,
      requestHeaders: { Origin: ORIGIN },
      headers: { 'Access-Control-Allow-Origin': 'https://other.example' },
      findings: [{ severity: 'warning', message: ['"https://other.example"', `came from "${ORIGIN}"`] }],
    },
    {
      name: 'blocked, credentials without Access-Control-Allow-Credentials',
      ...blocked,
      requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
      headers: { 'Access-Control-Allow-Origin': ORIGIN },
      findings: [
        { severity: 'warning', message: ['credentials (Cookie)', 'Access-Control-Allow-Credentials: true'] },
      ],
    },
    {
      name: 'blocked, wildcard origin with a cookie',
      ...blocked,
      requestHeaders: { Origin: ORIGIN, Cookie: 'sid=1' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      findings: [
        {
          severity: 'warning',
          message: 'Access-Control-Allow-Origin: * does not cover a request with credentials',
        },
      ],
    },
    {
      name: 'a refusing preflight, recorded as a 204',
      method: 'OPTIONS',
      status: 204,
      requestHeaders: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization',
      },
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': '*',
      },
      // One exchange, one finding: every reason in its message, numbered.
      findings: [
        {
          severity: 'warning',
          message: [
            'This preflight refuses the request it asks about, for 2 reasons: (1) ',
            'asks to send PUT',
            '"GET, POST"',
            ' (2) The preflight asks to send authorization',
          ],
        },
      ],
    },
    {
      name: 'a preflight failed after its answer arrived (net::ERR_FAILED, headers kept): they still say why',
      method: 'OPTIONS',
      status: 0,
      failure: 'net::ERR_FAILED',
      requestHeaders: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT' },
      headers: { 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Methods': 'GET' },
      findings: [{ severity: 'warning', message: ['This preflight refuses', 'asks to send PUT', '"GET"'] }],
    },
    {
      name: 'a preflight answered 404 with no CORS headers at all (three reasons, one finding)',
      method: 'OPTIONS',
      status: 404,
      requestHeaders: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-api-key',
      },
      headers: { 'Content-Type': 'text/html' },
      findings: [
        {
          severity: 'warning',
          message: [
            "for 3 reasons: (1) The preflight's answer has no Access-Control-Allow-Origin header, so the browser did not send the request",
            '(2) A preflight must be answered with a 2xx status; the server answered 404.',
            '(3) The preflight asks to send x-api-key',
          ],
        },
      ],
    },
  ],
});
