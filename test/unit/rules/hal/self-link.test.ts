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
      name: 'embedded resources checked too',
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
        { severity: 'warning', pointer: '/_embedded/items/1/_links', message: '/_embedded/items/1' },
        {
          severity: 'warning',
          pointer: '/_embedded/items/2',
          message: 'the embedded resource has no _links',
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
      name: 'a big collection is capped with a summary',
      headers: HAL,
      body: {
        _links: { self: { href: '/items' } },
        _embedded: { items: Array.from({ length: 30 }, (_, id) => ({ id })) },
      },
      findings: [
        ...Array.from({ length: 20 }, (_, i) => ({
          severity: 'warning' as const,
          pointer: `/_embedded/items/${i}`,
          message: 'the embedded resource has no _links',
        })),
        { severity: 'warning', message: '10 more' },
      ],
    },
  ],
});
