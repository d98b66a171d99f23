// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Exchange } from '../../../src/core/exchange/types';
import { App } from '../../../src/surfaces/panel/App';
import { makeExchange } from '../../helpers/exchange';
import { setupPanel } from '../../helpers/panel';
import { renderDetail } from './render';

afterEach(cleanup);

const analyse = (ex: Exchange) => analyzeExchange(ex, activeRules({ profiles: [], rules: {} }));
const before = (a: Element, b: Element) =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
const explained = () => screen.queryByRole('region', { name: 'OAuth error explained' });
/** Shows `ex` in the Overview and reads its explanation: the section, its heading, and where the link named `origin` goes. */
function explanationOf(ex: Exchange) {
  renderDetail(ex, { analysis: analyse(ex) });
  const section = explained()!;
  return {
    section,
    heading: within(section).getByRole('heading', { level: 3 }),
    linkTo: (origin: string) => within(section).getByRole('link', { name: origin }).getAttribute('href'),
  };
}
/** A token revocation request (RFC 7009 §2.1: a form with the token, no grant_type) answered with JSON. */
const revocation = (body: object, status: number) =>
  makeExchange({
    method: 'POST',
    url: 'https://auth.example.com/oauth2/revoke',
    status,
    headers: { 'Content-Type': 'application/json' },
    body,
    postData: {
      mimeType: 'application/x-www-form-urlencoded',
      text: 'token=2YotnFZFEjr1zCsicMWpAA&token_type_hint=access_token',
    },
  });

describe('the Overview explains an OAuth error code beside what the server said', () => {
  it('a real Google token endpoint invalid_grant, imported from its HAR into the panel', async () => {
    const { renderIn, importer, store } = setupPanel();
    renderIn(<App />);
    const har = readFileSync(
      resolve(__dirname, '../../fixtures/realworld/j1gcp_oauth-token-invalid-grant.har'),
    );
    await importer.importFiles([new File([har], 'j1gcp_oauth-token-invalid-grant.har')]);
    await waitFor(() => expect(store.getState().rows.filter((r) => r.analysis)).toHaveLength(1));
    store.getState().setFilter({ apiOnly: false });
    const row = await waitFor(() => screen.getAllByRole('row').find((r) => r.hasAttribute('data-id'))!);
    fireEvent.click(row);

    const said = screen.getByRole('region', { name: 'What the server said' });
    expect(within(said).getByText('Invalid JWT Signature.')).toBeInTheDocument();
    const section = explained()!;
    expect(section).not.toBeNull();
    expect(within(section).getByRole('heading', { level: 3 })).toHaveTextContent(
      'OAuth error invalid_grant (at the token endpoint; read from the body’s error member)',
    );
    expect(within(section).getByText(/The authorization code was used twice/)).toBeInTheDocument();
    expect(within(section).getByText(/Do not retry with the same grant/)).toBeInTheDocument();
    const link = within(section).getByRole('link', { name: 'RFC 6749 §5.2' });
    expect(link).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2');
    // Beside what the server said: after it, before the findings and the general "About 400".
    expect(before(said, section)).toBe(true);
    expect(before(section, screen.getByRole('region', { name: 'Findings' }))).toBe(true);
    expect(before(section, screen.getByRole('region', { name: 'Status explanation' }))).toBe(true);
  });

  it('explains a Bearer challenge’s error even when the body says nothing', () => {
    const ex = makeExchange({
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' },
      body: null,
    });
    const { section, heading, linkTo } = explanationOf(ex);
    expect(screen.queryByRole('region', { name: 'What the server said' })).toBeNull();
    expect(heading).toHaveTextContent(
      'OAuth error invalid_token (from a protected resource; read from the WWW-Authenticate challenge)',
    );
    expect(linkTo('RFC 6750 §3.1')).toBe('https://www.rfc-editor.org/rfc/rfc6750#section-3.1');
    // The challenge's hint gives the one-line summary; the explanation does not say it again.
    const hints = screen.getByRole('region', { name: 'Hints' });
    expect(within(hints).getByText(/Error code invalid_token\. The token was rejected/)).toBeInTheDocument();
    expect(within(section).queryByText(/The token was rejected/)).toBeNull();
    expect(within(section).getByText(/The API received an access token and refused it/)).toBeInTheDocument();
  });

  it('explains an authorization error sent back in the redirect', () => {
    const ex = makeExchange({
      url: 'https://auth.example.com/authorize?response_type=code&client_id=app&prompt=none',
      status: 302,
      headers: { Location: 'https://app.example.com/cb?error=login_required&state=s1' },
      body: null,
    });
    const { section, heading, linkTo } = explanationOf(ex);
    expect(heading).toHaveTextContent(
      'OAuth error login_required (from the authorization endpoint; read from the redirect’s Location)',
    );
    expect(within(section).getByText(/Send the user through an interactive sign-in/)).toBeInTheDocument();
    expect(linkTo('OpenID Connect Core 1.0 §3.1.2.6')).toBe(
      'https://openid.net/specs/openid-connect-core-1_0.html#AuthError',
    );
  });

  it('explains a revocation endpoint’s code, with the place named and RFC 7009 linked', () => {
    const ex = revocation({ error: 'unsupported_token_type' }, 400);
    const { section, heading, linkTo } = explanationOf(ex);
    expect(heading).toHaveTextContent(
      'OAuth error unsupported_token_type (at the revocation endpoint; read from the body’s error member)',
    );
    expect(within(section).getByText(/Revoke the refresh token instead/)).toBeInTheDocument();
    expect(linkTo('RFC 7009 §2.2.1')).toBe('https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1');
  });

  it('heads §5.2’s invalid_client answering a token form as either endpoint’s, since revocation and introspection send the same form', () => {
    const ex = revocation({ error: 'invalid_client' }, 401);
    const { section, heading, linkTo } = explanationOf(ex);
    expect(heading).toHaveTextContent(
      'OAuth error invalid_client (at the revocation or introspection endpoint; read from the body’s error member)',
    );
    expect(section).not.toHaveTextContent('at the token endpoint');
    // Explained as §5.2's code (both RFC 7009 §2.2.1 and RFC 7662 §2.3 send their errors so), linked to §5.2.
    expect(linkTo('RFC 6749 §5.2')).toBe('https://www.rfc-editor.org/rfc/rfc6749#section-5.2');
  });

  it('heads an introspection’s invalid_client as the introspection endpoint’s: the caller refused, not the token', () => {
    const ex = makeExchange({
      method: 'POST',
      url: 'https://auth.example.com/oauth2/introspect',
      status: 401,
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'invalid_client' },
      requestHeaders: { Authorization: 'Bearer 2YotnFZFEjr1zCsicMWpAA' },
      postData: { mimeType: 'application/x-www-form-urlencoded', text: 'token=mF_9.B5f-4.1JqM' },
    });
    const { section, heading, linkTo } = explanationOf(ex);
    expect(heading).toHaveTextContent(
      'OAuth error invalid_client (at the introspection endpoint; read from the body’s error member)',
    );
    expect(section).not.toHaveTextContent('at the revocation');
    expect(section).toHaveTextContent('"active": false');
    expect(linkTo('RFC 7662 §2.3')).toBe('https://www.rfc-editor.org/rfc/rfc7662#section-2.3');
  });

  it('explains a pushed authorization request’s invalid_request by RFC 9126, not as a protected resource’s', () => {
    const ex = makeExchange({
      method: 'POST',
      url: 'https://as.example.com/as/par',
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: {
        error: 'invalid_request',
        error_description: 'The redirect_uri is not valid for the given client',
      },
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: 'response_type=code&client_id=s6BhdRkqt3&redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb',
      },
    });
    const { section, heading, linkTo } = explanationOf(ex);
    expect(heading).toHaveTextContent(
      'OAuth error invalid_request (at the pushed authorization request endpoint; read from the body’s error member)',
    );
    expect(section).toHaveTextContent('must not carry one');
    expect(linkTo('RFC 9126 §2.3')).toBe('https://www.rfc-editor.org/rfc/rfc9126#section-2.3');
  });

  it('shows an unknown code as the server’s words only', () => {
    const ex = makeExchange({
      method: 'POST',
      url: 'https://auth.example.com/oauth/token',
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'bad_verification_code', error_description: 'The code passed is incorrect' },
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: 'grant_type=authorization_code&code=x',
      },
    });
    renderDetail(ex, { analysis: analyse(ex) });
    const said = screen.getByRole('region', { name: 'What the server said' });
    expect(within(said).getByText('bad_verification_code')).toBeInTheDocument();
    expect(explained()).toBeNull();
  });

  it('leaves alone an API whose own error word happens to be an OAuth code', () => {
    const ex = makeExchange({
      status: 400,
      url: 'https://api.example.com/v1/orders',
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'invalid_grant' },
    });
    renderDetail(ex, { analysis: analyse(ex) });
    expect(screen.getByRole('region', { name: 'What the server said' })).toBeInTheDocument();
    expect(explained()).toBeNull();
  });

  it('renders nothing of the response but the server’s words, as text', () => {
    const ex = makeExchange({
      method: 'POST',
      url: 'https://auth.example.com/oauth/token',
      status: 400,
      headers: { 'Content-Type': 'application/json' },
      body: {
        error: 'invalid_grant',
        error_description: '<img src=x onerror=alert(1)>',
        error_uri: 'javascript:alert(1)',
      },
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: 'grant_type=refresh_token&refresh_token=x',
      },
    });
    const { container } = renderDetail(ex, { analysis: analyse(ex) });
    expect(container.querySelector('img')).toBeNull();
    const section = explained()!;
    expect(within(section).queryByText(/onerror/)).toBeNull();
    const links = within(section).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
    ]);
    expect(container.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('explains each code a response sends once', () => {
    const ex = makeExchange({
      status: 401,
      headers: {
        'WWW-Authenticate': 'DPoP error="use_dpop_nonce", Bearer error="invalid_token"',
        'Content-Type': 'application/json',
      },
      body: { error: 'invalid_token', error_description: 'expired' },
    });
    renderDetail(ex, { analysis: analyse(ex) });
    const sections = screen.getAllByRole('region', { name: 'OAuth error explained' });
    expect(
      sections.map((s) => within(s).getByRole('heading', { level: 3 }).querySelector('code')!.textContent),
    ).toEqual(['use_dpop_nonce', 'invalid_token']);
  });
});
