import rule from '../../../../src/core/rules/jsonapi/top-level';
import { ruleTester } from '../../../helpers/ruleTester';

const API = { 'Content-Type': 'application/vnd.api+json' };

ruleTester(rule, {
  valid: [
    { name: 'data', headers: API, body: { data: { type: 'articles', id: '1' } } },
    { name: 'errors', status: 404, headers: API, body: { errors: [{ status: '404', title: 'Not Found' }] } },
    { name: 'meta only', headers: API, body: { meta: { count: 0 } } },
    { name: 'plain JSON is not judged', headers: { 'Content-Type': 'application/json' }, body: { a: 1 } },
  ],
  invalid: [
    {
      name: 'data and errors together',
      headers: API,
      body: { data: null, errors: [{ title: 'x' }] },
      findings: [{ severity: 'error', pointer: '/errors', message: ['both "data" and "errors"'] }],
    },
    {
      name: 'none of data, errors, meta',
      headers: API,
      body: { links: { self: '/x' } },
      findings: [{ severity: 'error', message: ['none of "data", "errors" and "meta"'] }],
    },
    {
      name: 'an array',
      headers: API,
      body: [1],
      findings: [{ severity: 'error', message: ['an array of 1 item'] }],
    },
  ],
});
