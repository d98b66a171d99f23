import rule from '../../../../src/core/rules/jsonapi/resource-identity';
import { ruleTester } from '../../../helpers/ruleTester';

const API = { 'Content-Type': 'application/vnd.api+json' };

ruleTester(rule, {
  valid: [
    {
      name: 'collection with included',
      headers: API,
      body: {
        data: [{ type: 'articles', id: '1', attributes: { title: 'JSON:API' } }],
        included: [{ type: 'people', id: '9' }],
      },
    },
    { name: 'null data', headers: API, body: { data: null } },
    { name: 'errors document', status: 404, headers: API, body: { errors: [{ status: '404' }] } },
  ],
  invalid: [
    {
      name: 'numeric id',
      headers: API,
      body: { data: { type: 'articles', id: 1 } },
      findings: [{ severity: 'error', pointer: '/data/id', message: ['data.id', 'a number (1)'] }],
    },
    {
      name: 'included resource without type',
      headers: API,
      body: { data: [], included: [{ id: '9' }] },
      findings: [{ severity: 'error', pointer: '/included/0/type', message: ['included[0].type', 'absent'] }],
    },
    {
      name: 'data item that is a string',
      headers: API,
      body: { data: ['1'] },
      findings: [{ severity: 'error', pointer: '/data/0', message: ['not a resource object'] }],
    },
    {
      name: 'three numeric ids across data and included: one finding that counts them and names all three',
      headers: API,
      body: {
        data: [
          { type: 'articles', id: 1 },
          { type: 'articles', id: '2' },
          { type: 'articles', id: 3 },
        ],
        included: [{ type: 'people', id: 9 }],
      },
      findings: [
        {
          severity: 'error',
          pointer: '/data/0/id',
          message: '3 resources have an "id" that is not a string: /data/0/id, /data/2/id and /included/0/id',
        },
      ],
    },
    {
      name: 'a collection of 500 numeric ids: one finding, the first three named and the rest counted',
      headers: API,
      body: { data: Array.from({ length: 500 }, (_, i) => ({ type: 'articles', id: i })) },
      findings: [
        {
          severity: 'error',
          pointer: '/data/0/id',
          message:
            '500 resources have an "id" that is not a string: /data/0/id, /data/1/id, /data/2/id and 497 more',
        },
      ],
    },
    {
      name: 'no type, no id, an id of the wrong type and a non-object stay apart, in the order met',
      headers: API,
      body: { data: [{ attributes: {} }, { id: '2' }, { type: 'a', id: 3 }, 7, null] },
      findings: [
        {
          severity: 'error',
          pointer: '/data/0/type',
          message: '2 resources have no "type": /data/0/type and /data/1/type',
        },
        { severity: 'error', pointer: '/data/0/id', message: 'data[0].id is absent, not a string' },
        { severity: 'error', pointer: '/data/2/id', message: 'data[2].id is a number (3), not a string' },
        {
          severity: 'error',
          pointer: '/data/3',
          message: '2 items of data or included are not resource objects: /data/3 and /data/4',
        },
      ],
    },
  ],
});
