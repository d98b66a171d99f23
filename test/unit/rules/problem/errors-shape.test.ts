import rule from '../../../../src/core/rules/problem/errors-shape';
import { ruleTester } from '../../../helpers/ruleTester';
import { aspNetValidationProblem, xmlProblem } from './aspnet';

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
    { name: "ASP.NET Core's ValidationProblemDetails (field → messages)", ...aspNetValidationProblem },
    {
      name: 'field map with body-level keys ("" and "$") and an empty message list',
      status: 400,
      headers: PROBLEM,
      body: {
        errors: {
          '': ['A non-empty request body is required.'],
          $: ["'x' is an invalid start of a value. Path: $ | LineNumber: 0"],
          Nickname: [],
        },
      },
    },
    { name: 'empty field map', status: 400, headers: PROBLEM, body: { errors: {} } },
    { name: 'problem+xml body is not read', ...xmlProblem },
  ],
  invalid: [
    {
      name: 'field map whose values are bare strings',
      status: 400,
      headers: PROBLEM,
      body: { errors: { age: 'must be positive' } },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/age',
          message: ['"age"', '"must be positive"', 'not an array of message strings'],
        },
      ],
    },
    {
      name: 'field map with a message that is not a string',
      status: 400,
      headers: PROBLEM,
      body: { errors: { Name: ['required', { code: 17 }], 'a/b': [null] } },
      findings: [
        { severity: 'warning', pointer: '/errors/Name/1', message: ['"Name"', '[1]', 'an object'] },
        { severity: 'warning', pointer: '/errors/a~1b/0', message: ['"a/b"', 'null'] },
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
      name: 'errors as null',
      status: 400,
      headers: PROBLEM,
      body: { errors: null },
      findings: [{ severity: 'warning', pointer: '/errors', message: ['null', 'not an array'] }],
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
    {
      name: 'a flood of bad messages in a field map is capped too',
      status: 400,
      headers: PROBLEM,
      body: { errors: { Tags: Array.from({ length: 22 }, (_, i) => i) } },
      findings: [
        ...Array.from({ length: 20 }, (_, i) => ({
          severity: 'warning' as const,
          pointer: `/errors/Tags/${i}`,
          message: `number (${i})`,
        })),
        { severity: 'warning', message: '2 more' },
      ],
    },
  ],
});
