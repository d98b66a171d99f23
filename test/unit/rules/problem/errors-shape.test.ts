import rule from '../../../../src/core/rules/problem/errors-shape';
import { ruleTester } from '../../../helpers/ruleTester';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'RFC 9457 style validation errors',
      status: 422,
      headers: PROBLEM,
      body: {
        title: 'Your request is not valid.',
        errors: [
          { detail: 'must be a positive integer', pointer: '#/age' },
          { title: 'Bad colour' },
          { pointer: '#/profile/color' },
        ],
      },
    },
    { name: 'empty errors array', status: 400, headers: PROBLEM, body: { errors: [] } },
    { name: 'no errors member', status: 400, headers: PROBLEM, body: { title: 'Bad Request' } },
    {
      name: 'not problem+json',
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: { errors: 'x' },
    },
  ],
  invalid: [
    {
      name: 'errors as an object',
      status: 400,
      headers: PROBLEM,
      body: { errors: { age: 'must be positive' } },
      findings: [
        { severity: 'warning', pointer: '/errors', message: ['"errors"', 'object', 'not an array'] },
      ],
    },
    {
      name: 'errors as a string',
      status: 400,
      headers: PROBLEM,
      body: { errors: 'age is wrong' },
      findings: [{ severity: 'warning', pointer: '/errors', message: '"age is wrong"' }],
    },
    {
      name: 'items that are not useful error objects',
      status: 422,
      headers: PROBLEM,
      body: { errors: ['age is wrong', { code: 17 }, { detail: 5 }, { detail: 'ok' }] },
      findings: [
        { severity: 'warning', pointer: '/errors/0', message: ['errors[0]', '"age is wrong"'] },
        {
          severity: 'warning',
          pointer: '/errors/1',
          message: ['errors[1]', 'no "detail", "title" or "pointer"'],
        },
        { severity: 'warning', pointer: '/errors/2', message: 'errors[2]' },
      ],
    },
    {
      name: 'a flood of bad items is capped with a summary',
      status: 422,
      headers: PROBLEM,
      body: { errors: Array.from({ length: 25 }, () => null) },
      findings: [
        ...Array.from({ length: 20 }, (_, i) => ({
          severity: 'warning' as const,
          pointer: `/errors/${i}`,
          message: [`errors[${i}]`, 'null'],
        })),
        { severity: 'warning', message: '5 more' },
      ],
    },
  ],
});
