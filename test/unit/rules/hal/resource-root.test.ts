import rule from '../../../../src/core/rules/hal/resource-root';
import { ruleTester } from '../../../helpers/ruleTester';

const HAL = { 'Content-Type': 'application/hal+json' };

ruleTester(rule, {
  valid: [
    { name: 'an object root', headers: HAL, body: { _links: { self: { href: '/orders' } } } },
    { name: 'an empty object', headers: HAL, body: {} },
    {
      name: 'a plain JSON array is not claimed as HAL',
      headers: { 'Content-Type': 'application/json' },
      body: [1, 2],
    },
    { name: 'invalid JSON is body/invalid-json’s business', headers: HAL, body: '[1,' },
    { name: 'no body seen', headers: HAL },
  ],
  invalid: [
    {
      name: 'a collection served as a bare array',
      headers: HAL,
      body: [{ _links: { self: { href: '/orders/1' } } }],
      findings: [{ severity: 'error', pointer: '', message: ['an array', '_embedded'] }],
    },
    {
      name: 'a bare string',
      headers: { 'Content-Type': 'application/hal+json; charset=utf-8' },
      body: '"ok"',
      findings: [{ severity: 'error', pointer: '', message: 'a string' }],
    },
    {
      name: 'null',
      headers: HAL,
      body: 'null',
      findings: [{ severity: 'error', pointer: '', message: 'null' }],
    },
  ],
});
