import rule from '../../../../src/core/rules/hal/link-shape';
import { ruleTester } from '../../../helpers/ruleTester';
import { deepHal } from './deep';

const HAL = { 'Content-Type': 'application/hal+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'links, arrays of links, templated flags',
      headers: HAL,
      body: {
        _links: {
          self: { href: '/orders' },
          curies: [{ name: 'ea', href: 'https://example.com/docs/rels/{rel}', templated: true }],
          'ea:admin': [{ href: '/admins/2' }, { href: '/admins/5', title: 'Kate' }],
          next: { href: '/orders?page=2', templated: false },
        },
      },
    },
    { name: 'empty _links', headers: HAL, body: { _links: {} } },
    { name: 'empty relation array', headers: HAL, body: { _links: { item: [] } } },
    { name: 'no _links at all', headers: HAL, body: { id: 1 } },
    { name: 'deep nesting is fine', headers: HAL, body: deepHal(10_000) },
    {
      name: 'not HAL: JSON without _links/_embedded',
      headers: { 'Content-Type': 'application/json' },
      body: { links: 'whatever' },
    },
  ],
  invalid: [
    {
      name: '_links as an array',
      headers: HAL,
      body: { _links: [{ rel: 'self', href: '/x' }] },
      findings: [{ severity: 'error', pointer: '/_links', message: ['_links', 'array', 'not an object'] }],
    },
    {
      name: 'relation given as a bare string',
      headers: HAL,
      body: { _links: { self: '/orders' } },
      findings: [{ severity: 'error', pointer: '/_links/self', message: ['"self"', '"/orders"'] }],
    },
    {
      name: 'array member that is not a link object',
      headers: HAL,
      body: { _links: { item: [{ href: '/a' }, 7] } },
      findings: [{ severity: 'error', pointer: '/_links/item/1', message: ['"item"', 'number (7)'] }],
    },
    {
      name: 'link without href',
      headers: HAL,
      body: { _links: { self: { title: 'me' } } },
      findings: [{ severity: 'error', pointer: '/_links/self', message: ['"self"', 'no href'] }],
    },
    {
      name: 'href that is not a string, templated that is not a boolean',
      headers: HAL,
      body: { _links: { find: { href: 42, templated: 'true' } } },
      findings: [
        { severity: 'error', pointer: '/_links/find/href', message: ['"find"', 'number (42)'] },
        { severity: 'error', pointer: '/_links/find/templated', message: ['"find"', '"true"'] },
      ],
    },
    {
      name: 'broken link in an embedded resource',
      headers: HAL,
      body: {
        _links: { self: { href: '/o' } },
        _embedded: { items: [{ _links: { self: { href: null } } }] },
      },
      findings: [{ severity: 'error', pointer: '/_embedded/items/0/_links/self/href', message: 'null' }],
    },
    {
      name: '__proto__ relation is checked like any other',
      headers: HAL,
      body: '{"_links": {"self": {"href": "/x"}, "__proto__": "nope"}}',
      findings: [{ severity: 'error', pointer: '/_links/__proto__', message: ['"__proto__"', '"nope"'] }],
    },
  ],
});
