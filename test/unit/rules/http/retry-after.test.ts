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
    { name: '503 with Retry-After', status: 503, headers: { 'Retry-After': '120' } },
    { name: '500 without Retry-After', status: 500 },
    { name: 'status 0', status: 0, failure: 'net::ERR_CONNECTION_REFUSED' },
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
      name: '503 with no Retry-After is info',
      status: 503,
      findings: [{ severity: 'info', message: ['503', 'Retry-After'] }],
    },
    {
      name: '503 with only a RateLimit header is still info',
      status: 503,
      headers: { 'RateLimit-Reset': '5' },
      findings: [{ severity: 'info', message: '503' }],
    },
  ],
});
