import rule from '../../../../src/core/rules/hal/templated';
import { ruleTester } from '../../../helpers/ruleTester';
import { atlassianPage } from './deep';

const HAL = { 'Content-Type': 'application/hal+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'template marked templated',
      headers: HAL,
      body: { _links: { find: { href: '/o{?id}', templated: true } } },
    },
    { name: 'plain href', headers: HAL, body: { _links: { self: { href: '/orders/1' } } } },
    { name: 'lone brace is not a template', headers: HAL, body: { _links: { self: { href: '/a{b' } } } },
    {
      name: 'non-boolean templated is hal/link-shape territory',
      headers: HAL,
      body: { _links: { find: { href: '/o{?id}', templated: 'yes' } } },
    },
    {
      name: 'huge href without braces stays fast',
      headers: HAL,
      body: { _links: { self: { href: '/' + 'a'.repeat(1_000_000) } } },
    },
    {
      name: 'not HAL: Atlassian-style string links, braces and all',
      headers: { 'Content-Type': 'application/json' },
      body: atlassianPage,
    },
  ],
  invalid: [
    {
      name: 'application/json with HAL link objects is checked',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { self: '/orders', find: { href: '/orders{?q}' } } },
      findings: [{ severity: 'warning', pointer: '/_links/find/href', message: '"/orders{?q}"' }],
    },
    {
      name: 'template without templated',
      headers: HAL,
      body: { _links: { find: { href: '/orders{?page,size}' } } },
      findings: [
        {
          severity: 'warning',
          pointer: '/_links/find/href',
          message: ['"/orders{?page,size}"', '"find"', 'templated'],
        },
      ],
    },
    {
      name: 'template with templated false',
      headers: HAL,
      body: { _links: { find: { href: '/orders/{id}', templated: false } } },
      findings: [{ severity: 'warning', pointer: '/_links/find/href', message: ['"/orders/{id}"', 'false'] }],
    },
    {
      name: 'template inside a link array of an embedded resource',
      headers: HAL,
      body: { _embedded: { items: [{ _links: { edit: [{ href: '/a' }, { href: '/b/{x}' }] } }] } },
      findings: [
        { severity: 'warning', pointer: '/_embedded/items/0/_links/edit/1/href', message: '"/b/{x}"' },
      ],
    },
  ],
});
