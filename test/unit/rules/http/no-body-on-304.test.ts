import rule from '../../../../src/core/rules/http/no-body-on-304';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '304 with a known-empty body', status: 304, body: null, headers: { ETag: '"v7"' } },
    { name: '304 whose body was not captured', status: 304 },
    {
      name: '304 with Content-Length describing the stored copy',
      status: 304,
      body: null,
      headers: { 'Content-Length': '1024' },
    },
    { name: '200 with a body', status: 200, body: 'fresh' },
  ],
  invalid: [
    {
      name: '304 with a text body',
      status: 304,
      body: '<svg/>',
      findings: [{ severity: 'error', message: ['304', 'GET', '6-byte body'] }],
    },
    {
      name: '304 with a binary body',
      method: 'HEAD',
      status: 304,
      rawBody: { kind: 'binary', size: 2048 },
      findings: [{ severity: 'error', message: ['HEAD', '2048-byte body'] }],
    },
  ],
});
