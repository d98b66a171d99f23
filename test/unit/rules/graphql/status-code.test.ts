import rule from '../../../../src/core/rules/graphql/status-code';
import { ruleTester } from '../../../helpers/ruleTester';

const GQL = { 'Content-Type': 'application/graphql-response+json' };
const JSON_CT = { 'Content-Type': 'application/json' };
const url = 'https://api.example.com/graphql';

ruleTester(rule, {
  valid: [
    {
      name: 'graphql-response+json: data with field errors on 200',
      url,
      headers: GQL,
      body: { data: { me: null }, errors: [{ message: 'boom' }] },
    },
    {
      name: 'graphql-response+json: request error on 400',
      url,
      status: 400,
      headers: GQL,
      body: { errors: [{ message: 'Syntax Error' }] },
    },
    {
      name: 'graphql-response+json: data null on 500',
      url,
      status: 500,
      headers: GQL,
      body: { data: null, errors: [{ message: 'down' }] },
    },
    {
      name: 'application/json: request error on 200',
      url,
      headers: JSON_CT,
      body: { errors: [{ message: 'Syntax Error' }] },
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
      name: 'graphql-response+json: data served with 500',
      url,
      status: 500,
      headers: GQL,
      body: { data: { me: { id: '1' } } },
      findings: [{ severity: 'warning', message: ['500', 'a 2xx'] }],
    },
    {
      name: 'application/json: GraphQL errors on 400',
      url,
      status: 400,
      headers: JSON_CT,
      body: { errors: [{ message: 'Variable "$id" of required type "ID!" was not provided.' }] },
      findings: [{ severity: 'info', message: ['400', 'application/json', '200'] }],
    },
  ],
});
