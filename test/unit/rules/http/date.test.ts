import rule from '../../../../src/core/rules/http/date';
import { ruleTester } from '../../../helpers/ruleTester';

const date = 'Tue, 15 Nov 1994 08:12:31 GMT';

ruleTester(rule, {
  valid: [
    { name: '200 with Date', status: 200, headers: { Date: date } },
    { name: 'lower-case date header', status: 404, headers: { date } },
    { name: '101 without Date', status: 101 },
    { name: '500 without Date', status: 500 },
    { name: 'status 0', status: 0, failure: 'net::ERR_FAILED' },
  ],
  invalid: [
    { name: '200 without Date', status: 200, findings: [{ severity: 'warning', message: ['200', 'Date'] }] },
    { name: '301 without Date', status: 301, findings: [{ severity: 'warning', message: '301' }] },
    { name: '499 without Date', status: 499, findings: [{ severity: 'warning', message: '499' }] },
    {
      name: 'empty Date',
      status: 204,
      headers: { Date: ' ' },
      findings: [{ severity: 'warning', message: '204' }],
    },
  ],
});
