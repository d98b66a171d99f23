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
  ],
  invalid: [
    {
      name: 'problem on a 200',
      status: 200,
      headers: { 'Content-Type': 'application/problem+json' },
      body: { title: 'OK?' },
      findings: [{ severity: 'error', message: ['200', 'application/problem+json'] }],
    },
    {
      name: 'problem header on an empty 204',
      status: 204,
      headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
      body: null,
      findings: [{ severity: 'error', message: '204' }],
    },
  ],
});
