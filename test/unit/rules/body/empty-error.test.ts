import rule from '../../../../src/core/rules/body/empty-error';
import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../../src/core/engine/analyze';
import { makeExchange } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '404 with a JSON body',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'not found' },
    },
    { name: '404 body not captured', status: 404 },
    {
      // A real capture (Chrome 143, an MCP inspector probing OAuth metadata): Chrome records no
      // body for a preflight, and the page never sees one.
      name: 'a CORS preflight answered 404 (Chrome records no preflight body)',
      method: 'OPTIONS',
      status: 404,
      resourceType: 'preflight',
      requestHeaders: {
        Origin: 'http://localhost:6274',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'mcp-protocol-version',
      },
      headers: { 'Content-Type': 'text/html' },
      body: null,
    },
    {
      name: 'a preflight answered 405, known by its Access-Control-Request-Method alone',
      method: 'OPTIONS',
      status: 405,
      requestHeaders: { Origin: 'http://localhost:6274', 'Access-Control-Request-Method': 'GET' },
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      body: null,
    },
    { name: '404 to HEAD', method: 'HEAD', status: 404, body: null },
    { name: '204 success with no body', status: 204, body: null },
    { name: '500 with a binary body', status: 500, rawBody: { kind: 'binary', size: 12 } },
    {
      name: 'a bare string explains the error',
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: '"order 7 not found"',
    },
    {
      name: 'an application error code is terse, but an explanation',
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: '1001',
    },
    {
      name: 'plain text that is not a placeholder',
      status: 500,
      headers: { 'Content-Type': 'text/plain' },
      body: 'Database unavailable',
    },
    {
      name: 'a non-empty object',
      status: 422,
      headers: { 'Content-Type': 'application/json' },
      body: { errors: [] },
    },
    { name: '200 with {}', status: 200, headers: { 'Content-Type': 'application/json' }, body: {} },
    {
      name: '401 to HEAD with a challenge',
      method: 'HEAD',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer' },
      body: null,
    },
  ],
  invalid: [
    {
      name: "near miss: an OPTIONS that is not a preflight (no Access-Control-Request-Method) is the API's own call",
      method: 'OPTIONS',
      status: 404,
      body: null,
      findings: [{ severity: 'warning', message: ['404', 'OPTIONS', 'empty'] }],
    },
    {
      name: '500 with an empty body',
      method: 'POST',
      status: 500,
      body: null,
      findings: [{ severity: 'warning', message: ['500', 'POST', 'empty', 'RFC 9110 §15.6'] }],
    },
    {
      name: '404 with only whitespace',
      status: 404,
      body: '\r\n  \n',
      findings: [{ severity: 'warning', message: ['404', 'GET', 'RFC 9110 §15.5'] }],
    },
    {
      name: '403 with a zero-byte binary body',
      status: 403,
      rawBody: { kind: 'binary', size: 0 },
      findings: [{ severity: 'warning', message: '403' }],
    },
    {
      name: '401 with WWW-Authenticate is only a note',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' },
      body: null,
      findings: [{ severity: 'info', message: ['401', 'WWW-Authenticate', 'RFC 9110 §15.5'] }],
    },
    {
      name: '401 without a challenge stays a warning',
      status: 401,
      body: null,
      findings: [{ severity: 'warning', message: ['401', 'nothing tells the client'] }],
    },
    {
      name: '405 with Allow is only a note',
      method: 'DELETE',
      status: 405,
      headers: { Allow: 'GET, HEAD' },
      body: null,
      findings: [{ severity: 'info', message: ['405', 'DELETE', 'Allow'] }],
    },
    {
      name: '405 without Allow stays a warning',
      method: 'DELETE',
      status: 405,
      body: null,
      findings: [{ severity: 'warning', message: ['405', 'DELETE'] }],
    },
    {
      name: '412 Precondition Failed is only a note',
      method: 'PUT',
      status: 412,
      requestHeaders: { 'If-Match': '"v1"' },
      body: null,
      findings: [{ severity: 'info', message: ['412', 'PUT', "the request's If-Match"] }],
    },
    {
      name: '412 to a request without any precondition stays a warning',
      method: 'POST',
      status: 412,
      requestHeaders: { Accept: 'application/json' },
      body: null,
      findings: [{ severity: 'warning', message: ['412', 'POST', 'nothing tells the client'] }],
    },
    {
      name: '412 whose request headers were not recorded is only a note',
      method: 'PUT',
      status: 412,
      body: null,
      findings: [{ severity: 'info', message: ['412', 'preconditions'] }],
    },
    ...(
      [
        ['{}', { 'Content-Type': 'application/json' }],
        ['[]', { 'Content-Type': 'application/json' }],
        ['null', { 'Content-Type': 'application/json' }],
        ['""', { 'Content-Type': 'application/json' }],
        ['" "', { 'Content-Type': 'application/json' }],
        ['false', { 'Content-Type': 'application/json' }],
        ['0', { 'Content-Type': 'text/plain' }],
        ['{ }\n', { 'Content-Type': 'application/json; charset=utf-8' }],
      ] as const
    ).map(([body, headers]) => ({
      name: `500 whose body is ${JSON.stringify(body)} explains nothing (#13)`,
      status: 500,
      headers,
      body,
      findings: [
        {
          severity: 'warning' as const,
          message: ['500', `the body ${JSON.stringify(body.trim())}, which explains nothing`],
        },
      ],
    })),
    {
      // financechain_api.har: a bare (0) read as a count; the body is quoted as what it is.
      name: 'a 404 whose body is 0 quotes it as the body "0"',
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '0',
      findings: [
        {
          severity: 'warning',
          message:
            '404 to GET has the body "0", which explains nothing: the client learns no more than the status (RFC 9110 §15.5)',
        },
      ],
    },
    {
      name: '401 with a challenge and {} is a note, like an empty body',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'application/json' },
      body: {},
      findings: [
        { severity: 'info', message: ['401', 'the body "{}", which explains nothing', 'WWW-Authenticate'] },
      ],
    },
    {
      name: '503 with an empty body cites §15.6',
      status: 503,
      headers: { 'Retry-After': '30' },
      body: null,
      findings: [{ severity: 'warning', message: ['503', 'RFC 9110 §15.6'] }],
    },
  ],
});

describe('body/empty-error links the section for the status class (#16 point 10)', () => {
  const active = activeRules({ profiles: [], rules: {} });
  it.each([
    [404, 'RFC 9110 §15.5', '#section-15.5'],
    [503, 'RFC 9110 §15.6', '#section-15.6'],
  ])('a %i finding cites %s', (status, label, anchor) => {
    const { findings } = analyzeExchange(makeExchange({ status, body: null }), active);
    const f = findings.find((x) => x.rule === 'body/empty-error')!;
    expect(f.source.label).toBe(label);
    expect(f.source.url.endsWith(anchor)).toBe(true);
  });
});
