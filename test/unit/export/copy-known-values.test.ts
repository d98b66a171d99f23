import { describe, expect, it } from 'vitest';
import { toCurl } from '../../../src/core/export/curl';
import { toFetch } from '../../../src/core/export/fetch';
import { REDACTED } from '../../../src/core/export/redact';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

/*
 * Copy as cURL / fetch copies one request: its URL, headers and body. A credential that
 * redaction hides by name in one of them (a header, a cookie, a URL parameter) must not be
 * copied where nothing names it in another: an API that takes its key in a header and echoes
 * it in the path, a session cookie repeated in a form body's free text.
 */
const secret = 'Qz7mW2xPLk94';

const places: [string, ExchangeSpec][] = [
  [
    'Authorization token, again in the path',
    {
      url: `https://api.example/v1/keys/${secret}/usage`,
      requestHeaders: { Authorization: `Bearer ${secret}` },
    },
  ],
  [
    'cookie value, again in a text body',
    {
      method: 'POST',
      url: 'https://app.example/log',
      requestHeaders: { Cookie: `theme=dark; sid=${secret}` },
      postData: { mimeType: 'text/plain', text: `session ${secret} ended` },
    },
  ],
  [
    'query parameter, again in a JSON member with an ordinary name',
    {
      method: 'POST',
      url: `https://api.example/search?api_key=${secret}`,
      postData: { mimeType: 'application/json', text: JSON.stringify({ note: `using ${secret}` }) },
    },
  ],
  [
    '`;jsessionid=` path parameter, again in a header with an ordinary name',
    {
      url: `https://shop.example/cart;jsessionid=${secret}`,
      requestHeaders: { 'X-Trace': `s=${secret}` },
    },
  ],
  [
    'credential header, again in the Referer',
    {
      url: 'https://api.example/v1/me',
      requestHeaders: { 'X-Api-Key': secret, Referer: `https://app.example/setup/${secret}` },
    },
  ],
];

describe('a credential hidden by name in a copied request is hidden wherever else it holds it', () => {
  for (const [format, copy] of [
    ['cURL', toCurl],
    ['fetch', toFetch],
  ] as const) {
    it.each(places)(`${format}: %s`, (_where, spec) => {
      const ex = makeExchange(spec);
      const copied = copy(ex);
      expect(copied).not.toContain(secret);
      expect(copied).toContain(REDACTED);
      // Without redaction the command is the request as sent, every copy included (fetch leaves
      // out the Cookie header a page cannot set: the browser sends its own cookies).
      const sentCookie = format === 'fetch' && ex.requestHeaders.some((h) => h.name === 'Cookie');
      expect(copy(ex, { redact: false }).split(secret).length).toBeGreaterThan(sentCookie ? 1 : 2);
    });
  }
});
