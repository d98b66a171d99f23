import rule from '../../../../src/core/rules/envelope/errors-list';
import { ruleTester } from '../../../helpers/ruleTester';

const JSON_CT = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    {
      name: '400 with errors array',
      status: 400,
      headers: JSON_CT,
      body: { errors: ['name is required'], msg: [] },
    },
    { name: '500 with empty errors array', status: 500, headers: JSON_CT, body: { errors: [] } },
    { name: '200 without errors', headers: JSON_CT, body: { user: { id: 1 } } },
    { name: '200 with errors array', headers: JSON_CT, body: { errors: [], user: {} } },
    { name: '404 with unknown body', status: 404, headers: JSON_CT },
    { name: 'HEAD 404 cannot carry a body', method: 'HEAD', status: 404, body: null },
    { name: 'no response (status 0)', status: 0 },
    {
      name: '413 body too large to capture: cannot tell',
      status: 413,
      headers: JSON_CT,
      rawBody: { kind: 'unknown', reason: 'too-large', size: 100_000_000 },
    },
  ],
  invalid: [
    {
      name: 'errors as an object on a 200',
      headers: JSON_CT,
      body: { errors: { name: 'required' } },
      findings: [{ severity: 'error', pointer: '/errors', message: ['"errors"', 'object', 'not an array'] }],
    },
    {
      name: 'errors as a string on a 400: one finding',
      status: 400,
      headers: JSON_CT,
      body: { errors: 'name is required' },
      findings: [{ severity: 'error', pointer: '/errors', message: '"name is required"' }],
    },
    {
      name: 'empty 404',
      status: 404,
      body: null,
      findings: [{ severity: 'error', message: ['404', 'empty body', '"errors"'] }],
    },
    {
      name: 'HTML 500',
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>oops</h1>',
      findings: [{ severity: 'error', message: ['500', 'non-JSON', 'text/html'] }],
    },
    {
      name: 'invalid JSON 400',
      status: 400,
      headers: JSON_CT,
      body: '{"errors": [',
      findings: [{ severity: 'error', message: ['400', 'not valid JSON'] }],
    },
    {
      name: 'JSON array body',
      status: 422,
      headers: JSON_CT,
      body: [{ field: 'name' }],
      findings: [{ severity: 'error', message: ['422', 'array of 1 item'] }],
    },
    {
      name: 'object without errors',
      status: 403,
      headers: JSON_CT,
      body: { msg: ['forbidden'] },
      findings: [{ severity: 'error', message: ['403', 'without "errors"'] }],
    },
    {
      name: 'errors hidden under __proto__ does not count',
      status: 400,
      headers: JSON_CT,
      body: '{"__proto__": {"errors": []}}',
      findings: [{ severity: 'error', message: ['400', 'without "errors"'] }],
    },
    {
      name: 'binary 503',
      status: 503,
      rawBody: { kind: 'binary', size: 10 },
      findings: [{ severity: 'error', message: ['503', 'binary'] }],
    },
  ],
});
