import rule from '../../../../src/core/rules/problem/shape';
import { ruleTester } from '../../../helpers/ruleTester';
import { aspNetValidationProblem, xmlProblem } from './aspnet';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

ruleTester(rule, {
  valid: [
    { name: "ASP.NET Core's ValidationProblemDetails", ...aspNetValidationProblem },
    { name: 'problem+xml body is not read as JSON', ...xmlProblem },
    {
      name: 'every standard member well typed',
      status: 403,
      headers: PROBLEM,
      body: {
        type: 'https://example.com/probs/out-of-credit',
        title: 'You do not have enough credit.',
        status: 403,
        detail: 'Your current balance is 30, but that costs 50.',
        instance: '/account/12345/msgs/abc',
        balance: 30,
      },
    },
    { name: 'empty object', status: 400, headers: PROBLEM, body: {} },
    {
      name: 'bad types but served as application/json',
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: { title: 5, status: '400' },
    },
    { name: 'unknown body', status: 400, headers: PROBLEM },
    { name: 'invalid JSON is left to the JSON rules', status: 400, headers: PROBLEM, body: '{"title": ' },
    {
      name: '__proto__ key holding bad types is just an extension member',
      status: 404,
      headers: PROBLEM,
      body: '{"__proto__": {"title": 5}, "title": "Not Found"}',
    },
  ],
  invalid: [
    {
      name: 'array body',
      status: 400,
      headers: PROBLEM,
      body: [{ title: 'Bad Request' }],
      findings: [{ severity: 'error', message: ['array of 1 item', 'not a JSON object'] }],
    },
    {
      name: 'string body',
      status: 500,
      headers: PROBLEM,
      body: '"oops"',
      findings: [{ severity: 'error', message: ['"oops"', 'not a JSON object'] }],
    },
    {
      name: 'title is a number',
      status: 400,
      headers: PROBLEM,
      body: { title: 42 },
      findings: [{ severity: 'error', pointer: '/title', message: ['"title"', 'number (42)'] }],
    },
    {
      name: 'status is a string',
      status: 404,
      headers: PROBLEM,
      body: { status: '404' },
      findings: [{ severity: 'error', pointer: '/status', message: ['"status"', '"404"', 'integer'] }],
    },
    {
      name: 'status is a fraction',
      status: 404,
      headers: PROBLEM,
      body: { status: 404.5 },
      findings: [{ severity: 'error', pointer: '/status', message: '404.5' }],
    },
    {
      name: 'several members wrong, in member order',
      status: 400,
      headers: PROBLEM,
      body: { type: null, detail: ['a'], instance: { href: '/x' } },
      findings: [
        { severity: 'error', pointer: '/type', message: ['"type"', 'null'] },
        { severity: 'error', pointer: '/detail', message: ['"detail"', 'array'] },
        { severity: 'error', pointer: '/instance', message: ['"instance"', 'object'] },
      ],
    },
  ],
});
