import rule from '../../../../src/core/rules/problem/title-detail';
import { ruleTester } from '../../../helpers/ruleTester';
import { aspNetValidationProblem, xmlProblem } from './aspnet';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

ruleTester(rule, {
  valid: [
    { name: 'HEAD error has no body to hold problem details', method: 'HEAD', status: 404, body: null },
    { name: 'an unseen body is not judged', status: 500 },
    { name: 'an empty success', status: 200, body: null },
    {
      name: 'both present',
      status: 404,
      headers: PROBLEM,
      body: { title: 'Not Found', detail: 'No order 42' },
    },
    { name: 'not problem+json', status: 404, headers: { 'Content-Type': 'application/json' }, body: {} },
    { name: 'array body is problem/shape territory', status: 400, headers: PROBLEM, body: [] },
    { name: 'unknown body', status: 400, headers: PROBLEM },
    { name: "ASP.NET Core's validation problem: errors stands in for detail", ...aspNetValidationProblem },
    {
      name: 'an RFC 9457 style errors array stands in for detail',
      status: 422,
      headers: PROBLEM,
      body: { title: 'Invalid request', errors: [{ detail: 'must be positive', pointer: '#/age' }] },
    },
    { name: 'problem+xml body is not read', ...xmlProblem },
  ],
  invalid: [
    {
      // Issue #13 item 7: "all error responses contain title and detail" is broken by an empty one.
      name: 'an error with no content',
      status: 500,
      body: null,
      findings: [{ severity: 'warning', message: ['500 error has no content', '"title" or "detail"'] }],
    },
    {
      name: 'an error whose body is only whitespace',
      status: 404,
      body: '  \n',
      findings: [{ severity: 'warning', message: ['404 error has no content'] }],
    },
    {
      name: 'errors never stands in for title',
      status: 400,
      headers: PROBLEM,
      body: { errors: { Name: ['The Name field is required.'] } },
      findings: [{ severity: 'warning', message: '"title"' }],
    },
    {
      name: 'an empty errors member explains nothing',
      status: 400,
      headers: PROBLEM,
      body: { title: 'Bad Request', errors: { Name: [] } },
      findings: [{ severity: 'warning', message: '"detail"' }],
    },
    {
      name: 'a malformed errors member does not stand in for detail',
      status: 400,
      headers: PROBLEM,
      body: { title: 'Bad Request', errors: { Name: 'required' } },
      findings: [{ severity: 'warning', message: '"detail"' }],
    },
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
