import rule from '../../../../src/core/rules/http/accepted-tracking';
import { describe, expect, it } from 'vitest';
import { analyzeExchange } from '../../../../src/core/engine/analyze';
import { makeExchange } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };
const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, { v: i }]));

ruleTester(rule, {
  valid: [
    { name: 'Location header', method: 'POST', status: 202, headers: { Location: '/jobs/42' } },
    {
      name: 'Content-Location in lower case, unknown body',
      status: 202,
      headers: { 'content-location': '/jobs/42' },
    },
    {
      name: 'Azure Operation-Location',
      status: 202,
      headers: { 'Operation-Location': 'https://x/operations/1' },
      body: null,
    },
    {
      name: 'SendGrid /v3/mail/send: empty body, tracked by X-Message-Id',
      method: 'POST',
      url: 'https://api.sendgrid.com/v3/mail/send',
      status: 202,
      headers: { 'X-Message-Id': 'W4x9kPq2RZ2mN0aBcD3efg', 'Content-Length': '0' },
      body: null,
    },
    {
      name: 'X-Job-Id header in another case, text body',
      status: 202,
      headers: { 'x-job-id': 'job-17', 'Content-Type': 'text/plain' },
      body: 'Accepted',
    },
    { name: 'Task-Id header without an x- prefix', status: 202, headers: { 'Task-Id': 't-1' } },
    { name: 'top-level id', status: 202, headers: json, body: { id: 'abc', status: 'queued' } },
    { name: 'numeric jobId', status: 202, headers: json, body: { jobId: 7 } },
    { name: 'snake_case queue_token', status: 202, headers: json, body: { queue_token: 'q-1' } },
    { name: 'status_url', status: 202, headers: json, body: { status_url: 'https://x/status/1' } },
    {
      name: 'statusQueryGetUri (Azure Durable Functions)',
      status: 202,
      headers: json,
      body: { statusQueryGetUri: 'https://x/q' },
    },
    {
      name: 'HAL _links object',
      status: 202,
      headers: json,
      body: { _links: { self: { href: '/jobs/1' } } },
    },
    { name: 'id one level down in data', status: 202, headers: json, body: { data: { id: '42' } } },
    { name: 'operation object with id', status: 202, headers: json, body: { operation: { id: 'op-1' } } },
    {
      name: 'job object in an array one level down',
      status: 202,
      headers: json,
      body: { jobs: [{ taskId: 't1' }] },
    },
    { name: 'top-level array of jobs', status: 202, headers: json, body: [{ id: 1 }, { id: 2 }] },
    {
      name: 'Google-style operation',
      status: 202,
      headers: json,
      body: { name: 'operations/123', done: false },
    },
    { name: 'JSON body without a JSON content type', status: 202, body: { monitor: 'https://x/m/1' } },
    {
      name: 'id under a __proto__ key one level down',
      status: 202,
      headers: json,
      rawBody: { kind: 'text', text: '{"__proto__":{"id":"7"}}', size: 24 },
    },
    { name: '200 with nothing', status: 200, body: null },
    { name: 'status 0', status: 0, failure: 'net::ERR_FAILED' },
  ],
  invalid: [
    {
      name: 'HEAD: says a response to HEAD has no body, not that its body is empty',
      method: 'HEAD',
      status: 202,
      body: null,
      findings: [
        { severity: 'info', message: ['202 Accepted to HEAD', 'a response to HEAD carries no body'] },
      ],
    },
    {
      name: 'body not captured and no header',
      method: 'POST',
      status: 202,
      findings: [{ severity: 'info', message: ['202', 'POST', 'not seen'] }],
    },
    {
      name: 'empty body',
      status: 202,
      body: null,
      findings: [{ severity: 'info', message: 'empty' }],
    },
    {
      name: 'JSON body with only a status',
      status: 202,
      headers: json,
      body: { status: 'queued' },
      findings: [{ severity: 'info', message: ['202', 'JSON body has no id'] }],
    },
    {
      name: 'handles that are empty or null do not count',
      status: 202,
      headers: json,
      body: { id: '', jobId: null, _links: {}, token: '  ' },
      findings: [{ severity: 'info', message: 'JSON body' }],
    },
    {
      name: 'an id two levels down is too deep',
      status: 202,
      headers: json,
      body: { data: { job: { id: 1 } } },
      findings: [{ severity: 'info', message: 'JSON body' }],
    },
    {
      name: 'Datadog intake: {"status":"ok"} is fire-and-forget, info only',
      method: 'POST',
      url: 'https://http-intake.logs.datadoghq.com/api/v2/logs',
      status: 202,
      headers: json,
      body: { status: 'ok' },
      findings: [{ severity: 'info', message: ['202', 'POST', 'fire-and-forget'] }],
    },
    {
      name: 'DELETE answered 202 with an empty body',
      method: 'DELETE',
      status: 202,
      body: null,
      findings: [{ severity: 'info', message: ['DELETE', 'empty'] }],
    },
    {
      name: 'a per-request X-Request-Id is not a handle on the work',
      method: 'POST',
      status: 202,
      headers: { 'X-Request-Id': 'req-1', 'X-Correlation-Id': 'c-1', 'x-amzn-RequestId': 'a-1' },
      body: null,
      findings: [{ severity: 'info', message: 'empty' }],
    },
    {
      name: 'empty X-Message-Id',
      status: 202,
      headers: { 'X-Message-Id': ' ' },
      body: null,
      findings: [{ severity: 'info', message: 'empty' }],
    },
    {
      name: 'empty Location header',
      status: 202,
      headers: { Location: '' },
      body: null,
      findings: [{ severity: 'info', message: 'no Location' }],
    },
    {
      name: 'plain text body',
      status: 202,
      headers: { 'Content-Type': 'text/plain' },
      body: 'Accepted',
      findings: [{ severity: 'info', message: 'not JSON' }],
    },
    {
      name: 'binary body',
      status: 202,
      rawBody: { kind: 'binary', size: 10 },
      findings: [{ severity: 'info', message: 'binary' }],
    },
    {
      name: 'JSON that is a bare string',
      status: 202,
      headers: json,
      body: '"queued"',
      findings: [{ severity: 'info', message: 'JSON body' }],
    },
    {
      name: '__proto__ key with an id inside is still one level down, other keys empty',
      status: 202,
      headers: json,
      rawBody: { kind: 'text', text: '{"__proto__":{"status":"x"},"id":null}', size: 38 },
      findings: [{ severity: 'info', message: 'JSON body' }],
    },
    {
      name: 'deeply nested body with no handle',
      status: 202,
      headers: json,
      body: deep,
      findings: [{ severity: 'info', message: 'JSON body' }],
    },
    {
      name: 'wide body with no handle',
      status: 202,
      headers: json,
      body: wide,
      findings: [{ severity: 'info', message: 'JSON body' }],
    },
  ],
});

describe('http/accepted-tracking wording on HEAD', () => {
  it('never says the body of a HEAD response "is empty"', () => {
    for (const body of [null, undefined]) {
      const [f] = analyzeExchange(makeExchange({ method: 'HEAD', status: 202, body }), [{ rule }]).findings;
      expect(f!.message).not.toContain('body is empty');
      expect(f!.message).not.toContain('not seen');
    }
  });
});
