import rule from '../../../../src/core/rules/http/precondition-failed-without-condition';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    { name: '412 to If-Match', method: 'PUT', status: 412, requestHeaders: { 'If-Match': '"v1"' } },
    {
      name: '412 to if-unmodified-since (any case)',
      method: 'DELETE',
      status: 412,
      requestHeaders: { 'if-unmodified-since': 'Tue, 15 Nov 1994 08:12:31 GMT' },
    },
    {
      name: '412 to If-None-Match: * on a create',
      method: 'PUT',
      status: 412,
      requestHeaders: { 'If-None-Match': '*' },
    },
    {
      name: '412 to If-Modified-Since',
      status: 412,
      requestHeaders: { 'If-Modified-Since': 'Tue, 15 Nov 1994 08:12:31 GMT' },
    },
    { name: '412 to If-Range', status: 412, requestHeaders: { 'If-Range': '"v1"', Range: 'bytes=0-9' } },
    {
      name: 'WebDAV If header',
      method: 'PROPPATCH',
      status: 412,
      requestHeaders: { If: '(<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2>)' },
    },
    {
      name: 'WebDAV MOVE with Overwrite: F',
      method: 'MOVE',
      status: 412,
      requestHeaders: { Overwrite: 'F', Destination: '/b' },
    },
    {
      name: 'Google Cloud Storage generation precondition',
      method: 'POST',
      status: 412,
      requestHeaders: { 'x-goog-if-generation-match': '0' },
    },
    {
      name: 'S3 copy-source precondition',
      method: 'PUT',
      status: 412,
      requestHeaders: { 'x-amz-copy-source-if-match': '"abc"' },
    },
    { name: 'no request headers recorded', method: 'PUT', status: 412 },
    { name: '428 asks for a precondition', method: 'PUT', status: 428, requestHeaders: { Accept: '*/*' } },
  ],
  invalid: [
    {
      name: '412 used for a business rule (#13)',
      method: 'POST',
      status: 412,
      requestHeaders: { Accept: 'application/json', 'Content-Type': 'application/json' },
      headers: json,
      body: { error: 'account must be verified first' },
      findings: [
        {
          severity: 'warning',
          message: [
            '412 Precondition Failed',
            'POST',
            'If-Match',
            'If-Unmodified-Since',
            '428 Precondition Required',
          ],
        },
      ],
    },
    {
      name: 'a header that merely contains "if" is not a precondition',
      method: 'PUT',
      status: 412,
      requestHeaders: { 'X-Notify': 'yes', 'X-Diff': '1' },
      findings: [{ severity: 'warning', message: 'PUT' }],
    },
  ],
});
