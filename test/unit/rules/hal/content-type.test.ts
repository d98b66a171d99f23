import rule from '../../../../src/core/rules/hal/content-type';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '200 as hal+json', headers: { 'Content-Type': 'application/hal+json' }, body: { _links: {} } },
    {
      name: 'hal+json with parameters',
      headers: { 'Content-Type': 'application/hal+json; charset=utf-8' },
      body: {},
    },
    { name: 'HTML is not JSON', headers: { 'Content-Type': 'text/html' }, body: '<p>hi</p>' },
    { name: '204 carries nothing', status: 204, headers: { 'Content-Type': 'application/json' }, body: null },
    { name: 'HEAD carries nothing', method: 'HEAD', headers: { 'Content-Type': 'application/json' } },
    { name: 'known-empty 200', headers: { 'Content-Type': 'application/json' }, body: null },
    { name: 'errors are not HAL', status: 404, headers: { 'Content-Type': 'application/json' }, body: {} },
  ],
  invalid: [
    {
      name: '200 as application/json',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { self: { href: '/orders' } } },
      findings: [{ severity: 'warning', message: ['200', 'application/json', 'application/hal+json'] }],
    },
    {
      name: '201 as another +json type',
      method: 'POST',
      status: 201,
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: {},
      findings: [{ severity: 'warning', message: ['201', 'application/vnd.api+json'] }],
    },
    {
      name: 'unknown body may carry content',
      headers: { 'Content-Type': 'application/json' },
      findings: [{ severity: 'warning', message: 'application/json' }],
    },
  ],
});
