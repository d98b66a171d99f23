import rule from '../../../../src/core/rules/http/retry-after';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '429 with Retry-After seconds', status: 429, headers: { 'Retry-After': '30' } },
    {
      name: '429 with lower-case retry-after date',
      status: 429,
      headers: { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' },
    },
    { name: '429 with RateLimit-Reset', status: 429, headers: { 'RateLimit-Reset': '12' } },
    { name: '429 with structured RateLimit', status: 429, headers: { RateLimit: '"default";r=0;t=30' } },
    { name: '429 with X-RateLimit-Reset', status: 429, headers: { 'X-RATELIMIT-RESET': '1700000000' } },
    {
      name: '429 with Twitter/X X-Rate-Limit-Reset',
      status: 429,
      headers: {
        'x-rate-limit-limit': '900',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': '1767225600',
      },
    },
    {
      name: '429 with Discord X-RateLimit-Reset-After',
      status: 429,
      headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '1.25' },
    },
    {
      name: '429 with OpenAI x-ratelimit-reset-requests',
      status: 429,
      headers: { 'x-ratelimit-reset-requests': '6m0s' },
    },
    {
      name: '429 with CrowdStrike X-RateLimit-RetryAfter (a Unix time) beside X-RateLimit-Remaining: 0',
      status: 429,
      headers: {
        'X-RateLimit-Limit': '15',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-RetryAfter': '1687528260',
      },
    },
    {
      name: '429 with X-Rate-Limit-Retry-After seconds',
      status: 429,
      headers: { 'X-Rate-Limit-Retry-After': '2' },
    },
    { name: '503 with Retry-After', status: 503, headers: { 'Retry-After': '120' }, resourceType: 'fetch' },
    {
      name: "a page's image answered 503 without Retry-After: no client backs off by it (pagexray_304-503.har)",
      status: 503,
      resourceType: 'image',
      headers: { 'Content-Type': 'text/html' },
    },
    {
      name: 'a navigation answered 503 without Retry-After',
      status: 503,
      resourceType: 'document',
      headers: { 'Content-Type': 'text/html' },
    },
    {
      name: 'a 503 HTML answer of unknown kind (a Firefox or Charles capture) that asked for an image',
      status: 503,
      headers: { 'Content-Type': 'text/html' },
      requestHeaders: { Accept: 'image/avif,image/webp,*/*' },
    },
    {
      name: '503 with an obsolete RFC 850 date, which recipients must accept',
      status: 503,
      headers: { 'Retry-After': 'Wednesday, 21-Oct-26 07:28:00 GMT' },
    },
    { name: '0 seconds', status: 429, headers: { 'Retry-After': '0' } },
    { name: 'valid Retry-After on a redirect', status: 301, headers: { 'Retry-After': '3600' } },
    { name: '500 without Retry-After', status: 500 },
    { name: 'status 0', status: 0, failure: 'net::ERR_CONNECTION_REFUSED' },
    {
      name: '429 with RateLimit-Reset of a spent quota (RateLimit-Remaining: 0)',
      status: 429,
      headers: { 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30' },
    },
    {
      name: '429 with Discord X-RateLimit-Reset-After beside X-RateLimit-Remaining: 0',
      status: 429,
      headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '1.25' },
    },
    {
      name: '429 whose request quota is spent though tokens are left (OpenAI): that reset is the hint',
      status: 429,
      headers: {
        'x-ratelimit-remaining-tokens': '35000',
        'x-ratelimit-reset-tokens': '6m0s',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '1s',
      },
    },
    {
      name: '429 with Retry-After beside the reset of a quota that is not spent',
      status: 429,
      headers: { 'Retry-After': '60', 'RateLimit-Remaining': '1990', 'RateLimit-Reset': '1678722999' },
    },
  ],
  invalid: [
    {
      name: '429 with no hint',
      status: 429,
      findings: [{ severity: 'warning', message: ['429', 'Retry-After'] }],
    },
    {
      name: '429 with only RateLimit-Remaining',
      status: 429,
      headers: { 'RateLimit-Remaining': '0' },
      findings: [{ severity: 'warning', message: '429' }],
    },
    {
      name: '429 with only X-Rate-Limit-Remaining (no reset)',
      status: 429,
      headers: { 'X-Rate-Limit-Remaining': '0', 'X-RateLimit-Resetting': 'yes' },
      findings: [{ severity: 'warning', message: '429' }],
    },
    {
      name: 'GitLab: a 429 whose RateLimit-* headers are of a global quota with 1990 of 2000 left',
      status: 429,
      headers: {
        'ratelimit-observed': '10',
        'ratelimit-remaining': '1990',
        'ratelimit-reset': '1678722999',
        'ratelimit-resettime': 'Mon, 13 Mar 2023 15:56:39 GMT',
        'ratelimit-limit': '2000',
      },
      findings: [
        {
          severity: 'warning',
          message: [
            '429 Too Many Requests has no Retry-After',
            'ratelimit-reset is not when this 429 lifts',
            'not spent (ratelimit-remaining: 1990)',
          ],
        },
      ],
    },
    {
      name: '429 whose only reset is of a quota with requests left (X-RateLimit-Remaining-Requests: 10)',
      status: 429,
      headers: { 'X-RateLimit-Remaining-Requests': '10', 'X-RateLimit-Reset-Requests': '2s' },
      findings: [{ severity: 'warning', message: 'X-RateLimit-Remaining-Requests: 10' }],
    },
    {
      name: '429 with a structured RateLimit whose every policy has quota left',
      status: 429,
      headers: { RateLimit: '"day";r=500;t=3600, "minute";r=3;t=20' },
      findings: [{ severity: 'warning', message: 'RateLimit: "day";r=500;t=3600' }],
    },
    {
      name: '429 with Retry-After: soon',
      status: 429,
      headers: { 'Retry-After': 'soon' },
      findings: [
        {
          severity: 'warning',
          message: ['Retry-After: soon', 'neither a number of seconds nor an HTTP-date'],
        },
      ],
    },
    {
      name: 'invalid Retry-After is reported even beside a valid reset header',
      status: 429,
      headers: { 'Retry-After': '1.5', 'X-RateLimit-Reset': '1767225600' },
      findings: [{ severity: 'warning', message: 'Retry-After: 1.5' }],
    },
    {
      name: '503 with a negative Retry-After is a warning, not the info for a missing one',
      status: 503,
      headers: { 'Retry-After': '-1' },
      findings: [{ severity: 'warning', message: ['503', 'Retry-After: -1'] }],
    },
    {
      name: 'empty Retry-After',
      status: 503,
      headers: { 'Retry-After': '' },
      findings: [{ severity: 'warning', message: 'an empty Retry-After' }],
    },
    {
      name: 'date in ISO 8601 instead of an HTTP-date',
      status: 429,
      headers: { 'Retry-After': '2026-10-21T07:28:00Z' },
      findings: [{ severity: 'warning', message: '2026-10-21T07:28:00Z' }],
    },
    {
      name: 'a long invalid value is cut short',
      status: 503,
      headers: { 'Retry-After': 'x'.repeat(500) },
      findings: [{ severity: 'warning', message: 'x'.repeat(59) + '…' }],
    },
    {
      name: 'a fetch answered 503 with no Retry-After is info',
      status: 503,
      resourceType: 'fetch',
      findings: [{ severity: 'info', message: ['503', 'Retry-After'] }],
    },
    {
      name: 'a 503 JSON answer of unknown kind (no recorded resource type) is an API call: info',
      status: 503,
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'maintenance' },
      findings: [{ severity: 'info', message: '503' }],
    },
    {
      name: '503 with only a RateLimit header is still info',
      status: 503,
      resourceType: 'xhr',
      headers: { 'RateLimit-Reset': '5' },
      findings: [{ severity: 'info', message: '503' }],
    },
    {
      name: "a page's image with an invalid Retry-After still warns: no client can read it",
      status: 503,
      resourceType: 'image',
      headers: { 'Retry-After': 'soon' },
      findings: [{ severity: 'warning', message: 'Retry-After: soon' }],
    },
    {
      name: "a page's image answered 429 with no hint still warns",
      status: 429,
      resourceType: 'image',
      findings: [{ severity: 'warning', message: '429' }],
    },
  ],
});
