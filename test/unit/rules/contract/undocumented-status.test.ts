import rule from '../../../../src/core/rules/contract/undocumented-status';
import { fixtureContract, inlineContract } from '../../../helpers/contracts';
import { ruleTester } from '../../../helpers/ruleTester';

// Redocly's Museum API (OpenAPI 3.1), at the server its description names: no `default` responses.
const MUSEUM = 'https://redocly.com/_mock/docs/openapi/museum-api';
const museum = fixtureContract('museum-3.1.yaml');
// A description with a 4XX range and a default.
const ranges = inlineContract({
  openapi: '3.0.3',
  info: { title: 'ranges', version: '1' },
  servers: [{ url: 'https://ranges.example.com' }],
  paths: {
    '/a': { get: { responses: { '200': { description: 'ok' }, '4XX': { description: 'client error' } } } },
    '/b': { get: { responses: { '200': { description: 'ok' }, default: { description: 'anything else' } } } },
  },
});

ruleTester(
  rule,
  {
    valid: [
      { name: 'a documented status', url: `${MUSEUM}/museum-hours`, body: [] },
      {
        name: 'a documented 404',
        url: `${MUSEUM}/special-events/3be6453c-03eb-4357-ae5a-984a0e574a54`,
        status: 404,
        body: null,
      },
      {
        name: 'a documented 204',
        method: 'DELETE',
        url: `${MUSEUM}/special-events/x`,
        status: 204,
        body: null,
      },
      { name: 'a 4XX range covers 429', url: 'https://ranges.example.com/a', status: 429, body: null },
      { name: 'default covers 503', url: 'https://ranges.example.com/b', status: 503, body: null },
      {
        name: 'undocumented operations are another rule’s',
        url: `${MUSEUM}/gift-shop`,
        status: 500,
        body: null,
      },
    ],
    invalid: [
      {
        name: 'a 500 the operation does not document',
        url: `${MUSEUM}/museum-hours`,
        status: 500,
        body: null,
        findings: [
          {
            severity: 'warning',
            message: ['500', 'GET /museum-hours (getMuseumHours)', 'documented: 200, 400, 404'],
          },
        ],
      },
      {
        name: 'a 200 where the operation documents 204',
        method: 'DELETE',
        url: `${MUSEUM}/special-events/x`,
        status: 200,
        body: null,
        findings: [{ severity: 'warning', message: ['200', 'DELETE /special-events/{eventId}', '204'] }],
      },
      {
        name: 'a 4XX range does not cover 500',
        url: 'https://ranges.example.com/a',
        status: 500,
        body: null,
        findings: [{ severity: 'warning', message: ['500', 'documented: 200, 4XX'] }],
      },
    ],
  },
  { contracts: [museum, ranges] },
);
