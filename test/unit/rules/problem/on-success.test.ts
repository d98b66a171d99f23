import rule from '../../../../src/core/rules/problem/on-success';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'problem on a 404',
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
      body: {},
    },
    { name: 'JSON on a 200', status: 200, headers: { 'Content-Type': 'application/json' }, body: {} },
    { name: 'problem on a 302', status: 302, headers: { 'Content-Type': 'application/problem+json' } },
    {
      name: 'problem+xml on a 403',
      status: 403,
      headers: { 'Content-Type': 'application/problem+xml' },
      body: '<problem xmlns="urn:ietf:rfc:7807"/>',
    },
  ],
  invalid: [
    {
      name: 'problem on a 200 is a warning, not an error',
      status: 200,
      headers: { 'Content-Type': 'application/problem+json' },
      body: { title: 'OK?' },
      findings: [{ severity: 'warning', message: ['200', 'application/problem+json', 'meant for errors'] }],
    },
    {
      name: 'problem header on an empty 204',
      status: 204,
      headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
      body: null,
      findings: [{ severity: 'warning', message: '204' }],
    },
    {
      name: 'problem+xml on a 201',
      status: 201,
      headers: { 'Content-Type': 'application/problem+xml' },
      body: '<problem xmlns="urn:ietf:rfc:7807"/>',
      findings: [{ severity: 'warning', message: ['201', 'application/problem+xml'] }],
    },
  ],
});
