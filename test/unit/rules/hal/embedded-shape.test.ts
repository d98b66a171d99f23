import rule from '../../../../src/core/rules/hal/embedded-shape';
import { ruleTester } from '../../../helpers/ruleTester';
import { atlassianPage, deepHal } from './deep';

const HAL = { 'Content-Type': 'application/hal+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'object and array of objects',
      headers: HAL,
      body: { _embedded: { manager: { name: 'Kate' }, orders: [{ id: 1 }, { id: 2 }] } },
    },
    { name: 'empty _embedded', headers: HAL, body: { _embedded: {} } },
    { name: 'empty array', headers: HAL, body: { _embedded: { orders: [] } } },
    { name: '10,000 levels deep', headers: HAL, body: deepHal(10_000) },
    {
      name: 'not HAL: Atlassian-style links',
      headers: { 'Content-Type': 'application/json' },
      body: atlassianPage,
    },
  ],
  invalid: [
    {
      name: '_embedded as an array',
      headers: HAL,
      body: { _embedded: [{ id: 1 }] },
      findings: [
        { severity: 'error', pointer: '/_embedded', message: ['_embedded', 'array', 'not an object'] },
      ],
    },
    {
      name: 'value that is a string',
      headers: HAL,
      body: { _embedded: { items: 'none' } },
      findings: [{ severity: 'error', pointer: '/_embedded/items', message: ['"items"', '"none"'] }],
    },
    {
      name: 'application/json with an _embedded array is still HAL',
      headers: { 'Content-Type': 'application/json' },
      body: { _links: { self: '/orders' }, _embedded: [{ id: 1 }] },
      findings: [{ severity: 'error', pointer: '/_embedded', message: ['_embedded', 'array'] }],
    },
    {
      name: 'null value',
      headers: { 'Content-Type': 'application/json' },
      body: { _embedded: { owner: null } },
      findings: [{ severity: 'error', pointer: '/_embedded/owner', message: ['"owner"', 'null'] }],
    },
    {
      name: 'array with a non-object',
      headers: HAL,
      body: { _embedded: { items: [{ id: 1 }, 2] } },
      findings: [{ severity: 'error', pointer: '/_embedded/items/1', message: ['"items"[1]', 'number (2)'] }],
    },
    {
      name: 'a collection of 500 numbers where resources belong is one finding naming the first three',
      headers: HAL,
      body: { _embedded: { items: Array.from({ length: 500 }, (_, i) => i) } },
      findings: [
        {
          severity: 'error',
          pointer: '/_embedded/items/0',
          message:
            '500 embedded values are not resource objects: /_embedded/items/0, /_embedded/items/1, /_embedded/items/2 and 497 more',
        },
      ],
    },
    {
      name: 'an _embedded that is not an object and values that are not resources stay apart',
      headers: HAL,
      body: {
        _embedded: { owner: null, items: [{ _embedded: 'x' }, { _embedded: [] }, 3] },
      },
      findings: [
        {
          severity: 'error',
          pointer: '/_embedded/items/0/_embedded',
          message:
            '2 resources have an _embedded that is not an object: /_embedded/items/0/_embedded and /_embedded/items/1/_embedded',
        },
        {
          severity: 'error',
          pointer: '/_embedded/owner',
          message: '2 embedded values are not resource objects: /_embedded/owner and /_embedded/items/2',
        },
      ],
    },
    {
      name: 'bad shape one level down',
      headers: HAL,
      body: { _embedded: { a: { _embedded: { b: [true] } } } },
      findings: [{ severity: 'error', pointer: '/_embedded/a/_embedded/b/0', message: 'boolean (true)' }],
    },
  ],
});
