import { isRegisteredCode } from '../../catalogue/reason-phrases';
import { UNOFFICIAL_ORIGINS } from '../../catalogue/unofficial';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/status-unregistered',
  group: 'core',
  severity: 'warning',
  otherSeverities: [
    { severity: 'info', when: 'for known vendor codes' },
    { severity: 'error', when: 'outside 100–599' },
  ],
  headerOnly: true,
  description:
    'The status code should be one the IANA HTTP Status Code Registry defines; codes outside 100–599 are not HTTP at all.',
  source: { label: 'RFC 9110 §15', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15' },
  check({ exchange }) {
    const code = exchange.status;
    // 0 is how browsers and HAR files record "no response"; that is a failure, not a status code.
    if (code === 0 || isRegisteredCode(code)) return [];
    if (!Number.isInteger(code) || code < 100 || code > 599) {
      return [
        {
          message: `${code} is not a valid HTTP status code: RFC 9110 allows only 100–599`,
          severity: 'error',
        },
      ];
    }
    const known = Object.hasOwn(UNOFFICIAL_ORIGINS, code) ? UNOFFICIAL_ORIGINS[code] : undefined;
    if (known) {
      return [
        {
          message: `${code} is not a registered status code; ${known.origin} uses it for "${known.reason}"`,
          severity: 'info',
        },
      ];
    }
    // Clients treat an unknown code as the x00 of its class (RFC 9110 §15), losing whatever it meant.
    const fallback = Math.floor(code / 100) * 100;
    return [
      {
        message: `${code} is not in the IANA status code registry; clients will treat it as a plain ${fallback}`,
      },
    ];
  },
});
