import rule from '../../../../src/core/rules/contract/deprecated-operation';
import { fixtureContract, inlineContract } from '../../../helpers/contracts';
import { ruleTester } from '../../../helpers/ruleTester';

const museum = fixtureContract('museum-3.1.yaml');
const MUSEUM = 'https://redocly.com/_mock/docs/openapi/museum-api';
const legacy = inlineContract({
  openapi: '3.0.3',
  info: { title: 'legacy', version: '1' },
  servers: [{ url: 'https://legacy.example.com/v1' }],
  paths: {
    '/reports/{id}': {
      get: { operationId: 'getReport', deprecated: true, responses: { '200': { description: 'ok' } } },
      delete: { deprecated: false, responses: { '204': { description: 'gone' } } },
    },
  },
});

ruleTester(
  rule,
  {
    valid: [
      { name: 'an operation not marked deprecated', url: `${MUSEUM}/museum-hours`, body: [] },
      {
        name: 'deprecated: false',
        method: 'DELETE',
        url: 'https://legacy.example.com/v1/reports/3',
        status: 204,
        body: null,
      },
      { name: 'outside the base path', url: 'https://legacy.example.com/v2/reports/3', body: {} },
    ],
    invalid: [
      {
        name: 'a call to a deprecated operation',
        url: 'https://legacy.example.com/v1/reports/3',
        body: {},
        findings: [
          { severity: 'info', message: ['GET /reports/{id} (getReport)', 'deprecated in inline.yaml'] },
        ],
      },
      {
        name: 'whatever its status',
        url: 'https://legacy.example.com/v1/reports/3',
        status: 500,
        body: null,
        findings: [{ severity: 'info', message: 'getReport' }],
      },
    ],
  },
  { contracts: [museum, legacy] },
);
