import rule from '../../../../src/core/rules/problem/content-type';
import { ruleTester } from '../../../helpers/ruleTester';

const PROBLEM = { 'Content-Type': 'application/problem+json' };

ruleTester(rule, {
  valid: [
    { name: '404 as problem+json', status: 404, headers: PROBLEM, body: { title: 'Not Found' } },
    {
      name: 'parameters and odd case',
      status: 500,
      headers: { 'content-type': 'Application/Problem+JSON; charset=utf-8' },
      body: { title: 'Internal Server Error' },
    },
    { name: 'problem+json with unknown body', status: 503, headers: PROBLEM },
    {
      name: '200 as application/json',
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: {},
    },
    { name: '302 as text/html', status: 302, headers: { 'Content-Type': 'text/html' }, body: '<a>moved</a>' },
    { name: 'no response at all (status 0)', status: 0, failure: 'net::ERR_CONNECTION_REFUSED' },
  ],
  invalid: [
    {
      name: '404 as application/json',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'not found' },
      findings: [{ severity: 'warning', message: ['404', 'application/json', 'application/problem+json'] }],
    },
    {
      name: '500 as text/html',
      status: 500,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<h1>oops</h1>',
      findings: [{ severity: 'warning', message: ['500', 'text/html'] }],
    },
    {
      name: 'empty 400 without Content-Type',
      status: 400,
      body: null,
      findings: [{ severity: 'warning', message: ['400', 'no Content-Type'] }],
    },
    {
      name: 'unknown body without Content-Type',
      status: 503,
      findings: [{ severity: 'warning', message: ['503', 'no Content-Type'] }],
    },
    {
      name: 'unknown body with a non-problem Content-Type',
      status: 401,
      headers: { 'Content-Type': 'text/plain' },
      findings: [{ severity: 'warning', message: ['401', 'text/plain'] }],
    },
    {
      name: 'empty Content-Type value',
      status: 422,
      headers: { 'Content-Type': '' },
      body: null,
      findings: [{ severity: 'warning', message: ['422', 'empty Content-Type'] }],
    },
    {
      name: 'problem+xml is not problem+json',
      status: 409,
      headers: { 'Content-Type': 'application/problem+xml' },
      body: '<problem/>',
      findings: [{ severity: 'warning', message: 'application/problem+xml' }],
    },
  ],
});
