import rule from '../../../../src/core/rules/body/missing-content-type';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'typed body', headers: { 'Content-Type': 'application/json' }, body: { a: 1 } },
    { name: 'typed body, header name lower case', headers: { 'content-type': 'text/plain' }, body: 'hi' },
    { name: 'no Content-Type, empty body', body: null },
    { name: 'no Content-Type, body not captured', status: 200 },
    { name: '204 never carries content', status: 204, rawBody: { kind: 'text', text: 'x', size: 1 } },
    { name: 'HEAD response', method: 'HEAD', rawBody: { kind: 'text', text: 'x', size: 1 } },
    { name: '304 Not Modified', status: 304, rawBody: { kind: 'binary', size: 10 } },
  ],
  invalid: [
    {
      name: 'text body without Content-Type',
      status: 200,
      body: 'hello',
      findings: [{ severity: 'warning', message: ['200', 'GET', '5-byte', 'Content-Type'] }],
    },
    {
      name: 'binary body without Content-Type',
      method: 'POST',
      status: 201,
      rawBody: { kind: 'binary', size: 2048 },
      findings: [{ severity: 'warning', message: ['201', 'POST', '2048-byte'] }],
    },
    {
      name: 'blank Content-Type value',
      status: 400,
      headers: { 'Content-Type': '  ' },
      body: { error: 'bad' },
      findings: [{ severity: 'warning', message: ['400', 'Content-Type'] }],
    },
  ],
});
