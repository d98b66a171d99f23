import rule from '../../../../src/core/rules/http/status-obsolete';
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
