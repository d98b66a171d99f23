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
      name: 'the same problem details body, served as problem+json',
      status: 401,
      headers: PROBLEM,
      body: { type: 'https://quay.example/api/v1/error/invalid_token', title: 'invalid_token', status: 401 },
    },
    {
      name: 'problem+xml (RFC 9457 Appendix B)',
      status: 409,
      headers: { 'Content-Type': 'application/problem+xml; charset=utf-8' },
      body: '<problem xmlns="urn:ietf:rfc:7807"><title>Conflict</title></problem>',
    },
    {
      name: '200 as application/json',
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: {},
    },
    { name: '302 as text/html', status: 302, headers: { 'Content-Type': 'text/html' }, body: '<a>moved</a>' },
    { name: 'no response at all (status 0)', status: 0, failure: 'net::ERR_CONNECTION_REFUSED' },
    { name: 'HEAD 404 has no content to label', method: 'HEAD', status: 404 },
    {
      name: 'HEAD 404 with the Content-Type a GET would have',
      method: 'head',
      status: 404,
      headers: { 'Content-Type': 'text/html', 'Content-Length': '153' },
    },
    {
      name: 'empty 401 without Content-Type',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer' },
      body: null,
    },
    {
      name: 'empty 405 without Content-Type',
      method: 'PUT',
      status: 405,
      headers: { Allow: 'GET' },
      body: null,
    },
    { name: 'empty 412 without Content-Type', method: 'PATCH', status: 412, body: null },
    {
      name: 'empty 422 with an empty Content-Type value',
      status: 422,
      headers: { 'Content-Type': '' },
      body: null,
    },
    {
      name: 'unseen body declared empty by Content-Length: 0 (monitoring)',
      status: 401,
      headers: { 'Content-Length': '0' },
    },
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
      // Quay's 401 (test/fixtures/realworld/j1quay_401-problem-body-as-json.har): only the label is wrong.
      name: 'a problem details body served as application/json: the fix is the header',
      status: 401,
      headers: { 'Content-Type': 'application/json' },
      body: {
        type: 'https://quay.example/api/v1/error/invalid_token',
        title: 'invalid_token',
        status: 401,
        detail: 'Requires authentication',
        error_type: 'invalid_token',
      },
      findings: [
        {
          severity: 'warning',
          message: [
            'Content-Type application/json',
            'already a problem details object (with "type", "title", "status" and "detail")',
            'serve it as application/problem+json',
          ],
        },
      ],
    },
    {
      name: 'title and status alone (type defaults to about:blank), with no Content-Type',
      status: 404,
      body: '{"title":"Not Found","status":404}',
      findings: [
        {
          severity: 'warning',
          message: ['no Content-Type', 'problem details object (with "title" and "status")'],
        },
      ],
    },
    {
      name: "near miss: Spring Boot's error body has a status but no title: the generic advice",
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: { timestamp: '2026-12-07T09:00:00Z', status: 400, error: 'Bad Request', path: '/orders' },
      findings: [
        {
          severity: 'warning',
          message: ['400', 'not application/problem+json (or application/problem+xml)'],
        },
      ],
    },
    {
      name: 'near miss: a title alone is no problem details object',
      status: 422,
      headers: { 'Content-Type': 'application/json' },
      body: { title: 'Invalid order' },
      findings: [
        { severity: 'warning', message: 'not application/problem+json (or application/problem+xml)' },
      ],
    },
    {
      name: '500 as text/html',
      status: 500,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<h1>oops</h1>',
      findings: [{ severity: 'warning', message: ['500', 'text/html'] }],
    },
    {
      name: '400 with a body but no Content-Type',
      status: 400,
      body: '{"error":"bad"}',
      findings: [{ severity: 'warning', message: ['400', 'no Content-Type'] }],
    },
    {
      name: 'unknown body without Content-Type',
      status: 503,
      findings: [{ severity: 'warning', message: ['503', 'no Content-Type'] }],
    },
    {
      name: 'unseen body with a non-zero Content-Length',
      status: 401,
      headers: { 'Content-Length': '0, 12' },
      findings: [{ severity: 'warning', message: ['401', 'no Content-Type'] }],
    },
    {
      name: 'unknown body with a non-problem Content-Type',
      status: 401,
      headers: { 'Content-Type': 'text/plain' },
      findings: [{ severity: 'warning', message: ['401', 'text/plain'] }],
    },
    {
      name: 'empty Content-Type value on a body',
      status: 422,
      headers: { 'Content-Type': '' },
      body: 'oops',
      findings: [{ severity: 'warning', message: ['422', 'empty Content-Type'] }],
    },
    {
      name: 'an XML error that is not problem+xml',
      status: 409,
      headers: { 'Content-Type': 'application/xml' },
      body: '<error/>',
      findings: [{ severity: 'warning', message: ['application/xml', 'application/problem+xml'] }],
    },
  ],
});
