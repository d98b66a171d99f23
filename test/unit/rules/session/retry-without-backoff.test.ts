import rule from '../../../../src/core/rules/session/retry-without-backoff';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const url = 'https://api.example.com/v1/orders';
/** Attempts at these times (ms), each answered `status` after 100 ms. */
const attempts = (times: number[], status = 503, last?: number) =>
  times.map((at, i) => ({
    at,
    url,
    duration: 100,
    status: i === times.length - 1 && last !== undefined ? last : status,
  }));

sessionRuleTester(rule, {
  valid: [
    { name: 'exponential backoff: 1 s, 2 s, 4 s', sequence: attempts([0, 1100, 3200, 7300]) },
    { name: 'near miss: the last gap grows by exactly half', sequence: attempts([0, 1100, 2200, 3800]) },
    { name: 'two retries are not yet a storm', sequence: attempts([0, 200, 400]) },
    { name: 'retries of a 4xx are not backoff questions', sequence: attempts([0, 200, 400, 600], 404) },
    {
      name: 'a success ends the run',
      sequence: [...attempts([0, 200], 500, 200), ...attempts([400, 600, 800], 500).map((a) => ({ ...a }))],
    },
    {
      name: 'aborted requests were cancelled by the page, not failed',
      sequence: [0, 200, 400, 600].map((at) => ({ at, url, status: 0, failure: 'net::ERR_ABORTED' })),
    },
    ...['net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', 'net::ERR_BLOCKED_BY_ORB'].map((failure) => ({
      // The server answered each time; the browser withholds the answer every time until its
      // headers change: a request to fix, as after a 4xx, not a backoff question.
      name: `retries of an answer the browser withheld (${failure})`,
      sequence: [0, 200, 400, 600].map((at) => ({ at, url, duration: 100, status: 0, failure })),
    })),
    {
      // A real capture (sitespeed.io's chrome-har, nine runs of one page): an image that answered
      // 503 on every run, about 14 s apart, is the page loaded again, not a retry.
      name: 'an image the browser loads again on each page load',
      sequence: [0, 14_800, 28_800, 42_700].map((at) => ({
        at,
        url: 'http://loremflickr.com/672/330/weather?odnWidth=672&odnHeight=330&odnBg=ffffff',
        duration: 200,
        status: 503,
        requestHeaders: { Accept: 'image/webp,image/apng,image/*,*/*;q=0.8' },
        headers: { 'Content-Type': 'text/html; charset=UTF-8' },
      })),
    },
    {
      name: 'Chrome says a stylesheet, whatever its Accept',
      sequence: attempts([0, 200, 400, 600]).map((a) => ({ ...a, resourceType: 'stylesheet' })),
    },
    {
      name: 'more retries asked for in the settings',
      options: { minRetries: 4 },
      sequence: attempts([0, 200, 400, 600]),
    },
  ],
  invalid: [
    {
      name: 'three retries of a 503 every 100 ms',
      sequence: attempts([0, 200, 400, 600]),
      findings: [
        {
          on: 3,
          severity: 'warning',
          related: [0, 1, 2],
          message: ['GET /v1/orders', 'retried 3 times', '100 ms, 100 ms, 100 ms'],
        },
      ],
    },
    {
      name: 'near miss: the same 503s to a fetch() the page made (Chrome says so) are retries',
      sequence: attempts([0, 14_800, 28_800, 42_700]).map((a) => ({
        ...a,
        resourceType: 'fetch',
        requestHeaders: { Accept: 'image/*' },
      })),
      findings: [{ on: 3, severity: 'warning', related: [0, 1, 2] }],
    },
    {
      name: 'near miss: the gaps grow, but by less than half',
      sequence: attempts([0, 1100, 2200, 3700]),
      findings: [{ on: 3, severity: 'warning', related: [0, 1, 2] }],
    },
    {
      name: 'failed requests (connection reset) count, and the retry that finally succeeds completes the run',
      sequence: [
        ...[0, 200, 400].map((at) => ({
          at,
          url,
          duration: 100,
          status: 0,
          failure: 'net::ERR_CONNECTION_RESET',
        })),
        { at: 600, url, duration: 100, status: 200 },
      ],
      findings: [{ on: 3, severity: 'warning', related: [0, 1, 2] }],
    },
    {
      name: 'reported once per run',
      sequence: attempts([0, 200, 400, 600, 800, 1000]),
      findings: [{ on: 3, severity: 'warning', related: [0, 1, 2] }],
    },
  ],
});
