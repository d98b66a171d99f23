import rule from '../../../../src/core/rules/session/repeated-client-error';
import { sessionRuleTester, type Step } from '../../../helpers/sessionRuleTester';

const url = 'https://api.example.com/v1/products';
const body = '{"name":"computer","price":"150.99","image":null}';
/** A script's POST answered 400, as A59's form submitted again and again. */
const post = (at: number, extra: Partial<Step> = {}): Step => ({
  at,
  url,
  method: 'POST',
  status: 400,
  resourceType: 'xhr',
  requestHeaders: { 'Content-Type': 'application/json', 'X-Request-Id': `req-${at}` },
  requestBody: body,
  ...extra,
});
const withToken = (token: string) => ({
  requestHeaders: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
});

const accept = { Accept: 'application/json' };

sessionRuleTester(rule, {
  valid: [
    { name: 'near miss: two sends only (one user pressing Submit again)', sequence: [post(0), post(400)] },
    {
      name: 'near miss: the body changed between sends',
      sequence: [
        post(0),
        post(400),
        post(800, { requestBody: '{"name":"computer","price":"150.99","image":"/a.jpeg"}' }),
      ],
    },
    {
      name: 'near miss: another URL',
      sequence: [post(0), post(400), post(800, { url: `${url}/uploads` })],
    },
    {
      name: 'near miss: 429, whose retry session/retry-too-soon judges',
      sequence: [post(0, { status: 429 }), post(400, { status: 429 }), post(800, { status: 429 })],
    },
    {
      name: 'near miss: another 4xx the third time',
      sequence: [post(0), post(400), post(800, { status: 422 })],
    },
    {
      name: 'a success in between ends the run',
      sequence: [post(0), post(400), post(800, { status: 201 }), post(1200)],
    },
    {
      name: 'the Content-Type was fixed after 415s',
      sequence: [
        post(0, { status: 415, requestHeaders: { 'Content-Type': 'text/plain' } }),
        post(400, { status: 415, requestHeaders: { 'Content-Type': 'text/plain' } }),
        post(800, { status: 415 }),
      ],
    },
    {
      name: '401 retried with another token each time',
      sequence: [
        post(0, { status: 401, ...withToken('a') }),
        post(400, { status: 401, ...withToken('b') }),
        post(800, { status: 401, ...withToken('c') }),
      ],
    },
    {
      // A sanitized HAR (the DevTools default) drops Authorization and Cookie: tries with other
      // tokens would look alike, so a refusal about credentials needs one to compare.
      name: '401s with no credential recorded',
      sequence: [post(0, { status: 401 }), post(400, { status: 401 }), post(800, { status: 401 })],
    },
    {
      // j1azure_graph-403-retries.har (A41): Polly.JS writes "[REDACTED]" for every token, and so
      // does the panel's HAR export; a client refreshing its token would look unchanged.
      name: '403s whose credentials the recorder redacted',
      sequence: [0, 500, 1000].map((at) => post(at, { status: 403, ...withToken('[REDACTED]') })),
    },
    {
      name: '403 that says when to try again (a secondary rate limit)',
      sequence: [0, 400, 800].map((at) =>
        post(at, { status: 403, headers: { 'Retry-After': '60' }, ...withToken('a') }),
      ),
    },
    {
      name: '404 of a GET waiting for a job result to appear',
      sequence: [0, 2000, 4000].map((at) => ({
        at,
        url: 'https://api.example.com/jobs/7/result',
        status: 404,
        requestHeaders: accept,
      })),
    },
    {
      name: '409 of a resource another client holds',
      sequence: [post(0, { status: 409 }), post(400, { status: 409 }), post(800, { status: 409 })],
    },
    {
      name: '408 and 425 invite the retry',
      sequence: [
        post(0, { status: 408 }),
        post(400, { status: 408 }),
        post(800, { status: 408 }),
        post(900, { status: 425 }),
        post(1000, { status: 425 }),
        post(1100, { status: 425 }),
      ],
    },
    {
      name: "the browser's own loads (an image reloaded with the page)",
      sequence: [0, 400, 800].map((at) => ({
        at,
        url: 'https://example.com/missing.png',
        status: 400,
        resourceType: 'image',
        requestHeaders: accept,
      })),
    },
    {
      name: 'no request headers recorded: nothing to compare',
      sequence: [0, 400, 800].map((at) => post(at, { requestHeaders: [] })),
    },
  ],
  invalid: [
    {
      // A59 (express_upload-400-repeats-base64-jpeg.har): #13–#18, 0.4–1.6 s apart.
      name: 'the same POST answered 400 three times, request ids aside',
      sequence: [post(0), post(1600), post(2100)],
      findings: [
        {
          on: 2,
          severity: 'warning',
          message: [
            'POST /v1/products was sent 3 times unchanged in 2.1 s',
            // No credential was sent: the message claims none.
            'in 2.1 s (the same body and content headers) and answered 400 each time',
          ],
          related: [0, 1],
          notes: ['first send, answered 400', 'sent again, answered 400'],
        },
      ],
    },
    {
      name: 'reported once per run, and again after the request changed and was repeated',
      sequence: [
        post(0),
        post(100),
        post(200),
        post(300),
        post(400, { requestBody: '{}' }),
        post(500, { requestBody: '{}' }),
        post(600, { requestBody: '{}' }),
      ],
      findings: [
        { on: 2, severity: 'warning', message: '3 times', related: [0, 1] },
        { on: 6, severity: 'warning', message: '3 times', related: [4, 5] },
      ],
    },
    {
      // A59 goes on to six sends (#13–#18): one finding, on the third, whose count is the sends
      // so far (all that is known when it is made); the fourth to sixth report nothing more.
      name: 'a run that goes on past the threshold: one finding, on the send that completes it',
      sequence: [0, 400, 800, 1200, 1600, 2000].map((at) => post(at)),
      findings: [
        {
          on: 2,
          severity: 'warning',
          message: 'was sent 3 times unchanged in 800 ms',
          related: [0, 1],
          notes: ['first send, answered 400', 'sent again, answered 400'],
        },
      ],
    },
    {
      // As session/retry-without-backoff names its attempts: the first ones, then the latest.
      name: 'a raised threshold names the first sends and the latest before the finding',
      options: { minSends: 16 },
      sequence: Array.from({ length: 18 }, (_, i) => post(i * 100)),
      findings: [
        {
          on: 15,
          severity: 'warning',
          message: 'was sent 16 times unchanged in 1.5 s',
          related: [0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14],
        },
      ],
    },
    {
      name: 'the threshold is an option',
      options: { minSends: 2 },
      sequence: [post(0), post(400)],
      findings: [{ on: 1, severity: 'warning', message: 'sent 2 times', related: [0] }],
    },
    {
      name: 'a 401 sent again with the same token',
      sequence: [0, 300, 600].map((at) => post(at, { status: 401, ...withToken('expired') })),
      findings: [
        {
          on: 2,
          severity: 'warning',
          message: '(the same body, credentials and content headers) and answered 401 each time',
          related: [0, 1],
        },
      ],
    },
    {
      name: 'a 412 sent again with the same stale If-Match',
      sequence: [0, 300, 600].map((at) =>
        post(at, {
          method: 'PUT',
          status: 412,
          requestHeaders: { 'Content-Type': 'application/json', 'If-Match': '"v1"' },
        }),
      ),
      findings: [
        { on: 2, severity: 'warning', message: 'PUT /v1/products was sent 3 times', related: [0, 1] },
      ],
    },
    {
      name: 'a GET without a body, other requests in between',
      sequence: [
        { at: 0, url: 'https://api.example.com/search?q=', status: 400, requestHeaders: accept },
        { at: 100, url: 'https://api.example.com/me', requestHeaders: accept },
        { at: 200, url: 'https://api.example.com/search?q=', status: 400, requestHeaders: accept },
        { at: 300, url: 'https://api.example.com/search?q=', status: 400, requestHeaders: accept },
      ],
      findings: [
        {
          on: 3,
          severity: 'warning',
          message: ['GET /search?q= was sent 3 times unchanged in 300 ms (the same content headers)'],
          related: [0, 2],
        },
      ],
    },
  ],
});
