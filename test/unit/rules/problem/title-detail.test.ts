import rule from '../../../../src/core/rules/problem/title-detail';
import { ruleTester } from '../../../helpers/ruleTester';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'both present',
      status: 404,
      headers: PROBLEM,
      body: { title: 'Not Found', detail: 'No order 42' },
    },
    { name: 'not problem+json', status: 404, headers: { 'Content-Type': 'application/json' }, body: {} },
    { name: 'array body is problem/shape territory', status: 400, headers: PROBLEM, body: [] },
    { name: 'unknown body', status: 400, headers: PROBLEM },
  ],
  invalid: [
    {
      name: 'detail missing',
      status: 404,
      headers: PROBLEM,
      body: { title: 'Not Found' },
      findings: [{ severity: 'warning', message: ['404', '"detail"'] }],
    },
    {
      name: 'both missing',
      status: 500,
      headers: PROBLEM,
      body: { type: 'https://example.com/probs/db' },
      findings: [
        { severity: 'warning', message: '"title"' },
        { severity: 'warning', message: '"detail"' },
      ],
    },
    {
      name: 'members hidden under a __proto__ key do not count',
      status: 400,
      headers: PROBLEM,
      body: '{"__proto__": {"title": "Bad Request", "detail": "x"}}',
      findings: [
        { severity: 'warning', message: '"title"' },
        { severity: 'warning', message: '"detail"' },
      ],
    },
  ],
});
