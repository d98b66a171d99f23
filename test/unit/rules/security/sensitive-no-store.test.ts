import rule from '../../../../src/core/rules/security/sensitive-no-store';
import { ruleTester } from '../../../helpers/ruleTester';

const auth = { Authorization: 'Bearer t' };

ruleTester(rule, {
  valid: [
    { name: 'no-store', requestHeaders: auth, headers: { 'Cache-Control': 'no-store' } },
    {
      name: 'private with max-age',
      requestHeaders: auth,
      headers: { 'Cache-Control': 'private, max-age=60' },
    },
    { name: 'directive case-insensitive', requestHeaders: auth, headers: { 'cache-control': 'No-Store' } },
    { name: 'no Authorization', headers: {} },
    { name: 'failed request', status: 0, requestHeaders: auth },
  ],
  invalid: [
    {
      name: 'no Cache-Control',
      requestHeaders: auth,
      headers: {},
      findings: [{ severity: 'warning', message: ['200', 'GET', 'no Cache-Control'] }],
    },
    {
      name: 'public max-age',
      requestHeaders: { authorization: 'Basic x' },
      headers: { 'Cache-Control': 'public, max-age=3600' },
      findings: [{ severity: 'warning', message: ['public, max-age=3600', 'shared caches'] }],
    },
    {
      name: 'qualified private only hides fields',
      requestHeaders: auth,
      headers: { 'Cache-Control': 'private="Set-Cookie", max-age=60' },
      findings: [{ severity: 'warning', message: 'private="Set-Cookie"' }],
    },
    {
      name: 'no-cache is not no-store',
      method: 'POST',
      requestHeaders: auth,
      headers: { 'Cache-Control': 'no-cache' },
      findings: [{ severity: 'warning', message: ['POST', 'no-cache'] }],
    },
  ],
});
