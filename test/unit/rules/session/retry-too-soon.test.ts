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
      name: 'exactly at the reset of RateLimit-Reset',
      sequence: [throttled(0, { 'RateLimit-Reset': '2' }), { at: 2100, url }],
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
      sequence: [throttled(0, { 'X-RateLimit-Reset': '10' }), { at: 1000, url }],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'X-RateLimit-Reset: 10' }],
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
