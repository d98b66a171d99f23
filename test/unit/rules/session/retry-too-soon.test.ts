import rule from '../../../../src/core/rules/session/retry-too-soon';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const url = 'https://api.example.com/v1/search?q=x';
const throttled = (at: number, headers: Record<string, string> = { 'Retry-After': '5' }) => ({
  at,
  url,
  status: 429,
  headers,
  duration: 100,
});

/** The Date every sequence starts at (sessionRuleTester's BASE), and the same instant as a Unix time. */
const DATE = 'Sun, 06 Dec 2026 04:00:00 GMT';
const EPOCH = 1796529600;

/**
 * GitLab's 429 from a per-endpoint limit (j1gitlab_users-429-backoff.har #9): the RateLimit-*
 * headers are its global quota's, with 1990 of 2000 left, so their reset is not when this 429 lifts.
 */
const gitlab = (remaining: string) => ({
  Date: DATE,
  'RateLimit-Limit': '2000',
  'RateLimit-Observed': '10',
  'RateLimit-Remaining': remaining,
  'RateLimit-Reset': String(EPOCH + 60),
  'RateLimit-ResetTime': 'Sun, 06 Dec 2026 04:01:00 GMT',
});

sessionRuleTester(rule, {
  valid: [
    { name: 'retry after exactly Retry-After', sequence: [throttled(0), { at: 5100, url }] },
    { name: 'retry well after Retry-After', sequence: [throttled(0), { at: 9000, url }] },
    {
      name: 'another URL right away is not a retry',
      sequence: [throttled(0), { at: 200, url: 'https://api.example.com/v1/other' }],
    },
    {
      name: 'another method right away is not a retry',
      sequence: [throttled(0), { at: 200, url, method: 'POST' }],
    },
    { name: '429 without any hint gives nothing to measure', sequence: [throttled(0, {}), { at: 200, url }] },
    {
      name: 'Retry-After: 0 allows an immediate retry',
      sequence: [throttled(0, { 'Retry-After': '0' }), { at: 150, url }],
    },
    {
      name: 'a 500 with Retry-After is not a throttling answer',
      sequence: [
        { ...throttled(0), status: 500 },
        { at: 200, url },
      ],
    },
    {
      // j1auth0_users-429-ratelimit-reset.har #14: X-RateLimit-Reset is when Auth0's bucket is
      // full again, and the retry 3.8 s before it was let through.
      name: 'early against a quota reset, but answered 200: the bucket let it through',
      sequence: [
        throttled(0, { 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '10' }),
        { at: 6_000, url },
      ],
    },
    {
      name: 'exactly at the reset of RateLimit-Reset',
      sequence: [throttled(0, { 'RateLimit-Reset': '2' }), { at: 2100, url, status: 429 }],
    },
    {
      name: 'an image throttled and loaded again with the next page load is not a client retry',
      sequence: [
        { ...throttled(0), resourceType: 'image' },
        { at: 150, url, resourceType: 'image' },
      ],
    },
    {
      name: 'a page reloaded after a 503 maintenance page (no recorder type: Sec-Fetch-Dest says document)',
      sequence: [
        {
          ...throttled(0, { 'Retry-After': '120' }),
          status: 503,
          requestHeaders: { 'Sec-Fetch-Dest': 'document' },
        },
        { at: 2000, url, requestHeaders: { 'Sec-Fetch-Dest': 'document' } },
      ],
    },
    {
      name: 'a reset of a quota that is not spent (RateLimit-Remaining: 1990) is not when the 429 lifts',
      sequence: [throttled(0, gitlab('1990')), { at: 30_000, url, status: 429 }],
    },
    {
      name: 'the same for X-RateLimit-Reset beside X-RateLimit-Remaining above 0',
      sequence: [
        throttled(0, { 'X-RateLimit-Reset': '10', 'X-RateLimit-Remaining': '4' }),
        { at: 1000, url, status: 429 },
      ],
    },
    {
      name: 'a Unix-time reset: 23 ms early is the 1-second rounding of the clocks, not a client ignoring it',
      // The 429 arrives at 100 ms; the reset is 60 s after its Date: the retry may start at 60.1 s.
      sequence: [throttled(0, gitlab('0')), { at: 60_077, url, status: 429 }],
    },
    {
      name: 'an HTTP-date Retry-After: half a second early is within its 1-second precision',
      sequence: [
        throttled(0, { 'Retry-After': 'Sun, 06 Dec 2026 04:00:30 GMT', Date: DATE }),
        { at: 29_600, url },
      ],
    },
    {
      name: 'within the tolerance the settings allow',
      options: { toleranceMs: 500 },
      sequence: [throttled(0), { at: 4700, url }],
    },
  ],
  invalid: [
    {
      name: 'retried at once after a 429 with Retry-After',
      sequence: [throttled(0), { at: 150, url }],
      findings: [
        {
          on: 1,
          severity: 'warning',
          related: [0],
          message: ['GET /v1/search?q=x', '4.9 s too early', 'Retry-After: 5', '#0'],
        },
      ],
    },
    {
      name: 'near miss: one millisecond before Retry-After passed',
      sequence: [throttled(0), { at: 5099, url }],
      findings: [{ on: 1, severity: 'warning', related: [0], message: '1 ms too early' }],
    },
    {
      name: '503 with an HTTP-date Retry-After, measured on the server clock',
      sequence: [
        {
          ...throttled(0, {
            'Retry-After': 'Sun, 06 Dec 2026 04:00:30 GMT',
            Date: 'Sun, 06 Dec 2026 04:00:00 GMT',
          }),
          status: 503,
        },
        { at: 10_000, url },
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: ['20 s too early', 'the 503'] }],
    },
    {
      name: 'a rate-limit reset header counts like Retry-After',
      sequence: [throttled(0, { 'X-RateLimit-Reset': '10' }), { at: 1000, url, status: 429 }],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'X-RateLimit-Reset: 10' }],
    },
    {
      name: 'a spent quota (RateLimit-Remaining: 0): its Unix-time reset shown as a time, and how long after the 429 the retry came',
      sequence: [throttled(0, gitlab('0')), { at: 30_000, url, status: 429 }],
      findings: [
        {
          on: 1,
          severity: 'warning',
          related: [0],
          message: [
            '30 s too early',
            `said RateLimit-Reset: 2026-12-06T04:01:00Z (${EPOCH + 60})`,
            'the retry came 30 s after that 429 arrived',
          ],
        },
      ],
    },
    {
      name: 'a reset with no RateLimit-Remaining at all still counts',
      sequence: [
        throttled(0, { 'X-RateLimit-Reset': String(EPOCH + 60), Date: DATE }),
        { at: 30_000, url, status: 429 },
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: '30 s too early' }],
    },
    {
      name: 'a Unix-time reset: more than its 1-second precision early',
      sequence: [throttled(0, gitlab('0')), { at: 58_600, url, status: 429 }],
      findings: [{ on: 1, severity: 'warning', related: [0], message: '1.5 s too early' }],
    },
    {
      name: 'Retry-After counts whatever a RateLimit-Remaining beside it says',
      sequence: [throttled(0, { 'Retry-After': '5', 'RateLimit-Remaining': '1990' }), { at: 150, url }],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'Retry-After: 5' }],
    },
    {
      name: 'the structured RateLimit field: the reset of the policy that ran out',
      sequence: [
        throttled(0, { RateLimit: '"day";r=500;t=3600, "minute";r=0;t=20' }),
        { at: 1000, url, status: 503 },
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: ['19 s too early', 'RateLimit:'] }],
    },
    {
      name: 'early against a quota reset and throttled again',
      sequence: [
        throttled(0, { 'X-RateLimit-Limit': '2', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '10' }),
        { at: 6_000, url, status: 429 },
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: '4.1 s too early' }],
    },
    {
      // A45 (CrowdStrike): X-RateLimit-RetryAfter is a time to retry at, like Retry-After: early
      // is early whatever the answer.
      name: 'early against X-RateLimit-RetryAfter (a Unix time), though answered 200',
      sequence: [
        throttled(0, {
          Date: DATE,
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-RetryAfter': String(EPOCH + 2),
        }),
        { at: 500, url },
      ],
      findings: [
        {
          on: 1,
          severity: 'warning',
          related: [0],
          message: `said X-RateLimit-RetryAfter: 2026-12-06T04:00:02Z (${EPOCH + 2})`,
        },
      ],
    },
    {
      name: 'each throttling answer gets its own finding',
      sequence: [throttled(0), { ...throttled(200) }, { at: 400, url }],
      findings: [
        { on: 1, severity: 'warning', related: [0] },
        { on: 2, severity: 'warning', related: [1] },
      ],
    },
  ],
});
