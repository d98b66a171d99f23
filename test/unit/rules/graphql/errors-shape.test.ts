import rule from '../../../../src/core/rules/graphql/errors-shape';
import { ruleTester } from '../../../helpers/ruleTester';

const JSON_CT = { 'Content-Type': 'application/graphql-response+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'a full error as the spec shows it',
      headers: JSON_CT,
      body: {
        data: { hero: null },
        errors: [
          {
            message: 'Name for character with ID 1002 could not be fetched.',
            locations: [{ line: 6, column: 7 }],
            path: ['hero', 'heroFriends', 1, 'name'],
            extensions: { code: 'CAN_NOT_FETCH_BY_ID' },
          },
        ],
      },
    },
    { name: 'message only', headers: JSON_CT, body: { errors: [{ message: 'x' }] } },
  ],
  invalid: [
    {
      name: 'no message',
      headers: JSON_CT,
      body: { errors: [{ code: 'BAD' }] },
      findings: [
        { severity: 'error', pointer: '/errors/0/message', message: ['errors[0].message', 'absent'] },
      ],
    },
    {
      name: 'bad locations, path and extensions',
      headers: JSON_CT,
      body: { errors: [{ message: 'x', locations: [{ line: 0 }], path: 'a.b', extensions: [] }] },
      findings: [
        { severity: 'error', pointer: '/errors/0/locations' },
        { severity: 'error', pointer: '/errors/0/path' },
        { severity: 'error', pointer: '/errors/0/extensions', message: ['an array of 0 items'] },
      ],
    },
    {
      name: 'three errors without a message: one finding that counts them and names all three',
      headers: JSON_CT,
      body: { errors: [{ code: 'A' }, { code: 'B' }, { code: 'C' }] },
      findings: [
        {
          severity: 'error',
          pointer: '/errors/0/message',
          message: '3 errors have no "message": /errors/0/message, /errors/1/message and /errors/2/message',
        },
      ],
    },
    {
      name: 'fifty errors without a message: one finding, the first three named and the rest counted',
      headers: JSON_CT,
      body: { errors: Array.from({ length: 50 }, (_, i) => ({ code: `E${i}` })) },
      findings: [
        {
          severity: 'error',
          pointer: '/errors/0/message',
          message:
            '50 errors have no "message": /errors/0/message, /errors/1/message, /errors/2/message and 47 more',
        },
      ],
    },
    {
      name: 'kinds of fault stay apart, in the order met; a lone one keeps its own finding',
      headers: JSON_CT,
      body: {
        errors: [
          'boom',
          { message: 7, path: 'a.b' },
          { message: 'x', path: 'c' },
          { message: 'y', extensions: [] },
          { message: null },
          'bang',
        ],
      },
      findings: [
        {
          severity: 'error',
          pointer: '/errors/0',
          message: '2 entries of "errors" are not error objects: /errors/0 and /errors/5',
        },
        {
          severity: 'error',
          pointer: '/errors/1/message',
          message: '2 errors have a "message" that is not a string: /errors/1/message and /errors/4/message',
        },
        {
          severity: 'error',
          pointer: '/errors/1/path',
          message:
            '2 errors have a "path" that is not a list of field names and indices: /errors/1/path and /errors/2/path',
        },
        {
          severity: 'error',
          pointer: '/errors/3/extensions',
          message: 'errors[3].extensions is an array of 0 items',
        },
      ],
    },
    {
      name: 'an error that is a string',
      headers: JSON_CT,
      body: { errors: ['boom'] },
      findings: [{ severity: 'error', pointer: '/errors/0', message: ['a string ("boom")'] }],
    },
  ],
});
