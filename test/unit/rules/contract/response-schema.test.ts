import rule from '../../../../src/core/rules/contract/response-schema';
import { fixtureContract, inlineContract } from '../../../helpers/contracts';
import { ruleTester } from '../../../helpers/ruleTester';

const PET = 'http://127.0.0.1:8080/api/v3';
const petstore = fixtureContract('petstore-3.0.yaml', { baseUrl: PET });
const MUSEUM = 'https://redocly.com/_mock/docs/openapi/museum-api';
const museum = fixtureContract('museum-3.1.yaml');
const json = { 'Content-Type': 'application/json' };
const problem = { 'Content-Type': 'application/problem+json' };
const PET_ID = 'petstore-3.0.yaml#/components/schemas/Pet';

// OpenAPI 3.0 semantics the real fixtures do not exercise: nullable, boolean exclusive bounds,
// writeOnly/readOnly in responses, oneOf, and a $ref's ignored siblings.
const dialect30 = inlineContract({
  openapi: '3.0.3',
  info: { title: 'dialect 3.0', version: '1' },
  servers: [{ url: 'https://d30.example.com' }],
  paths: {
    '/accounts/{id}': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Account' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Account: {
        type: 'object',
        required: ['id', 'password', 'balance'],
        properties: {
          id: { type: 'string', readOnly: true },
          password: { type: 'string', writeOnly: true },
          nickname: { type: 'string', nullable: true },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
          balance: { type: 'number', minimum: 0, exclusiveMinimum: true },
          kind: { type: 'string', enum: ['personal', 'business'], nullable: true },
          contact: {
            oneOf: [
              {
                type: 'object',
                required: ['email'],
                properties: { email: { type: 'string', format: 'email' } },
              },
              { type: 'object', required: ['phone'], properties: { phone: { type: 'string' } } },
            ],
          },
          // 3.0 §4.8.24: siblings of $ref are ignored, so this nullable does not apply.
          manager: { $ref: '#/components/schemas/Owner', nullable: true },
        },
        additionalProperties: false,
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
});

// OpenAPI 3.1 is JSON Schema 2020-12: type arrays, const, prefixItems, recursive schemas.
const dialect31 = inlineContract({
  openapi: '3.1.0',
  info: { title: 'dialect 3.1', version: '1' },
  servers: [{ url: 'https://d31.example.com' }],
  paths: {
    '/nodes': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Node: {
        type: 'object',
        required: ['kind', 'children'],
        properties: {
          kind: { const: 'node' },
          label: { type: ['string', 'null'], maxLength: 5 },
          at: { type: 'string', format: 'date-time' },
          link: { type: 'string', format: 'uri' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
      },
    },
  },
});

const many = Array.from({ length: 15 }, (_, i) => ({ name: i, photoUrls: [] }));

ruleTester(
  rule,
  {
    valid: [
      {
        name: 'a Petstore pet',
        url: `${PET}/pet/10`,
        headers: json,
        body: {
          id: 10,
          name: 'doggie',
          category: { id: 1, name: 'Dogs' },
          photoUrls: ['https://example.com/rex.png'],
          tags: [{ id: 2, name: 'good' }],
          status: 'available',
        },
      },
      {
        name: 'an XML body is not JSON-validated',
        url: `${PET}/pet/10`,
        headers: { 'Content-Type': 'application/xml' },
        body: '<pet/>',
      },
      {
        name: 'an int32 map inside its range',
        url: `${PET}/store/inventory`,
        headers: json,
        body: { sold: 2147483647 },
      },
      {
        name: 'Museum hours (3.1; date format, pattern)',
        url: `${MUSEUM}/museum-hours`,
        headers: json,
        body: [{ date: '2024-12-31', timeOpen: '09:00', timeClose: '18:00' }],
      },
      {
        name: 'Museum ticket confirmation (allOf, uuid)',
        method: 'POST',
        url: `${MUSEUM}/tickets`,
        status: 201,
        headers: json,
        body: {
          ticketId: 'a54a57ca-36f8-421b-a6b4-2e8f26858a4c',
          ticketDate: '2023-10-29',
          ticketType: 'event',
          eventId: '3be6453c-03eb-4357-ae5a-984a0e574a54',
          message: 'Museum general entry ticket purchased',
          confirmationCode: 'ticket-event-a98c8f-7eb12',
        },
      },
      {
        name: 'a Problem Details error under a $ref response',
        url: `${MUSEUM}/museum-hours`,
        status: 400,
        headers: problem,
        body: { type: 'object', title: 'Validation failed' },
      },
      {
        name: '3.0: nullable members, readOnly present, writeOnly absent and not required',
        url: 'https://d30.example.com/accounts/1',
        headers: json,
        body: {
          id: 'a1',
          nickname: null,
          owner: null,
          balance: 0.5,
          kind: null,
          contact: { email: 'a@example.com' },
        },
      },
      {
        name: '3.1: a recursive tree',
        url: 'https://d31.example.com/nodes',
        headers: json,
        body: { kind: 'node', label: null, children: [{ kind: 'node', children: [] }] },
      },
      {
        name: 'an undocumented status is another rule’s',
        url: `${PET}/pet/10`,
        status: 418,
        headers: json,
        body: { x: 1 },
      },
      { name: 'invalid JSON is body/invalid-json’s', url: `${PET}/pet/10`, headers: json, body: '{"name":' },
    ],
    invalid: [
      {
        name: 'Petstore: wrong types, a missing required member, an unknown enum value',
        url: `${PET}/pet/10`,
        headers: json,
        body: { id: 'ten', photoUrls: [7], status: 'lost' },
        findings: [
          {
            severity: 'error',
            pointer: '',
            message: ['required member "name" is missing', `schema ${PET_ID}/required`],
          },
          {
            severity: 'error',
            pointer: '/id',
            message: ['expected integer, got string', `schema ${PET_ID}/properties/id/type`],
          },
          {
            severity: 'error',
            pointer: '/photoUrls/0',
            message: ['expected string, got', `${PET_ID}/properties/photoUrls/items/type`],
          },
          {
            severity: 'error',
            pointer: '/status',
            message: ['available', `schema ${PET_ID}/properties/status/enum`],
          },
        ],
      },
      {
        name: 'Petstore: int32 and int64 ranges',
        url: `${PET}/store/order/1`,
        headers: json,
        body: { id: 1e20, quantity: 3000000000 },
        findings: [
          {
            severity: 'error',
            pointer: '/id',
            message: [
              'outside the int64 range',
              'schema petstore-3.0.yaml#/components/schemas/Order/properties/id/format',
            ],
          },
          {
            severity: 'error',
            pointer: '/quantity',
            message: ['outside the int32 range', 'Order/properties/quantity/format'],
          },
        ],
      },
      {
        name: 'Museum: a date, a pattern and a missing member in an array item',
        url: `${MUSEUM}/museum-hours`,
        headers: json,
        body: [
          { date: '2024-13-45', timeOpen: '9am', timeClose: '18:00' },
          { date: '2024-01-01', timeOpen: '09:00' },
        ],
        findings: [
          {
            severity: 'error',
            pointer: '/0/date',
            message: ['format "date"', 'schema museum-3.1.yaml#/components/schemas/Date/format'],
          },
          {
            severity: 'error',
            pointer: '/0/timeOpen',
            message: ['pattern', 'MuseumDailyHours/properties/timeOpen/pattern'],
          },
          {
            severity: 'error',
            pointer: '/1',
            message: ['"timeClose"', 'schema museum-3.1.yaml#/components/schemas/MuseumDailyHours/required'],
          },
        ],
      },
      {
        name: 'Museum: uuid and enum inside allOf',
        method: 'POST',
        url: `${MUSEUM}/tickets`,
        status: 201,
        headers: json,
        body: {
          ticketId: 'nope',
          ticketDate: '2023-10-29',
          ticketType: 'vip',
          message: 'x',
          confirmationCode: 'c',
        },
        findings: [
          {
            severity: 'error',
            pointer: '/ticketId',
            message: ['format "uuid"', '#/components/schemas/TicketId/format'],
          },
          {
            severity: 'error',
            pointer: '/ticketType',
            message: ['event', '#/components/schemas/TicketType/enum'],
          },
        ],
      },
      {
        name: '3.0: null where not nullable, a writeOnly member sent, exclusiveMinimum, oneOf, additionalProperties, $ref sibling ignored',
        url: 'https://d30.example.com/accounts/1',
        headers: json,
        body: {
          id: null,
          password: 'hunter2',
          owner: {},
          balance: 0,
          contact: { fax: '1' },
          manager: null,
          extra: 1,
        },
        findings: [
          {
            severity: 'error',
            pointer: '/id',
            message: ['expected string, got', '#/components/schemas/Account/properties/id/type'],
          },
          { severity: 'error', pointer: '/password', message: ['writeOnly', 'never sent in a response'] },
          {
            severity: 'error',
            pointer: '/owner',
            message: ['"name"', '#/components/schemas/Owner/required'],
          },
          { severity: 'error', pointer: '/balance', message: ['exclusiveMinimum'] },
          {
            severity: 'error',
            pointer: '/contact',
            message: ['schema inline.yaml#/components/schemas/Account/properties/contact/oneOf'],
          },
          {
            severity: 'error',
            pointer: '/manager',
            message: ['expected object, got', '#/components/schemas/Owner/type'],
          },
          {
            severity: 'error',
            pointer: '/extra',
            message: ['"extra" is not allowed', 'additionalProperties'],
          },
        ],
      },
      {
        name: '3.1: const, type arrays, formats, deep recursion',
        url: 'https://d31.example.com/nodes',
        headers: json,
        body: {
          kind: 'leaf',
          label: 'too long',
          at: 'yesterday',
          link: 'not a uri',
          children: [{ kind: 'node', children: [{ kind: 'node' }] }],
        },
        findings: [
          {
            severity: 'error',
            pointer: '/kind',
            message: ['const', '#/components/schemas/Node/properties/kind/const'],
          },
          { severity: 'error', pointer: '/label', message: 'maxLength' },
          { severity: 'error', pointer: '/at', message: 'date-time' },
          { severity: 'error', pointer: '/link', message: 'uri' },
          { severity: 'error', pointer: '/children/0/children/0', message: '"children"' },
        ],
      },
      {
        name: 'violations past the cap are counted, not listed',
        url: `${PET}/pet/findByStatus`,
        headers: json,
        body: many,
        findings: [
          ...Array.from({ length: 10 }, (_, i) => ({
            severity: 'error' as const,
            pointer: `/${i}/name`,
            message: 'expected string, got',
          })),
          { severity: 'error', message: '5 more schema violations' },
        ],
      },
    ],
  },
  { contracts: [petstore, museum, dialect30, dialect31] },
);
