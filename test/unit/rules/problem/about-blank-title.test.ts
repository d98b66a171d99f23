import rule from '../../../../src/core/rules/problem/about-blank-title';
import { ruleTester } from '../../../helpers/ruleTester';
import { aspNetValidationProblem, xmlProblem } from './aspnet';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

ruleTester(rule, {
  valid: [
    { name: "ASP.NET Core's ValidationProblemDetails", ...aspNetValidationProblem },
    { name: 'problem+xml body is not read as JSON', ...xmlProblem },
    { name: 'reason phrase, type absent', status: 404, headers: PROBLEM, body: { title: 'Not Found' } },
    { name: 'case and spaces do not matter', status: 404, headers: PROBLEM, body: { title: ' not found ' } },
    {
      name: 'explicit about:blank',
      status: 400,
      headers: PROBLEM,
      body: { type: 'about:blank', title: 'Bad Request' },
    },
    { name: '422 former name', status: 422, headers: PROBLEM, body: { title: 'Unprocessable Entity' } },
    { name: '422 current name', status: 422, headers: PROBLEM, body: { title: 'Unprocessable Content' } },
    { name: '413 former name', status: 413, headers: PROBLEM, body: { title: 'Payload Too Large' } },
    {
      name: 'own type, own title',
      status: 403,
      headers: PROBLEM,
      body: { type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.' },
    },
    { name: 'no title', status: 404, headers: PROBLEM, body: { detail: 'gone' } },
    {
      name: 'unregistered status has no phrase to compare',
      status: 499,
      headers: PROBLEM,
      body: { title: 'Closed' },
    },
    {
      name: 'not problem+json',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: { title: 'x' },
    },
  ],
  invalid: [
    {
      name: 'custom title without a type',
      status: 404,
      headers: PROBLEM,
      body: { title: 'Resource missing' },
      findings: [
        {
          severity: 'info',
          pointer: '/title',
          message: ['"Resource missing"', '404', '"Not Found"', 'absent'],
        },
      ],
    },
    {
      name: 'custom title with about:blank',
      status: 400,
      headers: PROBLEM,
      body: { type: 'about:blank', title: 'Validation failed' },
      findings: [
        {
          severity: 'info',
          pointer: '/title',
          message: ['"Validation failed"', '"Bad Request"', 'about:blank'],
        },
      ],
    },
    {
      name: 'a non-string type is ignored, so about:blank applies',
      status: 409,
      headers: PROBLEM,
      body: { type: 7, title: 'Duplicate' },
      findings: [{ severity: 'info', pointer: '/title', message: ['"Duplicate"', '"Conflict"'] }],
    },
  ],
});
