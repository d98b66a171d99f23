import rule from '../../../../src/core/rules/contract/undocumented-operation';
import { fixtureContract } from '../../../helpers/contracts';
import { ruleTester } from '../../../helpers/ruleTester';

// The Swagger Petstore (OpenAPI 3.0) served from a local host through a base-URL override.
const PET = 'http://127.0.0.1:8080/api/v3';
const petstore = fixtureContract('petstore-3.0.yaml', { baseUrl: PET });
const json = { 'Content-Type': 'application/json' };

ruleTester(
  rule,
  {
    valid: [
      {
        name: 'a documented operation',
        url: `${PET}/pet/10`,
        headers: json,
        body: { name: 'rex', photoUrls: [] },
      },
      {
        name: 'a concrete path beside a templated one',
        url: `${PET}/pet/findByStatus?status=sold`,
        body: [],
      },
      { name: 'trailing slash', url: `${PET}/store/inventory/`, headers: json, body: {} },
      {
        name: 'a percent-encoded path parameter',
        url: `${PET}/user/J%C3%BCrgen%20S`,
        headers: json,
        body: {},
      },
      { name: 'a documented DELETE', method: 'DELETE', url: `${PET}/store/order/7`, status: 400, body: null },
      { name: 'another host is out of scope', url: 'https://cdn.example.com/pet/10/unknown', body: {} },
      { name: 'outside the base path', url: 'http://127.0.0.1:8080/health', body: {} },
      { name: 'a script is never an operation', url: `${PET}/app.js`, resourceType: 'script', body: 'x()' },
      {
        name: 'a CORS preflight is not the API',
        method: 'OPTIONS',
        url: `${PET}/pet/10`,
        requestHeaders: { 'Access-Control-Request-Method': 'DELETE' },
        status: 204,
        body: null,
      },
      {
        name: 'a request that failed has no response to judge',
        url: `${PET}/nowhere`,
        status: 0,
        failure: 'net::ERR_FAILED',
      },
    ],
    invalid: [
      {
        name: 'a path the description does not have',
        url: `${PET}/pets`,
        headers: json,
        body: [],
        findings: [{ severity: 'warning', message: ['GET /pets', 'petstore-3.0.yaml'] }],
      },
      {
        name: 'a documented path with an undocumented method',
        method: 'PATCH',
        url: `${PET}/pet/10`,
        body: {},
        findings: [
          { severity: 'warning', message: ['PATCH /pet/{id}', 'documented for GET, POST, DELETE only'] },
        ],
      },
      {
        name: 'one segment too many',
        url: `${PET}/pet/10/photos`,
        body: {},
        findings: [{ severity: 'warning', message: ['GET /pet/{id}/photos'] }],
      },
      {
        name: 'an XHR of unknown resource type',
        method: 'POST',
        url: `${PET}/store/refund`,
        resourceType: 'xhr',
        body: {},
        findings: [{ severity: 'warning', message: 'POST /store/refund' }],
      },
      {
        // As recorded, as the Endpoints view writes routes: decoded, `%2F` read as two segments
        // and `%E2%80%AE` put a raw right-to-left override into the message.
        name: 'a path with escapes, written as recorded',
        url: `${PET}/store/Another%20Test/a%2Fb/invoice%E2%80%AEfdp.exe/42`,
        headers: json,
        body: {},
        findings: [
          { severity: 'warning', message: 'GET /store/Another%20Test/a%2Fb/invoice%E2%80%AEfdp.exe/{id}' },
        ],
      },
    ],
  },
  { contracts: [petstore] },
);
