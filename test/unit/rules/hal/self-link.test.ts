import rule from '../../../../src/core/rules/hal/self-link';
import { ruleTester } from '../../../helpers/ruleTester';
import { atlassianPageNoSelf, deepHal } from './deep';

const HAL = { 'Content-Type': 'application/hal+json' };

ruleTester(rule, {
  valid: [
    { name: 'root self link', headers: HAL, body: { _links: { self: { href: '/orders' } } } },
    {
      name: 'embedded resources with self links',
      headers: HAL,
      body: {
        _links: { self: { href: '/orders' } },
        _embedded: {
          orders: [{ _links: { self: { href: '/orders/1' } } }, { _links: { self: { href: '/orders/2' } } }],
        },
      },
    },
    {
      name: 'plain JSON without HAL members',
      headers: { 'Content-Type': 'application/json' },
      body: { id: 1 },
    },
    {
      name: 'not HAL: Atlassian-style string links without self',
      headers: { 'Content-Type': 'application/json' },
      body: atlassianPageNoSelf,
    },
    { name: 'non-object _links is hal/link-shape territory', headers: HAL, body: { _links: [] } },
    { name: 'array body', headers: HAL, body: [{}] },
    { name: 'unknown body', headers: HAL },
    {
      name: '10,000 levels of _embedded do not overflow',
      headers: HAL,
      body: deepHal(10_000),
    },
  ],
  invalid: [
    {
      name: 'hal+json root without _links',
      headers: HAL,
      body: { id: 1 },
      findings: [{ severity: 'warning', message: ['top-level resource', '_links'] }],
    },
    {
      name: 'application/json with _embedded but no _links',
      headers: { 'Content-Type': 'application/json' },
      body: { _embedded: {} },
      findings: [{ severity: 'warning', message: 'top-level resource' }],
    },
    {
      name: 'application/json with a HAL link but no self',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { next: { href: '/orders?page=2' } } },
      findings: [{ severity: 'warning', pointer: '/_links', message: '"self"' }],
    },
    {
      name: 'hal+json with Atlassian-style string links and no self',
      headers: HAL,
      body: atlassianPageNoSelf,
      findings: [{ severity: 'warning', pointer: '/_links', message: '"self"' }],
    },
    {
      name: 'root _links without self',
      headers: HAL,
      body: { _links: { next: { href: '/orders?page=2' } } },
      findings: [{ severity: 'warning', pointer: '/_links', message: '"self"' }],
    },
    {
      name: 'one embedded resource without self: its pointer names it',
      headers: HAL,
      body: {
        _links: { self: { href: '/orders' } },
        _embedded: { items: [{ _links: { self: { href: '/orders/1' } } }, { id: 2 }] },
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/_embedded/items/1',
          message: 'the embedded resource has no _links, so no self link',
        },
      ],
    },
    {
      name: 'one embedded _links without self: the pointer names that _links',
      headers: HAL,
      body: {
        _links: { self: { href: '/orders' } },
        _embedded: { items: [{ _links: { next: { href: '/x' } } }] },
      },
      findings: [
        { severity: 'warning', pointer: '/_embedded/items/0/_links', message: '/_embedded/items/0' },
      ],
    },
    {
      name: 'two kinds of missing self in one body: one finding that counts each',
      headers: HAL,
      body: {
        _links: { self: { href: '/orders' } },
        _embedded: {
          items: [
            { _links: { self: { href: '/orders/1' } } },
            { _links: { next: { href: '/x' } } },
            { id: 3 },
          ],
        },
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/_embedded/items/1',
          message: [
            '2 embedded resources have no self link (1 has no _links, 1 has _links but no "self")',
            ': /_embedded/items/1 and /_embedded/items/2',
          ],
        },
      ],
    },
    {
      name: 'the top-level resource and embedded ones: one finding, the top-level named first',
      headers: HAL,
      body: { _links: { next: { href: '/x' } }, _embedded: { items: [{ id: 1 }, { _links: {} }] } },
      findings: [
        {
          severity: 'warning',
          // The first place is the body's top level: the whole body, as RFC 6901's empty pointer.
          pointer: '',
          message: [
            '3 resources have no self link (1 has no _links, 2 have _links but no "self")',
            ': the top-level resource, /_embedded/items/0 and /_embedded/items/1',
          ],
        },
      ],
    },
    {
      name: 'a __proto__ relation is not a self link',
      headers: HAL,
      body: '{"_links": {"__proto__": {"href": "/x"}}}',
      findings: [{ severity: 'warning', pointer: '/_links', message: '"self"' }],
    },
    {
      name: 'deep nesting: only the root lacks self',
      headers: HAL,
      body: deepHal(10_000, { rootSelf: false }),
      findings: [{ severity: 'warning', message: 'top-level resource' }],
    },
    {
      name: 'a collection whose 12 items lack self is one finding naming the first three (j1veracode_hal-findings.har)',
      headers: HAL,
      body: {
        _links: { self: { href: '/findings' } },
        _embedded: { findings: Array.from({ length: 12 }, (_, id) => ({ id })) },
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/_embedded/findings/0',
          message:
            '12 embedded resources have no _links, so no self link: /_embedded/findings/0, /_embedded/findings/1, /_embedded/findings/2 and 9 more',
        },
      ],
    },
    {
      name: 'items with _links but no self, in a collection of 10,000: counted up to the walk cap, first three named',
      headers: HAL,
      body: {
        _links: { self: { href: '/items' } },
        _embedded: { items: Array.from({ length: 10_000 }, () => ({ _links: { next: { href: '/n' } } })) },
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/_embedded/items/0',
          message: [
            'at least 9999 embedded resources have _links but no "self": /_embedded/items/0',
            '/_embedded/items/2 and 9996 more',
          ],
        },
      ],
    },
    {
      name: 'a long embedded relation name is clipped where it is named',
      headers: HAL,
      body: {
        _links: { self: { href: '/items' } },
        _embedded: { ['r'.repeat(200)]: [{ id: 1 }, { id: 2 }] },
      },
      findings: [
        {
          severity: 'warning',
          pointer: `/_embedded/${'r'.repeat(200)}/0`,
          message: `/_embedded/${'r'.repeat(68)}…`,
        },
      ],
    },
  ],
});
