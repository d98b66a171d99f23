import rule from '../../../../src/core/rules/body/status-mismatch';
import { describe, expect, it } from 'vitest';
import { analyzeExchange, DEFAULT_LIMITS } from '../../../../src/core/engine/analyze';
import { makeExchange, type ExchangeSpec } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    {
      name: 'matching status',
      status: 500,
      headers: json,
      body: { status: 500, error: 'Internal Server Error' },
    },
    {
      name: 'Google-style status name is not numeric',
      status: 404,
      headers: json,
      body: { error: { code: 404, message: 'x', status: 'NOT_FOUND' } },
    },
    { name: 'matching numeric string', status: 404, headers: json, body: { statusCode: '404' } },
    { name: 'JSend status word', status: 200, headers: json, body: { status: 'success' } },
    {
      name: 'app error code below 400 (Facebook-style)',
      status: 400,
      headers: json,
      body: { error: { code: 190, type: 'OAuthException' } },
    },
    {
      name: 'JSON-RPC negative code',
      status: 200,
      headers: json,
      body: { error: { code: -32601, message: 'Method not found' } },
    },
    { name: 'out-of-range number', status: 200, headers: json, body: { status: 1 } },
    { name: 'non-integer', status: 200, headers: json, body: { status: 200.5 } },
    { name: 'four-digit string', status: 200, headers: json, body: { status: '2000' } },
    {
      name: 'nested status elsewhere is ignored',
      status: 200,
      headers: json,
      body: { job: { status: 500 } },
    },
    { name: 'array body', status: 200, headers: json, body: [{ status: 500 }] },
    { name: 'failed request', status: 0, headers: json, body: { status: 500 } },
    {
      name: 'webhook delivery record: a resource whose status is the remote answer',
      status: 200,
      headers: json,
      body: { id: 9, status: 502, delivered_at: '2024-05-01T10:00:00Z', url: 'https://hooks.example.com' },
    },
    {
      name: 'resource with a message member is still a resource',
      status: 200,
      headers: json,
      body: { id: 'dlv_1', status: 500, message: 'endpoint answered 500' },
    },
    { name: 'progress value without an error envelope', status: 200, headers: json, body: { status: 100 } },
    {
      name: 'progress 100 with a message is not a final status',
      status: 200,
      headers: json,
      body: { status: 100, message: 'done' },
    },
    {
      name: 'bare statusCode without envelope members',
      status: 200,
      headers: json,
      body: { statusCode: 404 },
    },
    {
      name: 'Facebook Graph 400 with its own error.code 506 (other class, no status member)',
      status: 400,
      headers: json,
      body: {
        error: {
          message: 'Duplicate status message',
          type: 'OAuthException',
          code: 506,
          fbtrace_id: 'AbCdEf',
        },
      },
    },
    {
      name: 'error.code in another class without a status member (soft-error territory)',
      status: 200,
      headers: json,
      body: { error: { code: 404, message: 'not found' } },
    },
    // `errors[].code`: a status echo only as one registered status, in every entry, across classes.
    {
      name: 'errors[].code matching the status',
      status: 400,
      headers: json,
      body: { errors: [{ code: 400, message: 'name is required' }] },
    },
    {
      name: 'near miss: errors[].code that is not an HTTP status (an API code)',
      status: 500,
      headers: json,
      body: { errors: [{ code: 4001, message: 'upstream timeout' }] },
    },
    {
      name: 'near miss: errors[].code small API code (Twitter 34)',
      status: 404,
      headers: json,
      body: { errors: [{ code: 34, message: 'Sorry, that page does not exist.' }] },
    },
    {
      name: 'near miss: errors[].code in 400-599 but not a registered status',
      status: 500,
      headers: json,
      body: { errors: [{ code: 460, message: 'client closed the connection' }] },
    },
    {
      name: 'near miss: errors with mixed codes are per-entry outcomes',
      status: 500,
      headers: json,
      body: {
        errors: [
          { code: 400, message: 'name is required' },
          { code: 404, message: 'no such team' },
        ],
      },
    },
    {
      name: 'near miss: an entry without a code',
      status: 500,
      headers: json,
      body: { errors: [{ code: 400, message: 'a' }, { message: 'b' }] },
    },
    {
      name: 'near miss: same class (Twitter 415 "callback URL not approved" on a 403 is its own code)',
      status: 403,
      headers: json,
      body: { errors: [{ code: 415, message: 'Callback URL not approved for this client application.' }] },
    },
    {
      name: 'near miss: errors[].code as a string (JSON:API codes are application-specific strings)',
      status: 500,
      headers: json,
      body: { errors: [{ status: '500', code: '400', title: 'x' }] },
    },
    {
      name: 'near miss: on a 2xx an errors list is body/soft-error’s, and bulk endpoints list item failures',
      status: 200,
      headers: json,
      body: { results: [{ id: 1 }], errors: [{ code: 404, message: 'item 2 not found' }] },
    },
    { name: 'near miss: an empty errors list', status: 500, headers: json, body: { errors: [] } },
    {
      name: 'near miss: errors entries that are strings',
      status: 500,
      headers: json,
      body: { errors: ['400'] },
    },
  ],
  invalid: [
    {
      name: 'status number differs',
      status: 200,
      headers: json,
      body: { status: 404, message: 'User not found' },
      // The place is the pointer beside the message, not repeated in it.
      findings: [
        {
          severity: 'warning',
          pointer: '/status',
          message: 'body says status 404 but the HTTP status is 200',
        },
      ],
    },
    {
      name: 'statusCode as a numeric string',
      status: 200,
      headers: json,
      body: { statusCode: '500', message: 'Internal server error' },
      findings: [{ severity: 'warning', pointer: '/statusCode', message: ['"500"', '200'] }],
    },
    {
      name: 'Google error served with the wrong status',
      status: 200,
      headers: json,
      body: { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } },
      findings: [{ severity: 'warning', pointer: '/error/code', message: ['403', '200'] }],
    },
    {
      name: 'error.status number differs',
      status: 500,
      headers: json,
      body: { error: { status: 400, detail: 'bad' } },
      findings: [{ severity: 'warning', pointer: '/error/status', message: ['400', '500'] }],
    },
    {
      name: 'problem details status differs (title makes it an envelope)',
      status: 400,
      headers: { 'Content-Type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Not Found', status: 404 },
      findings: [{ severity: 'warning', pointer: '/status', message: ['404', '400'] }],
    },
    {
      name: 'Spring Boot error echoing another status',
      status: 200,
      headers: json,
      body: { timestamp: '2024-05-01T10:00:00Z', status: 500, error: 'Internal Server Error', path: '/x' },
      findings: [{ severity: 'warning', pointer: '/status', message: ['500', '200'] }],
    },
    {
      name: 'error.code in the same class as the status',
      status: 400,
      headers: json,
      body: { error: { code: 404, message: 'no such user' } },
      findings: [{ severity: 'warning', pointer: '/error/code', message: ['404', '400'] }],
    },
    {
      name: 'top-level status matches, error.status does not',
      status: 500,
      headers: json,
      body: { status: 500, error: { status: 503, message: 'upstream' } },
      findings: [{ severity: 'warning', pointer: '/error/status', message: ['503', '500'] }],
    },
    {
      name: 'a 500 whose errors[] says 400',
      status: 500,
      headers: json,
      body: { errors: [{ code: 400, message: 'The request is invalid' }] },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/0/code',
          message: 'body says status 400 but the HTTP status is 500',
        },
      ],
    },
    {
      name: 'a 400 whose errors[] all say 503',
      status: 400,
      headers: json,
      body: {
        errors: [
          { code: 503, message: 'search is unavailable' },
          { code: 503, message: 'billing is unavailable' },
        ],
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/0/code',
          message: 'body says status 503 in all 2 entries of "errors" but the HTTP status is 400',
        },
      ],
    },
    {
      name: 'errors[] beside a matching top-level status: the differing one is reported',
      status: 502,
      headers: json,
      body: { status: 502, message: 'upstream failed', errors: [{ code: 422, message: 'bad field' }] },
      findings: [{ severity: 'warning', pointer: '/errors/0/code', message: ['422', '502'] }],
    },
  ],
});

describe('body/status-mismatch source', () => {
  const sourceOf = (spec: ExchangeSpec) =>
    analyzeExchange(makeExchange(spec), [{ rule }], DEFAULT_LIMITS, []).findings[0]?.source.label;

  it('cites RFC 9457 §3.1.2 only for a problem details "status"', () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404 };
    expect(
      sourceOf({ status: 400, headers: { 'Content-Type': 'application/problem+json' }, body: problem }),
    ).toBe('RFC 9457 §3.1.2');
    // Problem-shaped but labelled application/json: still problem details' own member.
    expect(sourceOf({ status: 400, headers: json, body: problem })).toBe('RFC 9457 §3.1.2');
  });

  it("cites RFC 9110 §15 for a body that is not problem details (CrowdStrike's errors[0].code)", () => {
    // j1crowdstrike_token-500-retries.har #0: a 500 whose errors say 400.
    const crowdstrike = { meta: {}, errors: [{ code: 400, message: 'Failed to generate access token' }] };
    expect(sourceOf({ status: 500, headers: json, body: crowdstrike })).toBe('RFC 9110 §15');
    expect(sourceOf({ status: 200, headers: json, body: { status: 404, message: 'User not found' } })).toBe(
      'RFC 9110 §15',
    );
  });
});
