import rule from '../../../../src/core/rules/http/status-unregistered';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '200', status: 200 },
    { name: '422', status: 422 },
    { name: '103 Early Hints', status: 103 },
    { name: '104 is a temporary registration (resumable uploads)', status: 104 },
    { name: '418 is registered (as unused)', status: 418 },
    { name: '0 is a failed request, not a status', status: 0, failure: 'net::ERR_CONNECTION_REFUSED' },
    { name: '0 without a failure reason', status: 0 },
  ],
  invalid: [
    {
      name: 'nginx 499',
      status: 499,
      findings: [
        {
          severity: 'info',
          message: ['499 is not a registered status code', 'nginx', 'Client Closed Request'],
        },
      ],
    },
    { name: 'Cloudflare 522', status: 522, findings: [{ severity: 'info', message: ['522', 'Cloudflare'] }] },
    {
      name: 'Laravel 419',
      status: 419,
      findings: [{ severity: 'info', message: ['419', 'Laravel', 'Page Expired'] }],
    },
    { name: 'unknown 452', status: 452, findings: [{ severity: 'warning', message: ['452', 'plain 400'] }] },
    { name: 'unknown 299', status: 299, findings: [{ severity: 'warning', message: ['299', 'plain 200'] }] },
    { name: 'unknown 100-range 150', status: 150, findings: [{ severity: 'warning', message: '150' }] },
    {
      name: '99 is below the range',
      status: 99,
      findings: [{ severity: 'error', message: ['99', '100–599'] }],
    },
    { name: '600 is above the range', status: 600, findings: [{ severity: 'error', message: '600' }] },
    { name: '999', status: 999, findings: [{ severity: 'error', message: '999' }] },
    { name: 'negative status', status: -1, findings: [{ severity: 'error', message: '-1' }] },
    { name: 'non-integer status', status: 200.5, findings: [{ severity: 'error', message: '200.5' }] },
  ],
});
