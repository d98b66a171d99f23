import { headerValues } from '../../exchange/headers';
import { httpMajorVersion } from '../../exchange/protocol';
import { defineRule } from '../types';

const REASONS: Readonly<Record<number, string>> = { 101: 'Switching Protocols', 426: 'Upgrade Required' };

export default defineRule({
  id: 'http/upgrade-required-upgrade',
  group: 'core',
  severity: 'error',
  headerOnly: true,
  description:
    'A 101 Switching Protocols or 426 Upgrade Required must name the protocol(s) in an Upgrade header.',
  source: { label: 'RFC 9110 §7.8', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.8' },
  check({ exchange }) {
    const reason = exchange.status === 101 || exchange.status === 426 ? REASONS[exchange.status] : undefined;
    if (reason === undefined) return [];
    // HTTP/2 and HTTP/3 prohibit Upgrade as a connection-specific field (RFC 9113 §8.2.2,
    // RFC 9114 §4.2): a 426 sent over them cannot carry one, so its absence says nothing.
    const major = httpMajorVersion(exchange.httpVersion);
    if (exchange.status === 426 && (major === 2 || major === 3)) return [];
    const values = headerValues(exchange.responseHeaders, 'upgrade');
    if (values.some((v) => v.trim() !== '')) return [];
    const what = values.length > 0 ? 'an empty Upgrade header' : 'no Upgrade header';
    const why =
      exchange.status === 101
        ? 'the protocol the connection switched to'
        : 'the protocol the client must switch to';
    return [{ message: `${exchange.status} ${reason} has ${what}; it must name ${why}` }];
  },
});
