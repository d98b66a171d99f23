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
        {
          severity: 'warning',
          pointer: '/errors/Name/1',
          message: '2 messages in "errors" are not strings: /errors/Name/1 and /errors/a~1b/0',
        },
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
        // A lone fault keeps its own finding; two of another kind are one finding.
        { severity: 'warning', pointer: '/errors/0', message: ['errors[0]', '"age is wrong"'] },
        {
          severity: 'warning',
          pointer: '/errors/1',
          message:
            '2 entries of "errors" have no "detail", "title" or "pointer" string: /errors/1 and /errors/2',
        },
      ],
    },
    {
      name: 'three items that are not objects: one finding that counts them and names all three',
      status: 422,
      headers: PROBLEM,
      body: { errors: [{ detail: 'ok' }, null, 4, 'x'] },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/1',
          message: '3 entries of "errors" are not error objects: /errors/1, /errors/2 and /errors/3',
        },
      ],
    },
    {
      name: 'a flood of bad items is one finding, the first three named and the rest counted',
      status: 422,
      headers: PROBLEM,
      body: { errors: Array.from({ length: 25 }, () => null) },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/0',
          message:
            '25 entries of "errors" are not error objects: /errors/0, /errors/1, /errors/2 and 22 more',
        },
      ],
    },
    {
      name: 'a flood of bad messages in a field map is one finding too',
      status: 400,
      headers: PROBLEM,
      body: { errors: { Tags: Array.from({ length: 22 }, (_, i) => i) } },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/Tags/0',
          message:
            '22 messages in "errors" are not strings: /errors/Tags/0, /errors/Tags/1, /errors/Tags/2 and 19 more',
        },
      ],
    },
    {
      name: 'fields whose messages are not arrays, and messages that are not strings, stay apart',
      status: 400,
      headers: PROBLEM,
      body: { errors: { Age: 'too low', Name: [1], Email: { x: 1 }, City: 'unknown' } },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/Age',
          message:
            '3 fields of "errors" are not arrays of message strings: /errors/Age, /errors/Email and /errors/City',
        },
        {
          severity: 'warning',
          pointer: '/errors/Name/0',
          message: 'errors["Name"][0] is a number (1), not a message string',
        },
      ],
    },
  ],
});
