import rule from '../../../../src/core/rules/session/unsafe-retry';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const url = 'https://api.example.com/v1/charges';
const post = (at: number, extra: object = {}) => ({
  at,
  url,
  method: 'POST',
  duration: 100,
  requestHeaders: { 'Content-Type': 'application/json' },
  requestBody: '{"amount":100}',
  ...extra,
});
const keyed = { requestHeaders: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' } };

sessionRuleTester(rule, {
  valid: [
    {
      name: 'retry with an Idempotency-Key',
      sequence: [post(0, { status: 502, ...keyed }), post(500, keyed)],
    },
    {
      name: 'a vendor spelling of the key',
      sequence: [post(0, { status: 504 }), post(500, { requestHeaders: { 'X-Idempotency-Key': 'abc' } })],
    },
    { name: 'after a 400 nothing was done', sequence: [post(0, { status: 400 }), post(500)] },
    { name: 'after a success it is a new charge', sequence: [post(0, { status: 201 }), post(500)] },
    {
      name: 'the connection was refused: the first never reached the server',
      sequence: [post(0, { status: 0, failure: 'net::ERR_CONNECTION_REFUSED' }), post(500)],
    },
    {
      name: "the page's CSP blocked it: the first never left the browser",
      sequence: [post(0, { status: 0, failure: 'net::ERR_BLOCKED_BY_CSP' }), post(500)],
    },
    {
      name: 'another body is another request',
      sequence: [post(0, { status: 500 }), post(500, { requestBody: '{"amount":200}' })],
    },
    {
      name: 'PUT is idempotent',
      sequence: [post(0, { status: 500, method: 'PUT' }), post(500, { method: 'PUT' })],
    },
    {
      name: 'near miss: outside the window',
      options: { windowMs: 1000 },
      sequence: [post(0, { status: 500 }), post(1101)],
    },
    {
      // j1crowdstrike_token-500-retries.har: a repeated token request mints another token, and
      // OAuth 2.0 token endpoints take no Idempotency-Key (RFC 6749 §5 defines their answers).
      name: 'an OAuth 2.0 token request tried again after a 500',
      sequence: [0, 500, 1000].map((at) =>
        post(at, {
          url: 'https://auth.example.com/oauth/access_token',
          // The last attempt succeeds: the session view must still know it for a token request.
          status: at === 1000 ? 200 : 500,
          requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
          requestBody: 'grant_type=client_credentials&client_id=app&client_secret=s3cr3t-v4lue',
        }),
      ),
    },
    {
      name: 'a token request whose connection was reset, tried again',
      sequence: [0, 500].map((at) =>
        post(at, {
          url: 'https://auth.example.com/oauth/access_token',
          status: 0,
          failure: 'net::ERR_CONNECTION_RESET',
          requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
          requestBody: 'grant_type=refresh_token&refresh_token=r-1',
        }),
      ),
    },
    {
      name: 'a token request whose body the recorder hid (known by its endpoint)',
      sequence: [0, 500].map((at) =>
        post(at, {
          url: 'https://api.example.com/oauth2/token',
          status: 0,
          failure: 'net::ERR_CONNECTION_RESET',
          requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
          requestBody: '[REDACTED]',
        }),
      ),
    },
    {
      name: 'request headers not recorded: cannot tell',
      sequence: [post(0, { status: 500 }), post(500, { requestHeaders: {} })],
    },
  ],
  invalid: [
    {
      name: 'POST retried after a 502 without a key',
      sequence: [post(0, { status: 502 }), post(500)],
      findings: [
        {
          on: 1,
          severity: 'warning',
          related: [0],
          notes: ['the first attempt, answered a 502'],
          message: ['POST /v1/charges', 'after a 502', 'Idempotency-Key', '#0', 'if the first attempt'],
        },
      ],
    },
    {
      // j1crowdstrike_token-500-retries.har: four POSTs, each after the previous 500; from the
      // second retry on, the attempt linked is the previous one, not the first.
      name: 'retried again and again: each finding links the attempt just before, labelled as such',
      sequence: [
        post(0, { status: 500 }),
        post(500, { status: 500 }),
        post(1000, { status: 500 }),
        post(1500),
      ],
      findings: [
        { on: 1, severity: 'warning', related: [0], notes: ['the first attempt, answered a 500'] },
        {
          on: 2,
          severity: 'warning',
          related: [1],
          notes: ['the previous attempt, answered a 500'],
          message: ['(#1)', 'this is attempt 3; if an earlier one was processed, it is now processed again'],
        },
        {
          on: 3,
          severity: 'warning',
          related: [2],
          notes: ['the previous attempt, answered a 500'],
          message: 'this is attempt 4',
        },
      ],
    },
    {
      name: 'a failure with another body starts the count again',
      sequence: [
        post(0, { status: 500 }),
        post(500, { status: 500, requestBody: '{"amount":200}' }),
        post(1000, { requestBody: '{"amount":200}' }),
      ],
      findings: [{ on: 2, severity: 'warning', related: [1], notes: ['the first attempt'] }],
    },
    {
      // Recorded request headers none of which a session rule reads: a session view (batches,
      // workers) must still say they were recorded, or --jobs would change the report.
      name: 'POST retried after a 502, its only recorded header one no rule reads',
      sequence: [
        post(0, { status: 502, requestHeaders: { 'X-Client': 'shop/1.2' } }),
        post(500, { requestHeaders: { 'X-Client': 'shop/1.2' } }),
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: ['after a 502', 'Idempotency-Key'] }],
    },
    {
      name: 'PATCH retried after a timeout',
      sequence: [
        post(0, { method: 'PATCH', status: 0, failure: 'net::ERR_TIMED_OUT' }),
        post(30_000, { method: 'PATCH' }),
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'a timeout (net::ERR_TIMED_OUT)' }],
    },
    {
      name: 'near miss: exactly at the end of the window',
      options: { windowMs: 1000 },
      sequence: [post(0, { status: 500 }), post(1100)],
      findings: [{ on: 1, severity: 'warning', related: [0] }],
    },
    {
      // The server answered (CORP said no to this page): it did the work, the page never saw
      // the answer, and a retry does it again.
      name: 'POST retried after its answer was withheld by the browser (CORP)',
      sequence: [post(0, { status: 0, failure: 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin' }), post(500)],
      findings: [
        {
          on: 1,
          severity: 'warning',
          related: [0],
          message: 'after a response the browser withheld (net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin)',
        },
      ],
    },
    {
      name: 'POST retried after Opaque Response Blocking withheld its answer',
      sequence: [post(0, { status: 0, failure: 'net::ERR_BLOCKED_BY_ORB' }), post(500)],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'if the first attempt was processed' }],
    },
    {
      name: 'a 408 request timeout',
      sequence: [post(0, { status: 408 }), post(200)],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'a timeout (408)' }],
    },
  ],
});
