import rule from '../../../../src/core/rules/graphql/response-shape';
import { ruleTester } from '../../../helpers/ruleTester';

const JSON_CT = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    { name: 'data only', headers: JSON_CT, body: { data: { user: { id: '1' } } } },
    { name: 'data null with errors', headers: JSON_CT, body: { data: null, errors: [{ message: 'x' }] } },
    { name: 'request error: errors only', headers: JSON_CT, body: { errors: [{ message: 'x' }] } },
    { name: 'not a GraphQL response', headers: JSON_CT, body: { ok: true } },
  ],
  invalid: [
    {
      name: 'data is an array',
      headers: JSON_CT,
      body: { data: [1, 2] },
      findings: [{ severity: 'error', pointer: '/data', message: ['"data"', 'an array of 2 items'] }],
    },
    {
      name: 'errors is an empty array and no data',
      headers: JSON_CT,
      body: { errors: [] },
      findings: [{ severity: 'error', pointer: '/errors', message: ['not a non-empty array'] }],
    },
    {
      name: 'errors is a string',
      headers: JSON_CT,
      body: { data: null, errors: 'oops' },
      findings: [{ severity: 'error', pointer: '/errors', message: ['a string ("oops")'] }],
    },
  ],
});
