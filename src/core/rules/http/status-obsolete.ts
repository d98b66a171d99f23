import { defineRule } from '../types';

const WHY: Readonly<Record<number, string>> = {
  305: '305 Use Proxy is deprecated (RFC 9110 §15.4.6): letting a response pick the proxy was a security hole, and browsers ignore it',
  306: '306 is unused (RFC 9110 §15.4.7): it was "Switch Proxy" in an old draft and is now only reserved',
  418: "418 is unused (RFC 9110 §15.5.19): it is reserved because of the April Fools' teapot joke (RFC 2324), not a real error",
  510: '510 Not Extended is obsoleted: it belongs to the HTTP Extension Framework (RFC 2774), which has been moved to Historic',
};

export default defineRule({
  id: 'http/status-obsolete',
  group: 'core',
  severity: 'info',
  headerOnly: true,
  description:
    'The status code is registered but marked deprecated, unused or obsoleted; pick a current code.',
  source: { label: 'RFC 9110 §15', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15' },
  check({ exchange }) {
    const why = Object.prototype.hasOwnProperty.call(WHY, exchange.status) ? WHY[exchange.status] : undefined;
    return why === undefined ? [] : [{ message: why }];
  },
});
