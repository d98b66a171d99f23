import rule from '../../../../src/core/rules/body/invalid-json';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'valid JSON object', headers: { 'Content-Type': 'application/json' }, body: { id: 1 } },
    {
      name: 'valid JSON with +json suffix',
      headers: { 'Content-Type': 'application/problem+json' },
      body: '{"title":"x"}',
    },
    {
      name: 'broken JSON-looking text labelled text/plain',
      headers: { 'Content-Type': 'text/plain' },
      body: '{oops',
    },
    {
      name: 'JSON media type, empty body',
      status: 204,
      headers: { 'Content-Type': 'application/json' },
      body: null,
    },
    { name: 'JSON media type, body not captured', headers: { 'Content-Type': 'application/json' } },
    { name: 'JSON scalar', headers: { 'Content-Type': 'application/json' }, body: '42' },
  ],
  invalid: [
    {
      name: 'HTML page served as application/json',
      status: 502,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '<!DOCTYPE html><html><body>Bad gateway</body></html>',
      findings: [{ severity: 'error', message: ['application/json', 'not valid JSON', '<'] }],
    },
    {
      name: 'truncated JSON with a vendor +json type',
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: '{"data": [1, 2',
      findings: [{ severity: 'error', message: ['application/vnd.api+json'] }],
    },
    {
      name: 'JSON type with a trailing comma',
      headers: { 'Content-Type': 'Application/JSON' },
      body: '{"a": 1,}',
      findings: [{ severity: 'error', message: 'application/json' }],
    },
  ],
});
