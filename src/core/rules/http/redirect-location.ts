import { headerValues } from '../../exchange/headers';
import { defineRule } from '../types';

const REDIRECTS: Readonly<Record<number, string>> = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
};

export default defineRule({
  id: 'http/redirect-location',
  group: 'core',
  severity: 'warning',
  headerOnly: true,
  description: 'A 301, 302, 303, 307 or 308 redirect should name its target in a Location header.',
  source: { label: 'RFC 9110 §15.4', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.4' },
  check({ exchange }) {
    const reason = Object.hasOwn(REDIRECTS, exchange.status) ? REDIRECTS[exchange.status] : undefined;
    if (reason === undefined) return [];
    const values = headerValues(exchange.responseHeaders, 'location');
    if (values.some((v) => v.trim() !== '')) return [];
    const what = values.length > 0 ? 'an empty Location header' : 'no Location header';
    return [{ message: `${exchange.status} ${reason} has ${what}, so a client has nowhere to go` }];
  },
});
