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
  ],
});
