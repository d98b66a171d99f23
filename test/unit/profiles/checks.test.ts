import { describe, expect, it } from 'vitest';
import { bodyShapeCheck } from '../../../src/core/profiles/checks/body-shape';
import { documentedFor, expectedStatusCheck } from '../../../src/core/profiles/checks/expected-status';
import { mediaTypeCheck } from '../../../src/core/profiles/checks/media-type';
import { requiredHeadersCheck } from '../../../src/core/profiles/checks/required-headers';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { ruleTester } from '../../helpers/ruleTester';

const base: ProfileDocument = {
  id: 'acme',
  name: 'Acme',
  summary: 's',
  source: 'https://acme.example/guide',
};
const JSON_CT = { 'Content-Type': 'application/json' };

ruleTester(
  mediaTypeCheck({
    ...base,
    mediaTypes: { success: ['application/hal+json'], error: ['application/problem+json'] },
  })!,
  {
    valid: [
      { name: 'HAL success', headers: { 'Content-Type': 'application/hal+json' }, body: {} },
      {
        name: 'problem error',
        status: 404,
        headers: { 'Content-Type': 'application/problem+json' },
        body: {},
      },
      { name: '204 has no content to label', status: 204 },
      { name: 'redirects are neither', status: 302, headers: { 'Content-Type': 'text/html' }, body: 'x' },
    ],
    invalid: [
      {
        name: 'JSON success',
        headers: JSON_CT,
        body: {},
        findings: [
          { severity: 'warning', message: ['200 success', 'application/json', 'application/hal+json'] },
        ],
      },
      {
        name: 'error without Content-Type',
        status: 500,
        body: 'oops',
        findings: [
          { severity: 'warning', message: ['500 error', 'no Content-Type', 'application/problem+json'] },
        ],
      },
    ],
  },
);

ruleTester(
  mediaTypeCheck({
    ...base,
    mediaTypes: { error: ['application/problem+json', 'application/json', 'application/vnd.api+json'] },
  })!,
  {
    valid: [{ name: 'one of the three', status: 400, headers: JSON_CT, body: {} }],
    invalid: [
      {
        name: 'several media types read as alternatives',
        status: 500,
        headers: { 'Content-Type': 'text/html' },
        body: 'oops',
        findings: [
          {
            severity: 'warning',
            message: ['as application/problem+json, application/json or application/vnd.api+json'],
          },
        ],
      },
    ],
  },
);

ruleTester(
  bodyShapeCheck({
    ...base,
    body: {
      error: {
        required: ['title', 'detail'],
        members: {
          title: { type: 'string' },
          detail: { type: 'string' },
          code: { type: ['string', 'integer', 'null'] },
          errors: {
            type: 'array',
            items: { required: ['title', 'detail'], members: { title: { type: 'string' } } },
          },
        },
      },
    },
  })!,
  {
    valid: [
      { name: 'complete error', status: 400, headers: JSON_CT, body: { title: 'Bad Request', detail: 'x' } },
      {
        name: 'validation errors with title and detail',
        status: 400,
        headers: JSON_CT,
        body: {
          title: 'Bad Request',
          detail: 'failed',
          errors: [{ title: 'invalid_type', detail: '`body.name` is `undefined`' }],
        },
      },
      { name: 'successes are not shaped here', body: { anything: 1 }, headers: JSON_CT },
      { name: 'HEAD has no body', method: 'HEAD', status: 404, body: null },
      { name: 'unknown body is not judged', status: 500 },
    ],
    invalid: [
      {
        name: 'missing detail, title of the wrong type',
        status: 404,
        headers: JSON_CT,
        body: { title: 404 },
        findings: [
          // The body is named by its status and kind, and the convention by its profile.
          { severity: 'warning', message: ['404 error body has no "detail" member, which Acme requires'] },
          { severity: 'warning', pointer: '/title', message: ['a number (404)', 'Acme requires a string'] },
        ],
      },
      {
        name: 'a member of none of its types: the types read as alternatives',
        status: 400,
        headers: JSON_CT,
        body: { title: 'Bad Request', detail: 'x', code: true },
        findings: [
          {
            severity: 'warning',
            pointer: '/code',
            message: ['"code" is a boolean (true), but Acme requires a string, an integer or null'],
          },
        ],
      },
      {
        name: 'validation item without detail',
        status: 400,
        headers: JSON_CT,
        body: { title: 'Bad Request', detail: 'x', errors: [{ title: 'invalid_type' }, 'oops'] },
        findings: [
          {
            severity: 'warning',
            pointer: '/errors/0',
            message: ['the object has no "detail" member, which Acme'],
          },
          { severity: 'warning', pointer: '/errors/1', message: ['not an object'] },
        ],
      },
      {
        name: 'three validation items without detail: one finding that counts them and names all three',
        status: 422,
        headers: JSON_CT,
        body: {
          title: 'Unprocessable',
          detail: 'x',
          errors: [{ title: 'a' }, { title: 'b', detail: 'ok' }, { title: 'c' }, { title: 'd' }],
        },
        findings: [
          {
            severity: 'warning',
            pointer: '/errors/0',
            message:
              '3 objects have no "detail" member, which Acme requires: /errors/0, /errors/2 and /errors/3',
          },
        ],
      },
      {
        name: '500 validation items without detail: one finding, the first three named and the rest counted',
        status: 422,
        headers: JSON_CT,
        body: {
          title: 'Unprocessable',
          detail: 'x',
          errors: Array.from({ length: 500 }, (_, i) => ({ title: `field ${i}` })),
        },
        findings: [
          {
            severity: 'warning',
            pointer: '/errors/0',
            message:
              '500 objects have no "detail" member, which Acme requires: /errors/0, /errors/1, /errors/2 and 497 more',
          },
        ],
      },
      {
        name: 'each member and fault is its own kind, in the order met; a lone one keeps its own finding',
        status: 400,
        headers: JSON_CT,
        body: {
          title: 'Bad Request',
          detail: 'x',
          errors: [{ detail: 'a', title: 1 }, { title: 'b' }, 7, { detail: 'c', title: false }, null, {}],
        },
        findings: [
          {
            severity: 'warning',
            pointer: '/errors/0/title',
            message:
              '2 objects have a "title" that is not a string, which Acme requires: /errors/0/title and /errors/3/title',
          },
          {
            severity: 'warning',
            pointer: '/errors/1',
            message: '2 objects have no "detail" member, which Acme requires: /errors/1 and /errors/5',
          },
          {
            severity: 'warning',
            pointer: '/errors/2',
            message: '2 items of "errors" are not objects: /errors/2 and /errors/4',
          },
          {
            severity: 'warning',
            pointer: '/errors/5',
            message: 'the object has no "title" member, which Acme requires',
          },
        ],
      },
      {
        name: 'an error with no content is reported once',
        status: 503,
        body: null,
        findings: [
          {
            severity: 'warning',
            message: ['503 error has no content, so it lacks "title" and "detail", which are required'],
          },
        ],
      },
      {
        name: 'an HTML error page holds none of the members',
        status: 502,
        headers: { 'Content-Type': 'text/html' },
        body: '<h1>Bad Gateway</h1>',
        findings: [
          {
            severity: 'warning',
            message: [
              '502 error body is not JSON (text/html), so it lacks "title" and "detail", which are required',
            ],
          },
        ],
      },
      {
        name: 'an array body',
        status: 400,
        headers: JSON_CT,
        body: [1],
        findings: [{ severity: 'warning', message: ['not a JSON object'] }],
      },
    ],
  },
);

const seed001 = {
  ...base,
  statuses: {
    all: [200, 201, 202, 204, 401, 403, 406, 500, 501, 502, 503],
    routes: { 'DELETE /disks/{id}': [404, 409, 412], 'GET /disks/{id}': [404, 416] },
  },
};

ruleTester(expectedStatusCheck(seed001)!, {
  valid: [
    { name: 'documented for every call', status: 503 },
    {
      name: 'documented for the route',
      method: 'DELETE',
      url: 'https://api.example.com/v1/disks/42',
      status: 409,
    },
    { name: 'no response is not a status', status: 0 },
  ],
  invalid: [
    {
      name: '409 on a read',
      method: 'GET',
      url: 'https://api.example.com/v1/disks/42',
      status: 409,
      findings: [{ severity: 'info', message: ['409 is not a status Acme documents for GET', '416'] }],
    },
    { name: '418 anywhere', status: 418, findings: [{ severity: 'info', message: ['418'] }] },
  ],
});

ruleTester(
  requiredHeadersCheck({
    ...base,
    headers: { '429': ['Retry-After'], '201': ['Location'], '4xx': ['X-Request-Id'] },
  })!,
  {
    valid: [
      { name: '429 with both', status: 429, headers: { 'Retry-After': '5', 'X-Request-Id': 'a' } },
      { name: '201 with Location', status: 201, headers: { Location: '/x/1' } },
      { name: '200 needs nothing', status: 200 },
    ],
    invalid: [
      {
        name: '429 without Retry-After',
        status: 429,
        headers: { 'X-Request-Id': 'a' },
        findings: [{ severity: 'warning', message: ['429 response has no Retry-After', 'on 429'] }],
      },
      {
        name: '404 without the request id',
        status: 404,
        findings: [{ severity: 'warning', message: ['X-Request-Id', 'on 4xx'] }],
      },
    ],
  },
);

// OpenAPI's ranges, as an API owner copies them from a description: a class documents each of
// its statuses; a code names itself; the finding lists them in order, each class after its codes.
ruleTester(
  expectedStatusCheck({ ...base, statuses: { all: [200, 404, '4XX'], methods: { POST: ['2xx'] } } })!,
  {
    valid: [
      { name: 'a code of the documented class', status: 422 },
      { name: 'a code listed itself', status: 404 },
      { name: 'a class given in lower case', method: 'POST', status: 201 },
    ],
    invalid: [
      {
        name: 'a class no list names',
        status: 503,
        findings: [
          {
            severity: 'info',
            message: '503 is not a status Acme documents for GET (documented: 200, 404, 4XX)',
          },
        ],
      },
      {
        name: 'a 2xx other than 200 on a read',
        status: 204,
        findings: [{ severity: 'info', message: ['204 is not', '(documented: 200, 404, 4XX)'] }],
      },
    ],
  },
);

ruleTester(requiredHeadersCheck({ ...base, headers: { '4XX': ['X-Request-Id'], '429': ['Retry-After'] } })!, {
  valid: [{ name: '429 with both', status: 429, headers: { 'Retry-After': '5', 'X-Request-Id': 'a' } }],
  invalid: [
    {
      // The lists add up: 429's own does not replace its class's, as it would in OpenAPI.
      name: "429 with its own header but not its class's",
      status: 429,
      headers: { 'Retry-After': '5' },
      findings: [
        {
          severity: 'warning',
          message: '429 response has no X-Request-Id header, which Acme requires on 4XX',
        },
      ],
    },
  ],
});

describe('data checks', () => {
  it('a document without the field generates no rule', () => {
    expect(mediaTypeCheck(base)).toBeUndefined();
    expect(bodyShapeCheck(base)).toBeUndefined();
    expect(expectedStatusCheck(base)).toBeUndefined();
    expect(requiredHeadersCheck(base)).toBeUndefined();
  });

  it('route templates match the end of the path, method first', () => {
    const s = seed001.statuses;
    expect([...documentedFor(s, 'DELETE', 'https://x/api/disks/7')]).toEqual(
      expect.arrayContaining([404, 409, 412]),
    );
    expect(documentedFor(s, 'DELETE', 'https://x/api/disks').has(409)).toBe(false);
    expect(documentedFor(s, 'POST', 'https://x/api/disks/7').has(409)).toBe(false);
  });
});

describe('a profile whose name is a list reads as one subject in its findings', () => {
  // The docs' worked example is named "HAL successes, Problem Details errors": unquoted, its
  // findings read "…; HAL successes, Problem Details errors serves successes as …".
  const listed: ProfileDocument = { ...base, name: 'HAL successes, Problem Details errors' };

  ruleTester(mediaTypeCheck({ ...listed, mediaTypes: { success: ['application/hal+json'] } })!, {
    valid: [{ name: 'a HAL success', headers: { 'Content-Type': 'application/hal+json' }, body: {} }],
    invalid: [
      {
        name: 'a JSON success, named profile quoted',
        headers: JSON_CT,
        body: {},
        findings: [
          {
            severity: 'warning',
            message:
              '200 success is served with Content-Type application/json; the profile "HAL successes, Problem Details errors" serves successes as application/hal+json',
          },
        ],
      },
    ],
  });

  ruleTester(expectedStatusCheck({ ...listed, statuses: { all: [200] } })!, {
    valid: [{ name: 'a documented status', status: 200 }],
    invalid: [
      {
        name: 'an undocumented status, named profile quoted',
        status: 418,
        findings: [
          {
            severity: 'info',
            message: [
              '418 is not a status the profile "HAL successes, Problem Details errors" documents for GET',
            ],
          },
        ],
      },
    ],
  });

  // "JSON:API 1.1" (a colon, not a list) stays a plain subject.
  ruleTester(
    mediaTypeCheck({ ...base, name: 'JSON:API 1.1', mediaTypes: { error: ['application/vnd.api+json'] } })!,
    {
      valid: [
        {
          name: 'a JSON:API error',
          status: 404,
          headers: { 'Content-Type': 'application/vnd.api+json' },
          body: {},
        },
      ],
      invalid: [
        {
          name: 'a plain JSON error, name unquoted',
          status: 404,
          headers: JSON_CT,
          body: {},
          findings: [
            { severity: 'warning', message: ['; JSON:API 1.1 serves errors as application/vnd.api+json'] },
          ],
        },
      ],
    },
  );
});
