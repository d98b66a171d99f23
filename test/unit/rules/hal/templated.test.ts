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
      name: 'a collection of 500 items whose edit link is not marked is one finding naming the first three',
      headers: HAL,
      body: {
        _links: { self: { href: '/orders' } },
        _embedded: {
          items: Array.from({ length: 500 }, (_, i) => ({
            _links: { edit: { href: `/orders/${i}{?fields}` } },
          })),
        },
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/_embedded/items/0/_links/edit/href',
          message:
            '500 links have a URI template as href but no "templated": true: /_embedded/items/0/_links/edit/href, /_embedded/items/1/_links/edit/href, /_embedded/items/2/_links/edit/href and 497 more',
        },
      ],
    },
    {
      name: 'links without the flag and links with "templated": false are counted apart in one finding',
      headers: HAL,
      body: {
        _links: {
          find: { href: '/o{?q}' },
          item: { href: '/o/{id}', templated: false },
          self: { href: '/o' },
        },
        _embedded: { items: [{ _links: { edit: { href: '/o/1{?f}' } } }] },
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/_links/find/href',
          message: [
            '3 links have a URI template as href but no "templated": true (2 without it, 1 with "templated": false)',
            ': /_links/find/href, /_links/item/href and /_embedded/items/0/_links/edit/href',
          ],
        },
      ],
    },
    {
      name: 'a long relation name is clipped where it is named',
      headers: HAL,
      body: { _links: { ['r'.repeat(200)]: [{ href: '/a{?x}' }, { href: '/b{?x}' }] } },
      findings: [
        // The place is clipped where the message names it, not in the pointer, which is the place.
        {
          severity: 'warning',
          pointer: `/_links/${'r'.repeat(200)}/0/href`,
          message: `/_links/${'r'.repeat(71)}…`,
        },
      ],
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
