// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toHar } from '../../../src/core/export/har';
import { defaultSettings } from '../../../src/core/settings/schema';
import { makeExchange } from '../../helpers/exchange';
import { mockClipboard, renderDetail } from './render';

/*
 * Product rule: anything we export, copy or store is redacted by the detectors that find
 * secrets. Every copy button of the detail pane (Copy all headers, Copy body, a JSON member's
 * Copy value) hides credentials as a HAR export does, unless the one "Include secrets" box of
 * the detail header is ticked. Credential-shaped values are assembled at run time.
 */

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.' + 'eyJzdWIiOiI0MiJ9.' + 'Sf1KxwRJ'.repeat(5);
const SESSION = 'Zq9Xw8Yv7'.repeat(3);
const GITHUB = 'gh' + 'p_' + 'k7Qm2xZp9L'.repeat(4).slice(0, 36);
const ACCESS = 'n0tAsh4peD'.repeat(3);
const QUERY_TOKEN = 'Qt7rW2mK9p'.repeat(2);
const SECRETS = { TOKEN, SESSION, GITHUB, ACCESS, QUERY_TOKEN };

function exchange() {
  return makeExchange({
    method: 'POST',
    url: `https://api.example.com/login?access_token=${QUERY_TOKEN}&page=2`,
    requestHeaders: [
      { name: 'Accept', value: 'application/json' },
      { name: 'Authorization', value: `Bearer ${TOKEN}` },
      { name: 'Cookie', value: `theme=dark; sid=${SESSION}` },
      { name: 'Referer', value: `https://app.example.com/cb?access_token=${QUERY_TOKEN}&x=1` },
      // Named nothing secret: found by its shape, and by being the Authorization's token.
      { name: 'X-Debug', value: `key=${GITHUB}` },
      { name: 'X-Echo', value: TOKEN },
    ],
    headers: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Set-Cookie', value: `sid=${SESSION}; Path=/; HttpOnly` },
      { name: 'Location', value: `https://app.example.com/done?token=${QUERY_TOKEN}` },
    ],
    body: { access_token: ACCESS, token_type: 'bearer', user: { id: 7, credentials: { password: ACCESS } } },
    postData: {
      mimeType: 'application/x-www-form-urlencoded',
      text: `user=ann&password=${ACCESS}&grant_type=password`,
    },
  });
}

function expectNoSecret(text: string | undefined) {
  expect(text).toBeDefined();
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(text!.includes(secret), `${name} is on the clipboard: ${text}`).toBe(false);
  }
  expect(text).toContain('[REDACTED]');
}

let clip: ReturnType<typeof mockClipboard>;
beforeEach(() => {
  clip = mockClipboard();
});
afterEach(() => {
  clip.restore();
  cleanup();
});

const section = (name: string) => screen.getByRole('region', { name });
const copied = async (n: number) => {
  await waitFor(() => expect(clip.written).toHaveLength(n));
  return clip.written[n - 1]!;
};

describe('the detail pane copies redacted text by default', () => {
  it('Copy all request headers: Authorization, cookies, URL tokens, token-shaped and echoed values', async () => {
    renderDetail(exchange(), { tab: 'headers' });
    fireEvent.click(
      within(section('Request headers')).getByRole('button', { name: 'Copy all request headers' }),
    );
    const text = await copied(1);
    expectNoSecret(text);
    expect(text.split('\n')).toEqual([
      'Accept: application/json',
      'Authorization: [REDACTED]',
      'Cookie: [REDACTED]',
      'Referer: https://app.example.com/cb?access_token=[REDACTED]&x=1',
      'X-Debug: key=[REDACTED]',
      'X-Echo: [REDACTED]',
    ]);
    expect(await screen.findByText('Copied request headers (secrets hidden)')).toBeInTheDocument();
  });

  it('Copy all response headers: Set-Cookie and a token in a Location query', async () => {
    renderDetail(exchange(), { tab: 'headers' });
    fireEvent.click(
      within(section('Response headers')).getByRole('button', { name: 'Copy all response headers' }),
    );
    const text = await copied(1);
    expectNoSecret(text);
    expect(text).toContain('Content-Type: application/json');
    expect(text).toContain('Location: https://app.example.com/done?token=[REDACTED]');
  });

  it('hides exactly what a HAR export of the exchange hides', async () => {
    const ex = exchange();
    renderDetail(ex, { tab: 'headers' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy all request headers' }));
    const har = toHar([ex]).log.entries[0]!;
    expect(await copied(1)).toBe(har.request.headers.map((h) => `${h.name}: ${h.value}`).join('\n'));
  });

  it('Copy body: a JSON member named as a credential, at any depth, in a document that still parses', async () => {
    renderDetail(exchange(), { tab: 'body' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy body' }));
    const text = await copied(1);
    expectNoSecret(text);
    expect(JSON.parse(text)).toEqual({
      access_token: '[REDACTED]',
      token_type: 'bearer',
      user: { id: 7, credentials: '[REDACTED]' },
    });
    expect(await screen.findByText('Copied body (secrets hidden)')).toBeInTheDocument();
  });

  it("a JSON member's Copy value, and a member inside one hidden whole", async () => {
    renderDetail(exchange(), { tab: 'body' });
    const row = (pointer: string) => document.querySelector(`[data-pointer="${pointer}"]`) as HTMLElement;
    fireEvent.click(within(row('/access_token')).getByRole('button', { name: 'Copy value' }));
    expect(await copied(1)).toBe('[REDACTED]');
    fireEvent.click(within(row('/user')).getByRole('button', { name: 'Copy value' }));
    const user = await copied(2);
    expectNoSecret(user);
    expect(JSON.parse(user)).toEqual({ id: 7, credentials: '[REDACTED]' });
    // Paths quote no value: copied as they are.
    fireEvent.click(within(row('/access_token')).getByRole('button', { name: 'Copy path' }));
    expect(await copied(3)).toBe('/access_token');
    expect(await screen.findByText('Copied path')).toBeInTheDocument();
  });

  it('Copy body of the request: a form field named as a credential', async () => {
    renderDetail(exchange(), { tab: 'request' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy body' }));
    expect(await copied(1)).toBe('user=ann&password=[REDACTED]&grant_type=password');
  });

  it("hides the names on the user's redaction lists, as Copy as cURL does", async () => {
    const settings = defaultSettings();
    settings.redaction.headers.push('accept');
    renderDetail(exchange(), { tab: 'headers', settings });
    fireEvent.click(screen.getByRole('button', { name: 'Copy all request headers' }));
    expect((await copied(1)).split('\n')[0]).toBe('Accept: [REDACTED]');
  });

  it('says nothing of secrets when there were none', async () => {
    renderDetail(makeExchange({ headers: { 'Content-Type': 'text/plain' } }), { tab: 'headers' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy all response headers' }));
    expect(await copied(1)).toBe('Content-Type: text/plain');
    expect(await screen.findByText('Copied response headers')).toBeInTheDocument();
  });
});

describe('with "Include secrets" ticked, every copy of the pane is raw', () => {
  const tick = () => fireEvent.click(screen.getByRole('checkbox', { name: /Include secrets/ }));

  it('says the box governs every copy', () => {
    renderDetail(exchange());
    expect(screen.getByRole('checkbox', { name: /Include secrets/ }).closest('label')).toHaveAttribute(
      'title',
      expect.stringMatching(/everything copied from this request: headers, bodies, values, cURL and fetch/),
    );
  });

  it('headers, bodies and values as recorded, and the confirmation says secrets are in', async () => {
    const ex = exchange();
    renderDetail(ex, { tab: 'headers' });
    tick();
    fireEvent.click(screen.getByRole('button', { name: 'Copy all request headers' }));
    expect(await copied(1)).toBe(ex.requestHeaders.map((h) => `${h.name}: ${h.value}`).join('\n'));
    expect(await screen.findByText('Copied request headers (includes secrets)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Copy all response headers' }));
    expect(await copied(2)).toContain(`Set-Cookie: sid=${SESSION}; Path=/; HttpOnly`);

    fireEvent.click(screen.getByRole('tab', { name: 'Body' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy body' }));
    expect(await copied(3)).toBe(ex.body.kind === 'text' ? ex.body.text : '');
    const row = document.querySelector('[data-pointer="/access_token"]') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Copy value' }));
    expect(await copied(4)).toBe(ACCESS);

    fireEvent.click(screen.getByRole('tab', { name: 'Request' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy body' }));
    expect(await copied(5)).toBe(`user=ann&password=${ACCESS}&grant_type=password`);
  });

  it('and unticking it hides them again', async () => {
    renderDetail(exchange(), { tab: 'headers' });
    tick();
    tick();
    fireEvent.click(screen.getByRole('button', { name: 'Copy all request headers' }));
    expectNoSecret(await copied(1));
  });
});
