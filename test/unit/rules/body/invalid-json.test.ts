import rule from '../../../../src/core/rules/body/invalid-json';
import { describe, expect, it } from 'vitest';
import { analyzeExchange, DEFAULT_LIMITS } from '../../../../src/core/engine/analyze';
import { makeExchange } from '../../../helpers/exchange';
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
    {
      name: 'NDJSON correctly labelled application/x-ndjson',
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: '{"a":1}\n{"a":2}\n',
    },
  ],
  invalid: [
    {
      name: 'HTML page served as application/json',
      status: 502,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '<!DOCTYPE html><html><body>Bad gateway</body></html>',
      findings: [
        {
          severity: 'error',
          message: ['application/json', 'not valid JSON: line 1, column 1: expected a value, found "<"'],
        },
      ],
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
    {
      name: 'a pretty-printed body says where it broke by line and column, not by character count',
      headers: { 'Content-Type': 'application/json' },
      body: '{\n  "id": 1,\n  "name": "a"\n  "tags": []\n}',
      findings: [
        {
          severity: 'error',
          message: ["Expected ',' or '}' after property value at line 4, column 3"],
        },
      ],
    },
    {
      name: 'UTF-8 BOM before valid JSON is only a note (RFC 8259 §8.1)',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '\uFEFF{"id": 1, "name": "Zoë"}',
      findings: [{ severity: 'info', message: ['byte order mark', 'U+FEFF', 'RFC 8259 §8.1'] }],
    },
    {
      name: 'BOM before broken JSON is still an error, with the reason after the BOM',
      headers: { 'Content-Type': 'application/json' },
      body: '\uFEFF{"id": 1,',
      findings: [{ severity: 'error', message: ['not valid JSON'] }],
    },
    {
      name: 'Kubernetes ?watch=1 stream served as application/json',
      url: 'https://k8s.example.com/api/v1/namespaces/default/pods?watch=1',
      headers: { 'Content-Type': 'application/json' },
      body:
        '{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n' +
        '{"type":"MODIFIED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n' +
        '{"type":"DELETED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n',
      findings: [
        {
          severity: 'warning',
          message: ['newline-delimited JSON', '3 lines', 'application/x-ndjson', 'application/jsonl'],
        },
      ],
    },
    {
      name: 'NDJSON with CRLF line ends and a blank line',
      headers: { 'Content-Type': 'application/json' },
      body: '{"n":1}\r\n\r\n[2]\r\n',
      findings: [{ severity: 'warning', message: ['2 lines'] }],
    },
    {
      name: 'lines that mostly parse but one does not: invalid JSON',
      headers: { 'Content-Type': 'application/json' },
      body: '{"n":1}\n{"n":2\n{"n":3}\n',
      findings: [{ severity: 'error', message: ['not valid JSON'] }],
    },
    {
      name: 'pretty-printed JSON cut short is not NDJSON',
      headers: { 'Content-Type': 'application/json' },
      body: '{\n  "a": 1,\n  "b": [\n',
      findings: [{ severity: 'error', message: ['not valid JSON'] }],
    },
    {
      name: 'two JSON documents on one line are not NDJSON',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":1}{"a":2}',
      findings: [{ severity: 'error', message: ['not valid JSON'] }],
    },
  ],
});

describe('body/invalid-json message', () => {
  it('says "not valid JSON" once, then where it broke (fiddler5_flask-homework.har #9)', () => {
    const ex = makeExchange({
      headers: { 'Content-Type': 'application/json' },
      body: '{\n    "  ":  <?xml version="1.0" encoding="UTF-8" ?>\n<root><u_age>29</u_age></root>\n}',
    });
    const [finding] = analyzeExchange(ex, [{ rule }], DEFAULT_LIMITS, []).findings;
    // V8 quotes a slice (…"   "  ":  <?xml vers"…) without a place: the line and column are ours.
    expect(finding?.message).toBe(
      'Content-Type is application/json but the body is not valid JSON: line 2, column 12: expected a value, found "<"',
    );
    expect(finding?.message.match(/not valid JSON/g)).toHaveLength(1);
  });
});
