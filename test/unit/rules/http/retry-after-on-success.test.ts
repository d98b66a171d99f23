import rule from '../../../../src/core/rules/http/retry-after-on-success';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '429 with Retry-After', status: 429, headers: { 'Retry-After': '30' } },
    { name: '503 with Retry-After', status: 503, headers: { 'Retry-After': '120' } },
    {
      name: '301 with Retry-After (RFC 9110: the wait before following the redirect)',
      status: 301,
      headers: { Location: '/new', 'Retry-After': '5' },
    },
    { name: '200 without Retry-After', status: 200, headers: { 'Content-Type': 'application/json' } },
    { name: '204 without Retry-After', status: 204 },
    {
      // The long-running operation pattern: poll Operation-Location no sooner than Retry-After says.
      name: 'near miss: 202 with Retry-After and a status monitor to poll',
      status: 202,
      headers: { 'Operation-Location': '/operations/7', 'Retry-After': '10' },
    },
    {
      // Whether a 202 says where to poll is http/accepted-tracking's question, not this rule's.
      name: 'near miss: 202 with Retry-After and no Location (poll the same URL again)',
      status: 202,
      headers: { 'Retry-After': '10' },
    },
    {
      name: '413 with Retry-After (RFC 9110 §15.5.14: a temporary condition)',
      status: 413,
      headers: { 'Retry-After': '60' },
    },
  ],
  invalid: [
    {
      // Microsoft Graph's delta answers.
      name: '200 with Retry-After: 1209600',
      status: 200,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '1209600' },
      findings: [{ severity: 'info', message: ['200', 'Retry-After: 1209600', '503', '429'] }],
    },
    {
      name: '204 with a Retry-After date, header name in lower case',
      status: 204,
      headers: { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' },
      findings: [{ severity: 'info', message: ['204', 'Retry-After: Wed, 21 Oct 2026 07:28:00 GMT'] }],
    },
    {
      name: '201 with Retry-After: the work is done, there is nothing to come back for',
      method: 'POST',
      status: 201,
      headers: { Location: '/things/7', 'Retry-After': '3' },
      findings: [{ severity: 'info', message: ['201', 'Retry-After: 3'] }],
    },
    {
      name: '200 with an empty Retry-After',
      status: 200,
      headers: { 'Retry-After': ' ' },
      findings: [{ severity: 'info', message: '200 response carries an empty Retry-After' }],
    },
    {
      name: 'a value too long to show whole is clipped',
      status: 200,
      headers: { 'Retry-After': '9'.repeat(200) },
      findings: [{ severity: 'info', message: `Retry-After: ${'9'.repeat(59)}…` }],
    },
  ],
});
