import rule from '../../../../src/core/rules/graphql/status-code';
import { ruleTester } from '../../../helpers/ruleTester';

const GQL = { 'Content-Type': 'application/graphql-response+json' };
const JSON_CT = { 'Content-Type': 'application/json; charset=utf-8' };
const url = 'https://api.example.com/graphql';
const UNAUTHENTICATED = {
  errors: [{ message: 'Not authenticated', extensions: { code: 'UNAUTHENTICATED' } }],
};

ruleTester(rule, {
  valid: [
    {
      name: 'graphql-response+json: data with field errors on 200',
      url,
      headers: GQL,
      body: { data: { me: null }, errors: [{ message: 'boom' }] },
    },
    {
      name: 'graphql-response+json: partial success on 294, the code the spec recommends',
      url,
      status: 294,
      headers: GQL,
      body: { data: { me: null }, errors: [{ message: 'boom' }] },
    },
    {
      name: 'graphql-response+json: data null on 200',
      url,
      headers: GQL,
      body: { data: null, errors: [{ message: 'non-null field failed' }] },
    },
    {
      name: 'graphql-response+json: request error on 400',
      url,
      status: 400,
      headers: GQL,
      body: { errors: [{ message: 'Syntax Error' }] },
    },
    {
      name: 'graphql-response+json: validation failure on 422',
      url,
      status: 422,
      headers: GQL,
      body: { errors: [{ message: 'Cannot query field "x" on type "Query".' }] },
    },
    {
      name: 'graphql-response+json: client not permitted, 401',
      url,
      status: 401,
      headers: GQL,
      body: UNAUTHENTICATED,
    },
    {
      name: 'graphql-response+json: load-shedding 503',
      url,
      status: 503,
      headers: GQL,
      body: { errors: [{ message: 'try later' }] },
    },
    {
      name: 'application/json: data on 200',
      url,
      headers: JSON_CT,
      body: { data: { me: { id: '1' } } },
    },
    {
      name: 'application/json: data null with errors on 200',
      url,
      headers: JSON_CT,
      body: { data: null, errors: [{ message: 'boom' }] },
    },
    {
      name: 'application/json: refusal for authentication, 401 without data',
      url,
      status: 401,
      headers: JSON_CT,
      body: UNAUTHENTICATED,
    },
    {
      name: 'application/json: refusal for authorization, 403 without data',
      url,
      status: 403,
      headers: JSON_CT,
      body: { errors: [{ message: 'Forbidden' }] },
    },
    {
      name: 'application/json: refusal for payment, 402 without data',
      url,
      status: 402,
      headers: JSON_CT,
      body: { errors: [{ message: 'Plan limit reached' }] },
    },
    {
      name: 'application/json: 406 to an Accept naming no supported type',
      url,
      status: 406,
      headers: JSON_CT,
      body: { errors: [{ message: 'Not acceptable' }] },
    },
    {
      name: 'not a GraphQL response body',
      url,
      status: 502,
      headers: JSON_CT,
      body: { message: 'Bad gateway' },
    },
    {
      name: 'HTML error page',
      url,
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>502</h1>',
    },
    {
      name: 'failed request (no status)',
      url,
      status: 0,
      headers: GQL,
      body: { errors: [{ message: 'x' }] },
    },
  ],
  invalid: [
    {
      name: 'graphql-response+json: request error served as 200',
      url,
      headers: GQL,
      body: { errors: [{ message: 'Cannot query field "x" on type "Query".' }] },
      findings: [{ severity: 'warning', message: ['200', 'request error', '4xx or 5xx'] }],
    },
    {
      name: 'graphql-response+json: refusal served as 200',
      url,
      headers: GQL,
      body: UNAUTHENTICATED,
      findings: [{ severity: 'warning', message: ['200', 'no "data"', '4xx or 5xx'] }],
    },
    {
      name: 'graphql-response+json: data served with 500',
      url,
      status: 500,
      headers: GQL,
      body: { data: { me: { id: '1' } } },
      findings: [{ severity: 'warning', message: ['500', 'must be a 2xx'] }],
    },
    {
      name: 'graphql-response+json: data null served with 500',
      url,
      status: 500,
      headers: GQL,
      body: { data: null, errors: [{ message: 'down' }] },
      findings: [{ severity: 'info', message: ['500', '"data": null', 'partial response', '2xx'] }],
    },
    {
      name: 'graphql-response+json: data null on 403 was executed, not refused',
      url,
      status: 403,
      headers: GQL,
      body: { data: null, errors: [{ message: 'Forbidden', path: ['me'] }] },
      findings: [{ severity: 'info', message: ['403', '"data": null'] }],
    },
    {
      name: 'application/json: data served with 400',
      url,
      status: 400,
      headers: JSON_CT,
      body: { data: { me: null }, errors: [{ message: 'boom', path: ['me'] }] },
      findings: [{ severity: 'warning', message: ['400', 'whatever its media type'] }],
    },
    {
      name: 'application/json: data served with 401 is not a refusal',
      url,
      status: 401,
      headers: JSON_CT,
      body: { data: { viewer: null }, errors: [{ message: 'Not authenticated' }] },
      findings: [{ severity: 'warning', message: ['401', 'must be a 2xx'] }],
    },
    {
      name: 'application/json: request error on 400',
      url,
      status: 400,
      headers: JSON_CT,
      body: { errors: [{ message: 'Variable "$id" of required type "ID!" was not provided.' }] },
      findings: [
        {
          severity: 'info',
          message: ['400', 'application/json', 'application/graphql-response+json', '401 or 403'],
        },
      ],
    },
    {
      name: 'application/json: authentication error on 400 (not the 401 a refusal uses)',
      url,
      status: 400,
      headers: JSON_CT,
      body: {
        errors: [{ message: 'Authentication required', extensions: { code: 'AUTHENTICATION_ERROR' } }],
      },
      findings: [{ severity: 'info', message: ['400', 'a refusal for authentication is a 401'] }],
    },
    {
      name: 'application/json: request error on 500',
      url,
      status: 500,
      headers: JSON_CT,
      body: { errors: [{ message: 'Internal server error' }] },
      findings: [{ severity: 'info', message: ['500', 'application/graphql-response+json'] }],
    },
    {
      name: 'application/json: 429 is not one of the refusals the spec names',
      url,
      status: 429,
      headers: JSON_CT,
      body: { errors: [{ message: 'Too many requests' }] },
      findings: [{ severity: 'info', message: ['429'] }],
    },
    {
      name: 'application/json: request error on 200',
      url,
      headers: JSON_CT,
      body: { errors: [{ message: 'Syntax Error' }] },
      findings: [{ severity: 'info', message: ['200', 'request error', '4xx or 5xx', 'legacy'] }],
    },
  ],
});
