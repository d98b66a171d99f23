import rule from '../../../../src/core/rules/contract/required-header';
import { fixtureContract, inlineContract } from '../../../helpers/contracts';
import { ruleTester } from '../../../helpers/ruleTester';

const PET = 'http://127.0.0.1:8080/api/v3';
const petstore = fixtureContract('petstore-3.0.yaml', { baseUrl: PET });
const headers = inlineContract(
  [
    'openapi: 3.1.0',
    'info: { title: headers, version: "1" }',
    'servers: [{ url: "https://h.example.com" }]',
    'paths:',
    '  /jobs:',
    '    post:',
    '      responses:',
    '        "202":',
    '          description: accepted',
    '          headers:',
    '            Location: { required: true, schema: { type: string, format: uri-reference } }',
    '            Retry-After: { $ref: "#/components/headers/RetryAfter" }',
    '        "429":',
    '          description: slow down',
    '          headers:',
    '            Retry-After: { $ref: "#/components/headers/RetryAfter" }',
    'components:',
    '  headers:',
    '    RetryAfter: { required: true, schema: { type: integer, minimum: 0 } }',
  ].join('\n'),
);

ruleTester(
  rule,
  {
    valid: [
      {
        name: 'Petstore login headers that fit their schemas',
        url: `${PET}/user/login`,
        headers: {
          'X-Rate-Limit': '5000',
          'X-Expires-After': '2026-12-06T03:00:00Z',
          'Content-Type': 'application/json',
        },
        body: 'token',
      },
      { name: 'optional headers may be absent', url: `${PET}/user/login`, body: 'token' },
      {
        name: 'required headers present, found case-insensitively',
        method: 'POST',
        url: 'https://h.example.com/jobs',
        status: 202,
        headers: { location: '/jobs/7', 'retry-after': '30' },
        body: null,
      },
    ],
    invalid: [
      {
        name: 'a header that fails its schema (int32)',
        url: `${PET}/user/login`,
        headers: { 'X-Rate-Limit': 'lots', 'X-Expires-After': 'tomorrow' },
        body: 'token',
        findings: [
          {
            severity: 'warning',
            message: [
              'header X-Rate-Limit of GET /user/login (loginUser) 200: expected integer, got string; schema petstore-3.0.yaml#/',
              'X-Rate-Limit/schema/type',
            ],
          },
          { severity: 'warning', message: ['X-Expires-After', 'date-time'] },
        ],
      },
      {
        name: 'required headers missing',
        method: 'POST',
        url: 'https://h.example.com/jobs',
        status: 202,
        body: null,
        findings: [
          {
            severity: 'warning',
            message: 'POST /jobs 202 in inline.yaml requires a Location header, and the response has none',
          },
          {
            severity: 'warning',
            message: 'POST /jobs 202 in inline.yaml requires a Retry-After header, and the response has none',
          },
        ],
      },
      {
        name: 'a required header from components, out of range',
        method: 'POST',
        url: 'https://h.example.com/jobs',
        status: 429,
        headers: { 'Retry-After': '-1' },
        body: null,
        findings: [
          {
            severity: 'warning',
            message:
              'header Retry-After of POST /jobs 429: -1 is less than 0; schema inline.yaml#/components/headers/RetryAfter/schema/minimum',
          },
        ],
      },
    ],
  },
  { contracts: [petstore, headers] },
);
