import rule from '../../../../src/core/rules/http/redirect-location';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '301 with Location', status: 301, headers: { Location: 'https://example.com/new' } },
    { name: '308 with a relative location in lower case', status: 308, headers: { location: '/new' } },
    {
      name: '303 with an empty and a real Location line',
      status: 303,
      headers: [
        { name: 'Location', value: '' },
        { name: 'LOCATION', value: '/orders/1' },
      ],
    },
    { name: '300 without Location is not a redirect here', status: 300 },
    { name: '304 without Location', status: 304 },
    { name: 'status 0', status: 0, failure: 'net::ERR_ABORTED' },
  ],
  invalid: [
    {
      name: '301 without Location',
      status: 301,
      findings: [{ severity: 'warning', message: ['301 Moved Permanently', 'no Location'] }],
    },
    {
      name: '302 without Location',
      status: 302,
      findings: [{ severity: 'warning', message: ['302 Found', 'no Location'] }],
    },
    {
      name: '303 without Location',
      method: 'POST',
      status: 303,
      findings: [{ severity: 'warning', message: '303 See Other' }],
    },
    {
      name: '307 without Location',
      status: 307,
      findings: [{ severity: 'warning', message: '307 Temporary Redirect' }],
    },
    {
      name: '308 with a whitespace-only Location',
      status: 308,
      headers: { Location: '   ' },
      findings: [{ severity: 'warning', message: ['308 Permanent Redirect', 'empty Location'] }],
    },
  ],
});
