import rule from '../../../../src/core/rules/session/mixed-error-formats';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const api = 'https://shop.example.com/api';
const problem = (at: number, path = '/users/7', status = 404) => ({
  at,
  url: `${api}${path}`,
  status,
  headers: { 'Content-Type': 'application/problem+json' },
  body: { type: 'about:blank', title: 'Not Found', status },
});
const html = (at: number, path = '/orders') => ({
  at,
  url: `${api}${path}`,
  status: 502,
  headers: { 'Content-Type': 'text/html' },
  body: '<!DOCTYPE html><html><body>Bad Gateway</body></html>',
});
const json = (at: number, body: object, path = '/carts/1') => ({
  at,
  url: `${api}${path}`,
  status: 400,
  headers: { 'Content-Type': 'application/json' },
  body,
});

/**
 * Errors whose format another specification defines are not the API's own format: an OAuth 2.0
 * token endpoint answers RFC 6749 §5.2's {"error": "invalid_grant"} (polly_spotify-token-refresh.har
 * #1, POST accounts.spotify.com/api/token), a GraphQL endpoint GraphQL over HTTP's {"errors": […]}
 * (j1linear_graphql-auth-error.har #0), whatever the REST API beside them answers.
 */
const tokenError = (at: number, requestBody = '{"grant_type":"refresh_token","refresh_token":"x"}') => ({
  ...json(at, { error: 'invalid_grant', error_description: 'Invalid refresh token' }, '/token'),
  method: 'POST',
  requestBody,
});
const github = 'https://api.example.com';
const restError = (at: number) => ({
  at,
  url: `${github}/repos/o/r/pages`,
  status: 404,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: { message: 'Not Found', documentation_url: 'https://docs.example.com/rest' },
});
const graphqlError = (at: number, requestBody = '{"query":"query viewer { viewer { id } }"}') => ({
  at,
  method: 'POST',
  url: `${github}/graphql`,
  status: 400,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: { errors: [{ message: 'Authentication required', extensions: { code: 'AUTHENTICATION_ERROR' } }] },
  requestBody,
});

sessionRuleTester(rule, {
  valid: [
    {
      name: "an OAuth token endpoint's RFC 6749 error beside the API's problem+json errors",
      sequence: [problem(0), tokenError(100), problem(200, '/orders/1', 409)],
    },
    {
      name: "GraphQL errors beside the REST API's errors on the same host",
      sequence: [restError(0), graphqlError(100), restError(200)],
    },
    {
      name: 'a GraphQL error first, then the REST errors',
      sequence: [graphqlError(0), restError(100)],
    },
    {
      name: 'every error in problem+json',
      sequence: [problem(0), problem(100, '/orders/1', 409), problem(200, '/x', 500)],
    },
    {
      name: 'the same JSON envelope with other members',
      sequence: [
        json(0, { error: { code: 'a', message: 'b' } }),
        json(100, { error: { code: 'c' }, requestId: 'r' }),
      ],
    },
    {
      name: 'two APIs on one host, one format each',
      sequence: [problem(0), { ...html(100), url: 'https://shop.example.com/v2/orders' }],
    },
    {
      name: 'empty error bodies have no format',
      sequence: [problem(0), { at: 100, url: `${api}/z`, status: 401, body: null }],
    },
    {
      name: 'successes are not errors',
      sequence: [problem(0), { at: 100, url: `${api}/y`, status: 200, body: '<html></html>' }],
    },
    {
      name: 'an HTML 404 of a page outside any API path',
      sequence: [
        problem(0),
        { ...html(100), url: 'https://shop.example.com/help', resourceType: 'document' },
      ],
    },
    { name: 'bodies not captured', sequence: [problem(0), { at: 100, url: `${api}/q`, status: 500 }] },
    {
      name: 'Laravel: {"message"}, and its validation errors {"message", "errors"}: one format',
      sequence: [
        json(0, { message: 'No query results for model [App\\Models\\Cart] 9' }),
        json(100, {
          message: 'The email field is required.',
          errors: { email: ['The email field is required.'] },
        }),
        json(200, { message: 'Unauthenticated.' }),
      ],
    },
    {
      name: 'Spring Boot: its error attributes, with "errors" on validation failures: one format',
      sequence: [
        json(0, { timestamp: '2026-01-01T00:00:00Z', status: 404, error: 'Not Found', path: '/api/carts/1' }),
        json(100, {
          timestamp: '2026-01-01T00:00:01Z',
          status: 400,
          error: 'Bad Request',
          errors: [{ field: 'qty', defaultMessage: 'must be positive' }],
          path: '/api/carts',
        }),
      ],
    },
    {
      name: 'NestJS: its exceptions {statusCode, message, error}, validation with message: […]: one format',
      sequence: [
        json(0, { statusCode: 404, message: 'Cart 9 not found', error: 'Not Found' }),
        json(100, { statusCode: 400, message: ['qty must be positive'], error: 'Bad Request' }),
        json(200, { statusCode: 409, message: 'Cart is closed', error: 'Conflict' }),
      ],
    },
    {
      name: 'validation errors keyed by different fields are one format (Django REST framework)',
      sequence: [
        json(0, { non_field_errors: ['E-mail is not verified.'] }),
        json(100, { email: ['Already registered.'] }),
      ],
    },
  ],
  invalid: [
    {
      name: "near miss: a POST to /token without grant_type is the API's own error",
      sequence: [problem(0), tokenError(100, '{"refresh_token":"x"}')],
      findings: [{ on: 1, severity: 'info', related: [0], message: ['2 formats', 'JSON {"error": string}'] }],
    },
    {
      name: 'near miss: a JSON body whose "query" is a search text is no GraphQL request',
      sequence: [restError(0), graphqlError(100, '{"query":"red shoes"}')],
      findings: [
        {
          on: 1,
          severity: 'info',
          related: [0],
          message: ['JSON {"errors": […]}', 'JSON {"message": string}'],
        },
      ],
    },
    {
      name: 'Django REST framework: {"detail"} for some errors, field maps for validation',
      sequence: [
        json(0, { detail: 'Not found.' }),
        json(100, { email: ['Already registered.'] }),
        json(200, { password: ['Too short.'] }),
      ],
      findings: [
        {
          on: 1,
          severity: 'info',
          related: [0],
          message: ['2 formats', 'JSON {"<field>": [messages]}', 'JSON {"detail": string}'],
        },
      ],
    },
    {
      name: 'problem+json, then an HTML 502 from the gateway',
      sequence: [problem(0), html(100)],
      findings: [
        {
          on: 1,
          severity: 'info',
          related: [0],
          message: [
            'https://shop.example.com/api answers errors in 2 formats',
            'HTML here (GET /api/orders → 502)',
            'problem+json at #0',
          ],
        },
      ],
    },
    {
      name: 'three formats: two findings, the second naming both earlier ones',
      sequence: [
        problem(0),
        json(100, { message: 'bad cart' }),
        { at: 200, url: `${api}/p`, status: 500, headers: { 'Content-Type': 'text/plain' }, body: 'oops' },
      ],
      findings: [
        { on: 1, severity: 'info', related: [0], message: 'JSON {"message": string}' },
        { on: 2, severity: 'info', related: [0, 1], message: ['3 formats', 'plain text'] },
      ],
    },
    {
      name: 'near miss: a shared "code" alone does not make one format',
      sequence: [
        json(0, { code: 'CART_GONE', message: 'Cart 9 is gone' }),
        json(100, { code: 'E42', error: { reason: 'x' } }),
      ],
      findings: [
        {
          on: 1,
          severity: 'info',
          related: [0],
          message: ['JSON {"error": {…}}', 'JSON {"message": string}'],
        },
      ],
    },
    {
      name: 'near miss: two JSON shapes, an error object and an errors list',
      sequence: [json(0, { error: { message: 'x' } }), json(100, { errors: [{ detail: 'y' }] })],
      findings: [
        { on: 1, severity: 'info', related: [0], message: ['JSON {"errors": […]}', 'JSON {"error": {…}}'] },
      ],
    },
  ],
});
