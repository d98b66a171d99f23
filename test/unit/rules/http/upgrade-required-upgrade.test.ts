import rule from '../../../../src/core/rules/http/upgrade-required-upgrade';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '101 WebSocket handshake',
      status: 101,
      headers: { Upgrade: 'websocket', Connection: 'Upgrade' },
    },
    { name: '426 with lower-case upgrade', status: 426, headers: { upgrade: 'TLS/1.3, HTTP/1.1' } },
    {
      name: 'repeated Upgrade lines',
      status: 426,
      headers: [
        { name: 'Upgrade', value: '' },
        { name: 'UPGRADE', value: 'HTTP/2.0' },
      ],
    },
    { name: '200 without Upgrade', status: 200 },
    // Upgrade is a connection-specific field, prohibited in HTTP/2 and HTTP/3.
    ...['HTTP/2.0', 'h2', 'http/2', 'HTTP/3', 'h3', 'h3-29'].map((httpVersion) => ({
      name: `426 over ${httpVersion} without Upgrade`,
      status: 426,
      httpVersion,
    })),
  ],
  invalid: [
    {
      name: '101 without Upgrade',
      status: 101,
      findings: [{ severity: 'error', message: ['101 Switching Protocols', 'no Upgrade'] }],
    },
    {
      name: '426 without Upgrade',
      status: 426,
      headers: { Connection: 'Upgrade' },
      findings: [{ severity: 'error', message: ['426 Upgrade Required', 'no Upgrade'] }],
    },
    {
      name: '426 over HTTP/1.0 without Upgrade',
      status: 426,
      httpVersion: 'HTTP/1.0',
      findings: [{ severity: 'error', message: ['426 Upgrade Required', 'no Upgrade'] }],
    },
    {
      name: '426 with an empty Upgrade',
      status: 426,
      headers: { Upgrade: ' ' },
      findings: [{ severity: 'error', message: 'empty Upgrade' }],
    },
  ],
});
