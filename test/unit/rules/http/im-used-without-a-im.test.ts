import rule from '../../../../src/core/rules/http/im-used-without-a-im';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '226 to a delta request',
      status: 226,
      requestHeaders: { 'A-IM': 'vcdiff, diffe', 'If-None-Match': '"abcd123"' },
      headers: { IM: 'vcdiff', 'Delta-Base': '"abcd123"', ETag: '"5678a23"' },
    },
    { name: 'lower-case a-im', status: 226, requestHeaders: { 'a-im': 'feed' } },
    { name: 'no request headers recorded', status: 226 },
    { name: '200 without A-IM', status: 200, requestHeaders: { Accept: '*/*' } },
  ],
  invalid: [
    {
      name: '226 to a request without A-IM (#13)',
      status: 226,
      requestHeaders: { Accept: 'application/json' },
      headers: { 'Content-Type': 'application/json' },
      findings: [{ severity: 'warning', message: ['226 IM Used', 'GET', 'no A-IM header'] }],
    },
    {
      name: 'a validator alone does not ask for a delta',
      status: 226,
      requestHeaders: { 'If-None-Match': '"abcd123"' },
      findings: [{ severity: 'warning', message: 'A-IM' }],
    },
  ],
});
