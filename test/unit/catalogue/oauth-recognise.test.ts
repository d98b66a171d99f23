import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseOAuthErrors } from '../../../src/core/catalogue/oauth/recognise';
import {
  isPostedAuthorizationRequest,
  isPushedAuthorizationRequest,
} from '../../../src/core/catalogue/oauth/requests';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import type { Exchange } from '../../../src/core/exchange/types';
import { normalizeHarEntry } from '../../../src/core/har/normalize';
import type { JsonValue } from '../../../src/core/json/walk';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = { 'Content-Type': 'application/json' };
/** A POST answered with JSON: the one shape every request below varies. */
const post = (url: string, body: object, status: number, mimeType: string, text: string): ExchangeSpec => ({
  method: 'POST',
  url,
  status,
  headers: JSON_TYPE,
  body,
  postData: { mimeType, text },
});

const tokenPost = (body: object, status = 400, grant = 'grant_type=authorization_code&code=abc') =>
  post('https://auth.example.com/oauth2/token', body, status, FORM, grant);

/** A revocation request (RFC 7009 §2.1): a form with the token, no grant_type. */
const revokePost = (
  body: object,
  status = 400,
  form = 'token=2YotnFZFEjr1zCsicMWpAA&token_type_hint=access_token',
) => post('https://auth.example.com/oauth2/revoke', body, status, FORM, form);

/** An introspection request (RFC 7662 §2.1): the same form, the caller authorized by a bearer token. */
const introspectPost = (
  body: object,
  status = 401,
  form = 'token=mF_9.B5f-4.1JqM&token_type_hint=access_token',
) => ({
  ...post('https://auth.example.com/oauth2/introspect', body, status, FORM, form),
  requestHeaders: { Authorization: 'Bearer 2YotnFZFEjr1zCsicMWpAA' },
});

/** A pushed authorization request (RFC 9126 §2.1): an authorization request's parameters as a form. */
const parPost = (
  body: object,
  status = 400,
  form = 'response_type=code&client_id=s6BhdRkqt3&code_challenge=K2-ltc83acc4h0c9w6ESC_rEMTJ3bww-uCHaoeK1t8U&code_challenge_method=S256&redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb',
) => post('https://as.example.com/as/par', body, status, FORM, form);

/** The same parameters POSTed to the authorization endpoint (OpenID Connect Core §3.1.2.1). */
const AUTHZ_FORM =
  'response_type=code&client_id=s6BhdRkqt3&redirect_uri=https%3A%2F%2Fclient.example.org%2Fcb&scope=openid&response_mode=form_post';
const authorizePost = (url: string, body: object, extra: Partial<ExchangeSpec> = {}, form = AUTHZ_FORM) => ({
  ...post(url, body, 400, FORM, form),
  ...extra,
});

/** A client update at the client configuration endpoint (RFC 7592 §2.2): PUT of the metadata with client_id. */
const updatePut = (
  body: object,
  status = 400,
  metadata: object = { client_id: 's6BhdRkqt3', redirect_uris: ['https://client.example.org/cb'] },
): ExchangeSpec => ({
  ...post(
    'https://as.example.com/register/s6BhdRkqt3',
    body,
    status,
    'application/json',
    JSON.stringify(metadata),
  ),
  method: 'PUT',
});

/** A client registration (RFC 7591 §3.1): client metadata as JSON. */
const registerPost = (
  body: object,
  status = 400,
  metadata: object = { redirect_uris: ['http://app.example.com/cb'], client_name: 'App' },
) =>
  post(
    'https://auth.example.com/connect/register',
    body,
    status,
    'application/json',
    JSON.stringify(metadata),
  );

/** An API's own POST with JSON, whose error words happen to be OAuth codes. */
const apiPost = (body: object, status = 400) =>
  post('https://api.example.com/v1/orders', body, status, 'application/json', '{"item":"x"}');

function sightings(spec: ExchangeSpec): string[] {
  const ex = makeExchange(spec);
  const json = ex.body.kind === 'text' ? (JSON.parse(ex.body.text) as JsonValue) : undefined;
  return recogniseOAuthErrors(ex, json).map((s) => `${s.context} ${s.code} (${s.from})`);
}

describe('recognising an OAuth error code in an exchange', () => {
  it.each<[string, ExchangeSpec, string[]]>([
    [
      'a token request answered invalid_grant',
      tokenPost({ error: 'invalid_grant', error_description: 'Bad code' }),
      ['token invalid_grant (body)'],
    ],
    [
      'a token request answered invalid_grant without a description',
      tokenPost({ error: 'invalid_grant' }),
      ['token invalid_grant (body)'],
    ],
    [
      'a device-grant poll answered authorization_pending',
      tokenPost(
        { error: 'authorization_pending' },
        400,
        'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=x',
      ),
      ['token authorization_pending (body)'],
    ],
    [
      'a token request answered invalid_client with 401',
      tokenPost({ error: 'invalid_client', error_description: 'AADSTS7000215' }, 401),
      ['token invalid_client (body)'],
    ],
    [
      'a token request answered invalid_request: the token endpoint’s meaning',
      tokenPost({ error: 'invalid_request' }),
      ['token invalid_request (body)'],
    ],
    [
      'a token endpoint whose request body the recorder hid (POST …/token, form type)',
      {
        ...tokenPost({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }),
        postData: { mimeType: FORM, text: '[REDACTED]' },
      },
      ['token invalid_grant (body)'],
    ],
    [
      'a Bearer challenge with error="invalid_token"',
      {
        status: 401,
        headers: {
          'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="expired"',
        },
      },
      ['resource invalid_token (challenge)'],
    ],
    [
      'a Bearer challenge with insufficient_scope on a 403',
      {
        status: 403,
        headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="orders:write"' },
      },
      ['resource insufficient_scope (challenge)'],
    ],
    [
      'a DPoP challenge asking for a nonce',
      {
        status: 401,
        headers: {
          'WWW-Authenticate':
            'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
        },
      },
      ['resource use_dpop_nonce (challenge)'],
    ],
    [
      'the same code in the challenge and the body: once, from the challenge',
      {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"', 'Content-Type': 'application/json' },
        body: { error: 'invalid_token', error_description: 'Token expired' },
      },
      ['resource invalid_token (challenge)'],
    ],
    [
      'an API answering in RFC 6749 §5.2’s shape on an error status',
      {
        status: 401,
        url: 'https://api.example.com/v1/me',
        headers: JSON_TYPE,
        body: { error: 'invalid_token', error_description: 'expired' },
      },
      ['resource invalid_token (body)'],
    ],
    [
      'a token endpoint code in that shape answering a POST it could not tell from its request',
      {
        method: 'POST',
        url: 'https://github.example.com/login/oauth/access_token',
        status: 400,
        headers: JSON_TYPE,
        body: { error: 'invalid_grant', error_description: 'The code is incorrect or expired.' },
      },
      ['token invalid_grant (body)'],
    ],
    [
      'an authorization request answered with a JSON error',
      {
        url: 'https://auth.example.com/authorize?response_type=code&client_id=app',
        status: 400,
        headers: JSON_TYPE,
        body: { error: 'unsupported_response_type' },
      },
      ['authorization unsupported_response_type (body)'],
    ],
    [
      'an authorization request redirected back with ?error=access_denied',
      {
        url: 'https://auth.example.com/authorize?response_type=code&client_id=app&state=s1',
        status: 302,
        headers: {
          Location:
            'https://app.example.com/callback?error=access_denied&error_description=User%20cancelled&state=s1',
        },
      },
      ['authorization access_denied (redirect)'],
    ],
    [
      'a sign-in form redirecting back with error and state (the request is no authorization request)',
      {
        method: 'POST',
        url: 'https://auth.example.com/login-actions/authenticate',
        status: 303,
        headers: { Location: '/callback?state=s1&error=login_required' },
      },
      ['authorization login_required (redirect)'],
    ],
    [
      'an error in the fragment (response_mode=fragment)',
      {
        url: 'https://auth.example.com/authorize?response_type=token&client_id=app',
        status: 302,
        headers: { Location: 'https://app.example.com/cb#error=unsupported_response_type&state=x' },
      },
      ['authorization unsupported_response_type (redirect)'],
    ],
    [
      'a token exchange refused for its audience (RFC 8693)',
      tokenPost(
        { error: 'invalid_target', error_description: 'audience not allowed' },
        400,
        'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=x&audience=billing',
      ),
      ['token invalid_target (body)'],
    ],
    [
      'a revocation request answered unsupported_token_type, with no description',
      revokePost({ error: 'unsupported_token_type' }),
      ['revocation unsupported_token_type (body)'],
    ],
    [
      'a token form answered invalid_client: RFC 6749 §5.2’s, sent by revocation and introspection alike, whose requests look the same',
      revokePost({ error: 'invalid_client' }, 401),
      ['revocation-or-introspection invalid_client (body)'],
    ],
    [
      'a token form answered invalid_request in §5.2’s shape (not a protected resource’s)',
      revokePost({ error: 'invalid_request', error_description: 'token is missing' }),
      ['revocation-or-introspection invalid_request (body)'],
    ],
    [
      'an introspection (the caller authorized by a bearer token) answered invalid_client with 401 (RFC 7662 §2.3)',
      introspectPost({ error: 'invalid_client' }),
      ['introspection invalid_client (body)'],
    ],
    [
      'an introspection answered invalid_request, explained as §5.2’s',
      introspectPost({ error: 'invalid_request', error_description: 'token missing' }, 400),
      ['introspection invalid_request (body)'],
    ],
    [
      'an introspection whose own bearer token is refused in a challenge (RFC 7662 §2.3 answers per RFC 6750 §3)',
      {
        ...introspectPost({}),
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        body: undefined,
      },
      ['resource invalid_token (challenge)'],
    ],
    [
      'a pushed authorization request answered invalid_request (RFC 9126 §2.3)',
      parPost({ error: 'invalid_request', error_description: 'redirect_uri not registered' }),
      ['pushed-authorization invalid_request (body)'],
    ],
    [
      'a pushed authorization request answered invalid_client with 401, bare',
      parPost({ error: 'invalid_client' }, 401),
      ['pushed-authorization invalid_client (body)'],
    ],
    [
      'a pushed request object (request, no response_type) answered invalid_request_object',
      parPost(
        { error: 'invalid_request_object' },
        400,
        'client_id=s6BhdRkqt3&request=eyJraWQiOi.eyJpc3Mi.c2lnbmF0',
      ),
      ['pushed-authorization invalid_request_object (body)'],
    ],
    [
      'a pushed authorization request answered invalid_scope',
      parPost({ error: 'invalid_scope' }),
      ['pushed-authorization invalid_scope (body)'],
    ],
    [
      'an authorization request POSTed to /authorize, answered with a JSON error: the authorization endpoint’s, not a pushed one',
      authorizePost('https://login.example.com/oauth2/v2.0/authorize', { error: 'invalid_request' }),
      ['authorization invalid_request (body)'],
    ],
    [
      'the same POSTed to Keycloak’s …/openid-connect/auth',
      authorizePost('https://sso.example.com/realms/a/protocol/openid-connect/auth', {
        error: 'unauthorized_client',
      }),
      ['authorization unauthorized_client (body)'],
    ],
    [
      'the same POSTed to PingFederate’s /as/authorization.oauth2',
      authorizePost('https://sso.example.com/as/authorization.oauth2', { error: 'invalid_scope' }),
      ['authorization invalid_scope (body)'],
    ],
    [
      'the same submitted by a page’s form to an endpoint of any name (resource type document)',
      authorizePost(
        'https://sso.example.com/oidc/login-start',
        { error: 'invalid_request' },
        { resourceType: 'document' },
      ),
      ['authorization invalid_request (body)'],
    ],
    [
      'the same from a recorder that kept no type, with a navigation’s Accept',
      authorizePost(
        'https://sso.example.com/oidc/login-start',
        { error: 'invalid_request' },
        { requestHeaders: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } },
      ),
      ['authorization invalid_request (body)'],
    ],
    [
      'a form to /authorize that authenticates the client (Authorization: Basic) is pushed: a browser holds no client secret',
      authorizePost(
        'https://as.example.com/authorize',
        { error: 'invalid_request' },
        { requestHeaders: { Authorization: 'Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3' } },
      ),
      ['pushed-authorization invalid_request (body)'],
    ],
    [
      'a form to /authorize with a client assertion is pushed',
      authorizePost(
        'https://as.example.com/authorize',
        { error: 'invalid_client' },
        {},
        `${AUTHZ_FORM}&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=eyJhbGciOiJSUzI1NiJ9.e30.c2ln`,
      ),
      ['pushed-authorization invalid_client (body)'],
    ],
    [
      'Keycloak’s pushed authorization request endpoint, …/ext/par/request, by a script',
      authorizePost(
        'https://sso.example.com/realms/a/protocol/openid-connect/ext/par/request',
        { error: 'invalid_request' },
        { resourceType: 'fetch' },
      ),
      ['pushed-authorization invalid_request (body)'],
    ],
    [
      'a client update (RFC 7592 §2.2) answered invalid_redirect_uri',
      updatePut({ error: 'invalid_redirect_uri', error_description: 'http not allowed' }),
      ['client-configuration invalid_redirect_uri (body)'],
    ],
    [
      'a client update answered invalid_client_metadata, bare',
      updatePut({ error: 'invalid_client_metadata' }),
      ['client-configuration invalid_client_metadata (body)'],
    ],
    [
      'a revocation whose request the recorder hid, in §5.2’s shape (the code is only revocation’s)',
      {
        ...revokePost({
          error: 'unsupported_token_type',
          error_description: 'access tokens cannot be revoked',
        }),
        postData: { mimeType: FORM, text: '[REDACTED]' },
      },
      ['revocation unsupported_token_type (body)'],
    ],
    [
      'a client registration answered invalid_redirect_uri, with no description',
      registerPost({ error: 'invalid_redirect_uri' }),
      ['registration invalid_redirect_uri (body)'],
    ],
    [
      'a registration carrying only a software statement, answered unapproved_software_statement',
      registerPost({ error: 'unapproved_software_statement' }, 400, { software_statement: 'eyJ.x.y' }),
      ['registration unapproved_software_statement (body)'],
    ],
    [
      'a registration whose request the recorder hid, in §5.2’s shape',
      {
        ...registerPost({ error: 'invalid_client_metadata', error_description: 'jwks and jwks_uri' }),
        postData: { mimeType: 'application/json', text: '' },
      },
      ['registration invalid_client_metadata (body)'],
    ],
    [
      'an authorization request redirected back with a request object error',
      {
        url: 'https://auth.example.com/authorize?client_id=app&response_type=code&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Abwc4',
        status: 302,
        headers: { Location: 'https://app.example.com/cb?error=invalid_request_uri&state=s1' },
      },
      ['authorization invalid_request_uri (redirect)'],
    ],
    [
      'a sign-in redirecting back with invalid_authorization_details and state',
      {
        method: 'POST',
        url: 'https://auth.example.com/login',
        status: 303,
        headers: { Location: '/cb?error=invalid_authorization_details&state=s1' },
      },
      ['authorization invalid_authorization_details (redirect)'],
    ],
  ])('explains %s', (_, spec, expected) => {
    expect(sightings(spec)).toEqual(expected);
  });

  it.each<[string, ExchangeSpec]>([
    [
      'an ordinary API whose error word is the same, without the §5.2 shape',
      {
        status: 400,
        url: 'https://api.example.com/v1/orders',
        headers: JSON_TYPE,
        body: { error: 'invalid_grant' },
      },
    ],
    [
      'an ordinary API saying invalid_request in its own words',
      {
        status: 400,
        url: 'https://api.example.com/v1/orders',
        headers: JSON_TYPE,
        body: { error: 'invalid_request', message: 'bad' },
      },
    ],
    [
      'a token endpoint code in the §5.2 shape answering a GET (no token request is a GET)',
      {
        status: 400,
        url: 'https://api.example.com/v1/orders',
        headers: JSON_TYPE,
        body: { error: 'invalid_grant', error_description: 'x' },
      },
    ],
    [
      'the §5.2 shape on a success',
      {
        status: 200,
        url: 'https://api.example.com/v1/orders',
        headers: JSON_TYPE,
        body: { error: 'invalid_token', error_description: 'x' },
      },
    ],
    [
      'an unknown code at the token endpoint (the server’s words only)',
      tokenPost({ error: 'bad_verification_code', error_description: 'x' }),
    ],
    [
      'a known code sent where it is not defined (invalid_token from a token endpoint)',
      tokenPost({ error: 'invalid_token', error_description: 'x' }),
    ],
    ['a code in another case (codes are case-sensitive)', tokenPost({ error: 'INVALID_GRANT' })],
    [
      'an error object rather than a code (Google, Spotify)',
      { status: 401, headers: JSON_TYPE, body: { error: { status: 401, message: 'Invalid access token' } } },
    ],
    ['a prototype name', tokenPost({ error: '__proto__' })],
    [
      'a bare Bearer challenge (no token was sent)',
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="example"' } },
    ],
    [
      'a Basic challenge with an error parameter',
      { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="x", error="invalid_token"' } },
    ],
    [
      'a Bearer challenge with an unknown code',
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="token_revoked_by_admin"' } },
    ],
    [
      'a Bearer challenge with a token endpoint code',
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_grant"' } },
    ],
    [
      'a redirect whose ?error= is a site’s own (no state, no authorization request)',
      {
        status: 302,
        url: 'https://shop.example.com/cart',
        headers: { Location: '/login?error=access_denied' },
      },
    ],
    [
      'a redirect with an unknown authorization code',
      {
        status: 302,
        url: 'https://auth.example.com/authorize?response_type=code&client_id=app',
        headers: { Location: '/cb?error=invalid_grant&state=x' },
      },
    ],
    [
      'error= only inside another parameter',
      {
        status: 302,
        url: 'https://auth.example.com/authorize?response_type=code&client_id=app',
        headers: { Location: '/cb?next=%3Ferror%3Daccess_denied&state=x' },
      },
    ],
    [
      'a 200 naming an error in a Location',
      {
        status: 200,
        url: 'https://auth.example.com/authorize?response_type=code&client_id=app',
        headers: { Location: '/cb?error=access_denied&state=x' },
      },
    ],
    [
      'a body that is HTML',
      { status: 400, headers: { 'Content-Type': 'text/html' }, body: '<p>{"error":"invalid_grant"}</p>' },
    ],
    [
      'a revocation code answering a token request (not defined there)',
      tokenPost({ error: 'unsupported_token_type', error_description: 'x' }),
    ],
    [
      'a registration code answering a revocation request',
      revokePost({ error: 'invalid_redirect_uri', error_description: 'x' }),
    ],
    [
      'a revocation code answering a registration',
      registerPost({ error: 'unsupported_token_type', error_description: 'x' }),
    ],
    ['a revocation request answered with a success', revokePost({ error: 'unsupported_token_type' }, 200)],
    [
      'an API’s own POST saying invalid_redirect_uri without §5.2’s shape',
      apiPost({ error: 'invalid_redirect_uri', message: 'bad link' }),
    ],
    [
      'a registration code in §5.2’s shape answering a GET',
      {
        status: 400,
        url: 'https://api.example.com/v1/clients',
        headers: JSON_TYPE,
        body: { error: 'invalid_client_metadata', error_description: 'x' },
      },
    ],
    [
      'a form POST with a token but also a grant_type, answered unsupported_token_type bare',
      revokePost({ error: 'unsupported_token_type' }, 400, 'grant_type=refresh_token&token=x'),
    ],
    [
      'a JSON POST naming redirect_uris as a string (not client metadata), answered bare',
      registerPost({ error: 'invalid_redirect_uri' }, 400, { redirect_uris: 'https://x' }),
    ],
    [
      'an authorization code in §5.2’s shape answering an API’s POST (only the redirect or the authorization request tells it)',
      apiPost({ error: 'invalid_request_object', error_description: 'x' }),
    ],
    [
      'an introspection answered unsupported_token_type (revocation’s code, not introspection’s)',
      introspectPost({ error: 'unsupported_token_type', error_description: 'x' }, 400),
    ],
    [
      'an introspection answered invalid_client on a success status',
      introspectPost({ error: 'invalid_client' }, 200),
    ],
    [
      'a form POST that is no pushed request (a sign-in form with client_id, no response_type), bare invalid_request',
      post(
        'https://auth.example.com/login',
        { error: 'invalid_request' },
        400,
        FORM,
        'client_id=app&username=a&password=b',
      ),
    ],
    [
      'a form POST with response_type but no client_id, bare invalid_request',
      post(
        'https://shop.example.com/survey',
        { error: 'invalid_request' },
        400,
        FORM,
        'response_type=short&q=1',
      ),
    ],
    [
      'a pushed authorization request answered with a user-interaction code (never returned there, RFC 9126 §2.3)',
      parPost({ error: 'consent_required', error_description: 'x' }),
    ],
    [
      'an authorization request POSTed to /authorize answered invalid_client: the authorization endpoint defines no such code',
      authorizePost('https://as.example.com/authorize', { error: 'invalid_client' }),
    ],
    [
      'a page’s form POST to /authorize answered with a grant code',
      authorizePost(
        'https://as.example.com/authorize',
        { error: 'invalid_grant' },
        { resourceType: 'document' },
      ),
    ],
    [
      'a pushed authorization request answered with a grant code',
      parPost({ error: 'invalid_grant', error_description: 'x' }),
    ],
    [
      'a pushed authorization request answered invalid_request on a success status',
      parPost({ error: 'invalid_request' }, 201),
    ],
    [
      'a pushed authorization request whose parameters came as JSON (RFC 9126 §2.1 posts a form)',
      post(
        'https://as.example.com/as/par',
        { error: 'invalid_request' },
        400,
        'application/json',
        '{"response_type":"code","client_id":"x"}',
      ),
    ],
    [
      'a PUT of client metadata without client_id (no client update), bare invalid_redirect_uri',
      updatePut({ error: 'invalid_redirect_uri' }, 400, { redirect_uris: ['https://x'] }),
    ],
    [
      'a client update answered with a token endpoint code',
      updatePut({ error: 'invalid_grant', error_description: 'x' }),
    ],
    [
      'a JSON API whose error member is an OAuth code, answering a PUT of an ordinary resource',
      {
        ...post(
          'https://api.example.com/v1/apps/7',
          { error: 'invalid_redirect_uri' },
          400,
          'application/json',
          '{"client_id":"7","name":"x"}',
        ),
        method: 'PUT',
      },
    ],
    [
      'a redirect with a request object error but neither state nor an authorization request',
      {
        status: 302,
        url: 'https://shop.example.com/checkout',
        headers: { Location: '/cart?error=request_not_supported' },
      },
    ],
  ])('leaves alone %s', (_, spec) => {
    const ex = makeExchange(spec);
    let json: JsonValue | undefined;
    try {
      json = ex.body.kind === 'text' ? (JSON.parse(ex.body.text) as JsonValue) : undefined;
    } catch {
      json = undefined;
    }
    expect(recogniseOAuthErrors(ex, json)).toEqual([]);
  });
});

/** The PAR endpoint's success (RFC 9126 §2.2): 201 with a request_uri and its lifetime. */
const PAR_CREATED = {
  request_uri: 'urn:ietf:params:oauth:request_uri:6esc_11ACC5bwc014ltc14eY22c',
  expires_in: 60,
};
const HTML_PAGE = { 'Content-Type': 'text/html; charset=utf-8' };
const LOGIN_PAGE = '<!doctype html><html><body><form method="post">Sign in</form></body></html>';
/** An authorization request's form from a script (no navigation, no client authentication). */
const scriptForm = (url: string, answer: Partial<ExchangeSpec>): ExchangeSpec => ({
  method: 'POST',
  url,
  resourceType: 'fetch',
  postData: { mimeType: FORM, text: AUTHZ_FORM },
  status: 200,
  ...answer,
});

describe('a POSTed authorization request is told from a pushed one by its answer first', () => {
  it.each<[string, ExchangeSpec, 'pushed' | 'authorization']>([
    ['PAR answered 201 with a request_uri (RFC 9126 §2.2)', parPost(PAR_CREATED, 201), 'pushed'],
    [
      'a form POST to /authorize answered by a redirect to the client',
      scriptForm('https://as.example.com/authorize', {
        status: 302,
        headers: { Location: 'https://client.example.org/cb?code=SplxlOBeZQQYbYS6WxSbIA' },
      }),
      'authorization',
    ],
    [
      'a form POST to /authorize answered by a sign-in page',
      scriptForm('https://as.example.com/oauth2/authorize', { headers: HTML_PAGE, body: LOGIN_PAGE }),
      'authorization',
    ],
    [
      'a script’s POST to an odd path, no client authentication, answered 201 with a request_uri',
      scriptForm('https://as.example.com/oauth2/authorize;jsessionid=1A2B', {
        status: 201,
        headers: JSON_TYPE,
        body: PAR_CREATED,
      }),
      'pushed',
    ],
    [
      'the same answered by an HTML page (200): the authorization endpoint, whatever its path',
      scriptForm('https://as.example.com/oauth2/authorize;jsessionid=1A2B', {
        headers: HTML_PAGE,
        body: LOGIN_PAGE,
      }),
      'authorization',
    ],
    [
      'a request_uri issued at a path named /authorize is pushed: no authorization endpoint issues one',
      scriptForm('https://as.example.com/authorize', { status: 201, headers: JSON_TYPE, body: PAR_CREATED }),
      'pushed',
    ],
    [
      'a client that authenticates, answered by a redirect: the answer decides',
      {
        ...scriptForm('https://as.example.com/authorize', {
          status: 303,
          headers: { Location: 'https://client.example.org/cb?code=x' },
        }),
        requestHeaders: { Authorization: 'Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3' },
      },
      'authorization',
    ],
    [
      'an answer that says neither (a JSON error) leaves the odd path to the tie-break: pushed',
      scriptForm('https://as.example.com/oauth2/authorize;jsessionid=1A2B', {
        status: 400,
        headers: JSON_TYPE,
        body: { error: 'invalid_request' },
      }),
      'pushed',
    ],
    [
      'a proxy’s HTML 502 says nothing of the endpoint behind it',
      scriptForm('https://as.example.com/connect/par', {
        status: 502,
        headers: HTML_PAGE,
        body: '<html>Bad Gateway</html>',
      }),
      'pushed',
    ],
    [
      'a 201 whose JSON holds no request_uri is no PAR answer: the path decides',
      scriptForm('https://as.example.com/authorize', { status: 201, headers: JSON_TYPE, body: { id: 1 } }),
      'authorization',
    ],
  ])('%s', (_name, spec, expected) => {
    const ex = makeExchange(spec);
    expect(isPushedAuthorizationRequest(ex)).toBe(expected === 'pushed');
    expect(isPostedAuthorizationRequest(ex)).toBe(expected === 'authorization');
  });

  it('reads an error redirect answering a form POST as the authorization endpoint’s, without state', () => {
    const spec = scriptForm('https://as.example.com/oauth2/authorize/resume', {
      status: 302,
      headers: { Location: 'https://client.example.org/cb?error=access_denied' },
    });
    expect(sightings(spec)).toEqual(['authorization access_denied (redirect)']);
    // The same redirect answering a POST that is no authorization request stays any site's parameter.
    expect(sightings({ ...spec, postData: { mimeType: FORM, text: 'username=a&password=b' } })).toEqual([]);
  });
});

describe('the engine sends what it recognised (Analysis.oauth)', () => {
  const rules = activeRules({ profiles: [], rules: {} });
  const realworld = (file: string): Exchange[] => {
    const har = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/realworld', file), 'utf8')) as {
      log: { entries: unknown[] };
    };
    return har.log.entries.flatMap((raw, i) => {
      const r = normalizeHarEntry(raw, String(i));
      return r.ok ? [r.exchange] : [];
    });
  };
  const found = (file: string) =>
    realworld(file).flatMap((ex, i) =>
      (analyzeExchange(ex, rules).oauth ?? []).map((s) => `#${i} ${s.context} ${s.code} (${s.from})`),
    );

  it.each([
    ['j1gcp_oauth-token-invalid-grant.har', ['#0 token invalid_grant (body)']],
    ['j1azure_aad-token-401-invalid-client.har', ['#2 token invalid_client (body)']],
    ['polly_spotify-token-refresh.har', ['#1 token invalid_grant (body)']],
    // Key Vault's challenge names no error (the request carried no token); its body's error is an object.
    ['j1azure_keyvault-401-bearer-challenge.har', []],
    ['polly_spotify-401-retries.har', []],
    ['imtf_oidc-login.har', []],
    ['aic_oauth-discovery.har', []],
  ])('%s', (file, expected) => {
    expect(found(file)).toEqual(expected);
  });

  it('reads nothing from a body it could not parse as JSON', () => {
    const ex = makeExchange({
      ...tokenPost({}),
      rawBody: { kind: 'text', text: '{"error":"invalid_grant"', size: 24 },
    });
    expect(analyzeExchange(ex, rules).oauth).toBeUndefined();
  });
});
