import rule from '../../../../src/core/rules/http/head-refused';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'HEAD answered 200', method: 'HEAD', status: 200, headers: { 'Content-Length': '120' } },
    {
      name: 'near miss: a HEAD 405 whose Allow does not list GET (a POST-only action)',
      method: 'HEAD',
      status: 405,
      headers: { Allow: 'POST' },
    },
    {
      name: 'near miss: a HEAD 405 without Allow says nothing of GET (http/method-not-allowed-allow’s)',
      method: 'HEAD',
      status: 405,
    },
    {
      name: 'near miss: a HEAD 501 without Allow',
      method: 'HEAD',
      status: 501,
    },
    {
      name: 'near miss: Allow lists HEAD too: http/method-not-allowed-allow’s contradiction',
      method: 'HEAD',
      status: 405,
      headers: { Allow: 'GET, HEAD' },
    },
    {
      name: 'near miss: a method that only starts with GET',
      method: 'HEAD',
      status: 405,
      headers: { Allow: 'GETX, POST' },
    },
    {
      name: 'near miss: a POST refused with Allow: GET is another method',
      method: 'POST',
      status: 405,
      headers: { Allow: 'GET' },
    },
    {
      name: 'near miss: a HEAD answered 404 (no such resource)',
      method: 'HEAD',
      status: 404,
      headers: { Allow: 'GET' },
    },
    { name: 'empty Allow: the resource allows nothing', method: 'HEAD', status: 405, headers: { Allow: '' } },
  ],
  invalid: [
    {
      name: 'HEAD 405 with Allow: GET, POST',
      method: 'HEAD',
      status: 405,
      headers: { Allow: 'GET, POST' },
      findings: [
        {
          severity: 'warning',
          message: [
            'HEAD answered 405 Method Not Allowed',
            'Allow: GET, POST lists GET',
            'RFC 9110 §9.1',
            'answer HEAD as GET',
            'without the body',
          ],
        },
      ],
    },
    {
      name: 'HEAD 501 with Allow listing GET (and HEAD: a 501 refuses it anyway)',
      method: 'HEAD',
      status: 501,
      headers: { Allow: 'GET, HEAD, OPTIONS' },
      findings: [{ severity: 'warning', message: ['HEAD answered 501 Not Implemented', 'lists GET'] }],
    },
    {
      name: 'lower-case method names, repeated Allow lines, a lower-case request method',
      method: 'head',
      status: 405,
      headers: [
        { name: 'allow', value: 'post' },
        { name: 'ALLOW', value: ' get ' },
      ],
      findings: [{ severity: 'warning', message: 'Allow: post,  get' }],
    },
  ],
});
