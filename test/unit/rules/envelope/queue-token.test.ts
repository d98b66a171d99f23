import rule from '../../../../src/core/rules/envelope/queue-token';
import { ruleTester } from '../../../helpers/ruleTester';

const JSON_CT = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    {
      name: '202 with a token',
      method: 'POST',
      status: 202,
      headers: JSON_CT,
      body: { queue_token: 'q-123', msg: [] },
    },
    { name: '200 without a token', headers: JSON_CT, body: {} },
    { name: '202 with unknown body', method: 'POST', status: 202, headers: JSON_CT },
    {
      name: '202 with a non-JSON body is left to other rules',
      status: 202,
      headers: { 'Content-Type': 'text/plain' },
      body: 'queued',
    },
    { name: 'HEAD 202', method: 'HEAD', status: 202, body: null },
  ],
  invalid: [
    {
      name: '202 without a token',
      method: 'POST',
      status: 202,
      headers: JSON_CT,
      body: { msg: ['Queued.'] },
      findings: [{ severity: 'error', message: ['202', '"queue_token"'] }],
    },
    {
      name: 'empty 202',
      method: 'POST',
      status: 202,
      body: null,
      findings: [{ severity: 'error', message: ['202', 'empty body'] }],
    },
    {
      name: 'blank token',
      status: 202,
      headers: JSON_CT,
      body: { queue_token: '  ' },
      findings: [{ severity: 'error', pointer: '/queue_token', message: ['"queue_token"', 'empty string'] }],
    },
    {
      name: 'numeric token',
      status: 202,
      headers: JSON_CT,
      body: { queue_token: 42 },
      findings: [{ severity: 'error', pointer: '/queue_token', message: 'number (42)' }],
    },
    {
      name: 'array body',
      status: 202,
      headers: JSON_CT,
      body: ['q-1'],
      findings: [{ severity: 'error', message: ['202', 'array of 1 item'] }],
    },
    {
      name: 'token under __proto__ is not a token',
      status: 202,
      headers: JSON_CT,
      body: '{"__proto__": {"queue_token": "q-1"}}',
      findings: [{ severity: 'error', message: 'no "queue_token"' }],
    },
  ],
});
