import rule from '../../../../src/core/rules/security/nosniff';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'nosniff present',
      headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' },
      body: { a: 1 },
    },
    { name: 'nosniff in another case', headers: { 'x-content-type-options': 'NoSniff' }, body: 'hi' },
    { name: 'empty body', headers: {}, body: null },
    { name: 'body not captured', headers: {} },
    { name: '204', status: 204, rawBody: { kind: 'text', text: 'x', size: 1 } },
  ],
  invalid: [
    {
      name: 'JSON without the header',
      headers: { 'Content-Type': 'application/json' },
      body: { a: 1 },
      findings: [{ severity: 'warning', message: ['200', 'application/json', 'X-Content-Type-Options'] }],
    },
    {
      name: 'wrong value',
      status: 404,
      headers: { 'Content-Type': 'text/html', 'X-Content-Type-Options': 'sniff-please' },
      body: '<p>x</p>',
      findings: [{ severity: 'warning', message: ['404', 'sniff-please'] }],
    },
    {
      name: 'untyped binary body',
      rawBody: { kind: 'binary', size: 10 },
      findings: [{ severity: 'warning', message: 'untyped' }],
    },
  ],
});
