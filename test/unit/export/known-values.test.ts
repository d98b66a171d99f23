import { describe, expect, it } from 'vitest';
import { toHar } from '../../../src/core/export/har';
import { hideKnownValues, knownSecretValues } from '../../../src/core/export/known-values';
import { redactor, REDACTED } from '../../../src/core/export/redact';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

const red = redactor();

describe('a credential hidden by name is hidden wherever else the export holds it', () => {
  // k6_browsermob-klarna-checkout.har: the checkout page hands out the token in an HTML snippet,
  // and the next calls send it as their Authorization.
  const page = makeExchange({
    url: 'https://shop.example/checkout',
    headers: { 'Content-Type': 'text/html' },
    body: "<script>var AUTH_HEADER='Checkout s3cr3tT0ken9';</script>",
  });
  const call = makeExchange({
    method: 'POST',
    url: 'https://api.example/orders?session_token=Zx81kQ2pLm&page=2',
    requestHeaders: { Authorization: 'Checkout s3cr3tT0ken9', Cookie: 'theme=dark; sid=Ab12Cd34Ef56' },
    headers: { 'Content-Type': 'text/plain' },
    body: 'order for sid Ab12Cd34Ef56 (token Zx81kQ2pLm) accepted',
  });

  it('collects header values and their tokens, cookie values and credential parameters', () => {
    expect(knownSecretValues([page, call], red)).toEqual([
      'Checkout s3cr3tT0ken9',
      's3cr3tT0ken9',
      'Ab12Cd34Ef56',
      'Zx81kQ2pLm',
    ]);
  });

  it('leaves words, short values and numbers alone', () => {
    const plain = makeExchange({
      // pagexray_304-503.har: a beacon's cookies hold its own path and timestamps, which every
      // report's URL of that beacon would otherwise read as "…walmart.com[REDACTED]".
      requestHeaders: {
        Authorization: 'Bearer undefined',
        Cookie: 'consent=12345678; a=Xy1; _tap_path=/rum.gif; _tap-lrB=1522184006245:1522184006246:1',
      },
    });
    expect(knownSecretValues([plain], red)).toEqual(['Bearer undefined']);
  });

  it('a redacted HAR export holds none of them, in any entry; without redaction all stay', () => {
    const redacted = JSON.stringify(toHar([page, call]));
    for (const secret of ['s3cr3tT0ken9', 'Ab12Cd34Ef56', 'Zx81kQ2pLm'])
      expect(redacted).not.toContain(secret);
    expect(redacted).toContain(`AUTH_HEADER='${REDACTED}'`);
    expect(redacted).toContain('&page=2');
    const kept = JSON.stringify(toHar([page, call], { redact: false }));
    expect(kept).toContain("AUTH_HEADER='Checkout s3cr3tT0ken9'");
    expect(kept).toContain('sid Ab12Cd34Ef56');
  });

  it('hides the longest value first', () => {
    expect(hideKnownValues('a Checkout s3cr3tT0ken9 b', ['Checkout s3cr3tT0ken9', 's3cr3tT0ken9'])).toBe(
      `a ${REDACTED} b`,
    );
  });
});

describe('a credential parameter is collected wherever redaction hides it by its name', () => {
  // Each URL carries Tk9xQ2pLmZ71 where redactUrl hides it by name; a later request sends it
  // again where nothing names it (a Referer's path, a body), and the export must hide that copy.
  const secret = 'Tk9xQ2pLmZ71';
  const places: [string, ExchangeSpec][] = [
    ['query', { url: `https://api.example/a?access_token=${secret}` }],
    ['path parameter', { url: `https://app.example/cart;jsessionid=${secret}/view` }],
    ['path parameter, last segment', { url: `https://app.example/cart;jsessionid=${secret}?x=1` }],
    [
      'fragment (OAuth implicit flow)',
      { url: `https://app.example/cb#access_token=${secret}&token_type=bearer` },
    ],
    ['fragment route query', { url: `https://app.example/#/callback?token=${secret}` }],
    [
      'form field of a request body',
      {
        method: 'POST',
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: `grant_type=refresh_token&refresh_token=${secret}`,
        },
      },
    ],
    [
      'JSON member of a login response',
      { headers: { 'Content-Type': 'application/json' }, body: { user: 'ann', sessionToken: secret } },
    ],
    [
      'JSON member of a request body',
      {
        method: 'POST',
        postData: { mimeType: 'application/json', text: JSON.stringify({ apiKey: secret }) },
      },
    ],
    [
      "a redirect's Location",
      { status: 302, headers: { Location: `https://app.example/cb#access_token=${secret}` } },
    ],
  ];
  it.each(places)('%s', (_where, spec) => {
    const first = makeExchange(spec);
    const later = makeExchange({
      method: 'POST',
      url: 'https://api.example/log',
      requestHeaders: { Referer: `https://app.example/seen/${secret}` },
      postData: { mimeType: 'text/plain', text: `client saw ${secret}` },
    });
    expect(knownSecretValues([first], red)).toEqual([secret]);
    const out = JSON.stringify(toHar([first, later]));
    expect(out).not.toContain(secret);
    expect(out).toContain(`client saw ${REDACTED}`);
  });

  it('a percent-encoded value is collected as sent and decoded', () => {
    const first = makeExchange({ url: 'https://app.example/cb#code=Ab12%2FCd34Ef' });
    expect(knownSecretValues([first], red)).toEqual(['Ab12%2FCd34Ef', 'Ab12/Cd34Ef']);
  });

  it('an ordinary fragment or path parameter is not collected', () => {
    const plain = makeExchange({ url: 'https://docs.example/guide;lang=enGB2026#section=Intro2Things' });
    expect(knownSecretValues([plain], red)).toEqual([]);
  });
});
