import rule from '../../../../src/core/rules/hal/link-shape';
import { ruleTester } from '../../../helpers/ruleTester';
import { atlassianPage, deepHal } from './deep';

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
    {
      name: 'not HAL: Atlassian-style string links served as application/json',
      headers: { 'Content-Type': 'application/json' },
      body: atlassianPage,
    },
    {
      name: 'not HAL: _links holding no link object at all',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: { _links: { self: null, related: ['/a', '/b'], meta: { rel: 'x' } } },
    },
    {
      name: 'not HAL: a _links array without hal+json',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: [] },
    },
  ],
  invalid: [
    {
      name: 'hal+json keeps full strictness: Atlassian-style string links fail, in one finding',
      headers: HAL,
      body: atlassianPage,
      findings: [
        {
          severity: 'error',
          pointer: '/_links/webui',
          message:
            '7 links are not link objects (an object with an href): /_links/webui, /_links/edit, /_links/tinyui and 4 more',
        },
      ],
    },
    {
      name: 'a collection of 500 items whose links have no href is one finding naming the first three',
      headers: HAL,
      body: {
        _links: { self: { href: '/orders' } },
        _embedded: { items: Array.from({ length: 500 }, () => ({ _links: { self: { title: 'me' } } })) },
      },
      findings: [
        {
          severity: 'error',
          pointer: '/_embedded/items/0/_links/self',
          message:
            '500 links have no href: /_embedded/items/0/_links/self, /_embedded/items/1/_links/self, /_embedded/items/2/_links/self and 497 more',
        },
      ],
    },
    {
      name: 'different faults in one body stay apart, one finding per kind, a lone one keeping its pointer',
      headers: HAL,
      body: {
        _links: { self: { href: '/orders' }, find: { href: '/o{?q}', templated: 'yes' } },
        _embedded: { items: [{ _links: { self: 7 } }, { _links: { self: '/orders/2' } }, { _links: [] }] },
      },
      findings: [
        { severity: 'error', pointer: '/_embedded/items/2/_links', message: ['_links', 'array'] },
        {
          severity: 'error',
          pointer: '/_embedded/items/0/_links/self',
          message:
            '2 links are not link objects (an object with an href): /_embedded/items/0/_links/self and /_embedded/items/1/_links/self',
        },
        { severity: 'error', pointer: '/_links/find/templated', message: ['"find"', '"yes"'] },
      ],
    },
    {
      name: 'a body cut at 10,000 resources counts what was visited',
      headers: HAL,
      body: {
        _links: { self: { href: '/items' } },
        _embedded: { items: Array.from({ length: 10_000 }, () => ({ _links: { self: { href: 1 } } })) },
      },
      findings: [
        {
          severity: 'error',
          pointer: '/_embedded/items/0/_links/self/href',
          message: [
            'at least 9999 links have an href that is not a string: /_embedded/items/0/_links/self/href',
            'and 9996 more',
          ],
        },
      ],
    },
    {
      name: 'application/json with one HAL link object is HAL, and its string link fails',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { self: { href: '/orders' }, next: '/orders?page=2' } },
      findings: [{ severity: 'error', pointer: '/_links/next', message: ['"next"', '"/orders?page=2"'] }],
    },
    {
      name: 'application/json with an array holding a HAL link object is HAL',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { item: ['/orders/1', { href: '/orders/2' }] } },
      findings: [{ severity: 'error', pointer: '/_links/item/0', message: ['"item"', '"/orders/1"'] }],
    },
    {
      name: 'an href of the wrong type still marks the body as HAL',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { self: { href: 42 } } },
      findings: [{ severity: 'error', pointer: '/_links/self/href', message: 'number (42)' }],
    },
    {
      name: 'application/json with _embedded is HAL, so its _links are held to HAL',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { self: '/orders' }, _embedded: { orders: [] } },
      findings: [{ severity: 'error', pointer: '/_links/self', message: '"/orders"' }],
    },
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
