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
      name: 'an error that is a string',
      headers: JSON_CT,
      body: { errors: ['boom'] },
      findings: [{ severity: 'error', pointer: '/errors/0', message: ['a string ("boom")'] }],
    },
  ],
});
