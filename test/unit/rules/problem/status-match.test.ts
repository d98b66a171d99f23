import rule from '../../../../src/core/rules/problem/status-match';
import { ruleTester } from '../../../helpers/ruleTester';
import { aspNetValidationProblem, xmlProblem } from './aspnet';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

ruleTester(rule, {
  valid: [
    { name: "ASP.NET Core's ValidationProblemDetails", ...aspNetValidationProblem },
    { name: 'problem+xml body is not read as JSON', ...xmlProblem },
    { name: 'same status', status: 404, headers: PROBLEM, body: { status: 404 } },
    { name: 'no status member', status: 404, headers: PROBLEM, body: { title: 'Not Found' } },
    {
      name: 'string status is problem/shape territory',
      status: 404,
      headers: PROBLEM,
      body: { status: '500' },
    },
    {
      name: 'not problem+json',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: { status: 500 },
    },
  ],
  invalid: [
    {
      name: 'body says 500, response says 404',
      status: 404,
      headers: PROBLEM,
      body: { status: 500, title: 'Internal Server Error' },
      findings: [{ severity: 'error', pointer: '/status', message: ['500', '404'] }],
    },
    {
      name: 'problem on a success still compares',
      status: 200,
      headers: PROBLEM,
      body: { status: 400 },
      findings: [{ severity: 'error', pointer: '/status', message: ['400', '200'] }],
    },
  ],
});
