import rule from '../../../../src/core/rules/http/status-obsolete';
import { describe, expect, it } from 'vitest';
import { analyzeExchange, DEFAULT_LIMITS } from '../../../../src/core/engine/analyze';
import { makeExchange } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '200', status: 200 },
    { name: '307', status: 307 },
    { name: '499 is unregistered, not obsolete', status: 499 },
    { name: 'status 0', status: 0, failure: 'net::ERR_FAILED' },
  ],
  invalid: [
    { name: '305', status: 305, findings: [{ severity: 'info', message: ['305 Use Proxy', 'deprecated'] }] },
    { name: '306', status: 306, findings: [{ severity: 'info', message: ['306', 'unused'] }] },
    { name: '418', status: 418, findings: [{ severity: 'info', message: ['418', 'unused', 'teapot'] }] },
    {
      name: '510',
      status: 510,
      findings: [{ severity: 'info', message: ['510 Not Extended', 'obsoleted'] }],
    },
  ],
});

describe('http/status-obsolete source', () => {
  it('links the section the message cites, not all of §15', () => {
    const [f] = analyzeExchange(makeExchange({ status: 305 }), [{ rule }], DEFAULT_LIMITS, []).findings;
    expect(f?.message).toContain('RFC 9110 §15.4.6');
    expect(f?.source).toEqual({
      label: 'RFC 9110 §15.4.6',
      url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6',
    });
  });
});
