import { describe, expect, it } from 'vitest';
import { isOAuthTokenRequest, isWellKnownRequest } from '../../../src/core/exchange/spec-defined';
import { compileScope } from '../../../src/core/profiles/scope';
import { makeExchange } from '../../helpers/exchange';

/**
 * polly_spotify-token-refresh.har #1: POST accounts.spotify.com/api/token with
 * grant_type=refresh_token, answered 400 {"error":"invalid_grant",…} as application/json, exactly
 * as RFC 6749 §5.2 requires. With the problem profile on, it was told to answer
 * application/problem+json (problem/content-type), which would break every OAuth client.
 */
const tokenCall = (
  text: string,
  mimeType = 'application/x-www-form-urlencoded;charset=utf-8',
  method = 'POST',
) => {
  const ex = makeExchange({
    method,
    url: 'https://accounts.example.com/api/token',
    status: 400,
    headers: { 'Content-Type': 'application/json' },
    body: { error: 'invalid_grant', error_description: 'Invalid refresh token' },
  });
  ex.requestBody = { mimeType, text };
  return ex;
};

describe('OAuth 2.0 token requests are never judged by a convention profile', () => {
  it('recognises a token request by its grant_type, form-encoded or JSON', () => {
    expect(isOAuthTokenRequest(tokenCall('client_id=abc&grant_type=refresh_token&refresh_token=x'))).toBe(
      true,
    );
    expect(isOAuthTokenRequest(tokenCall('grant_type=client_credentials', ''))).toBe(true);
    expect(
      isOAuthTokenRequest(tokenCall('{"grant_type":"password","username":"u"}', 'application/json')),
    ).toBe(true);
  });

  it('leaves other requests alone', () => {
    // A GET, a form without grant_type, a JSON body that only mentions it, another media type.
    expect(isOAuthTokenRequest(tokenCall('grant_type=refresh_token', undefined, 'GET'))).toBe(false);
    expect(isOAuthTokenRequest(tokenCall('name=grant_type&value=1'))).toBe(false);
    expect(isOAuthTokenRequest(tokenCall('{"note":"grant_type"}', 'application/json'))).toBe(false);
    expect(isOAuthTokenRequest(tokenCall('grant_type=x', 'multipart/form-data; boundary=b'))).toBe(false);
    const noBody = makeExchange({ method: 'POST', url: 'https://accounts.example.com/api/token' });
    expect(isOAuthTokenRequest(noBody)).toBe(false);
  });

  /**
   * Recorders hide token requests' bodies: JupiterOne's Polly.JS persister writes `[REDACTED]`
   * (j1azure_graph-403-retries.har #0, j1crowdstrike_token-500-retries.har #0–#3), so grant_type
   * cannot be seen. The answer, or the endpoint's name, still tells.
   */
  it('recognises a token request whose body a recorder hid, by its answer or its endpoint', () => {
    // A 200 access token response (RFC 6749 §5.1), at a URL that does not name the endpoint.
    const azure = makeExchange({
      method: 'POST',
      url: 'https://login.example.com/tenant/oauth2/v2.0/issue',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: { token_type: 'Bearer', expires_in: 3599, access_token: '[REDACTED]' },
    });
    azure.requestBody = { mimeType: 'application/x-www-form-urlencoded', text: '[REDACTED]' };
    expect(isOAuthTokenRequest(azure)).toBe(true);
    // api.crowdstrike.com/oauth2/token answered 500 with its own error shape: known by the endpoint.
    const crowdstrike = makeExchange({
      method: 'POST',
      url: 'https://api.crowdstrike.com/oauth2/token',
      status: 500,
      headers: { 'Content-Type': 'application/json' },
      body: { errors: [{ code: 400, message: 'bad client' }] },
    });
    crowdstrike.requestBody = {
      mimeType: 'application/x-www-form-urlencoded;charset=UTF-8',
      text: '[REDACTED]',
    };
    expect(isOAuthTokenRequest(crowdstrike)).toBe(true);
    crowdstrike.requestBody = { mimeType: 'application/x-www-form-urlencoded', text: '' };
    expect(isOAuthTokenRequest(crowdstrike)).toBe(true);
  });

  it('does not take a readable form, a JSON POST or a token-like answer elsewhere for a token request', () => {
    // A form whose parameters can be read names no grant: not a token request, endpoint or not.
    const csrf = makeExchange({ method: 'POST', url: 'https://app.example.com/csrf/token' });
    csrf.requestBody = { mimeType: 'application/x-www-form-urlencoded', text: 'form=signup' };
    expect(isOAuthTokenRequest(csrf)).toBe(false);
    // A hidden JSON body to an endpoint named token: only form-encoded requests go by the name.
    const json = makeExchange({ method: 'POST', url: 'https://api.example.com/v1/token' });
    json.requestBody = { mimeType: 'application/json', text: '[REDACTED]' };
    expect(isOAuthTokenRequest(json)).toBe(false);
    // An answer with access_token but no token_type is some API's own.
    const own = makeExchange({
      method: 'POST',
      url: 'https://api.example.com/v1/sessions',
      headers: { 'Content-Type': 'application/json' },
      body: { access_token: 'x', user: 1 },
    });
    own.requestBody = { mimeType: 'application/x-www-form-urlencoded', text: '[REDACTED]' };
    expect(isOAuthTokenRequest(own)).toBe(false);
    // A path that only ends in "token" is not an endpoint named token.
    const other = makeExchange({ method: 'POST', url: 'https://api.example.com/v1/resettoken' });
    other.requestBody = { mimeType: 'application/x-www-form-urlencoded', text: '[REDACTED]' };
    expect(isOAuthTokenRequest(other)).toBe(false);
  });

  it('puts a token request outside every scope, saying why, even one that takes every request', () => {
    const ex = tokenCall('grant_type=refresh_token&refresh_token=x');
    for (const scope of [undefined, { urls: ['https://accounts.example.com/*'] }, { apiCallsOnly: false }])
      expect(compileScope(scope).outOfScope(ex)).toMatch(/^it is an OAuth 2\.0 token request.*RFC 6749 §5/);
    // The same call without grant_type is judged as before.
    const other = tokenCall('refresh=x');
    expect(compileScope(undefined).outOfScope(other)).toBeUndefined();
  });
});

describe('well-known URIs are never judged by a convention profile', () => {
  // aic_oauth-discovery.har #2: GET /.well-known/oauth-protected-resource/sse → 200 application/json
  // (RFC 9728 metadata) was told by hal/content-type to be application/hal+json.
  const get = (url: string) =>
    makeExchange({ url, headers: { 'Content-Type': 'application/json' }, body: { resource: 'x' } });

  it('recognises /.well-known/ at the root or after an issuer path', () => {
    expect(isWellKnownRequest(get('http://localhost:3001/.well-known/oauth-protected-resource/sse'))).toBe(
      true,
    );
    expect(
      isWellKnownRequest(get('https://id.example/am/oauth2/alpha/.well-known/openid-configuration')),
    ).toBe(true);
    expect(isWellKnownRequest(get('https://api.example/.well-known'))).toBe(true);
    expect(isWellKnownRequest(get('https://api.example/things/well-known'))).toBe(false);
    expect(isWellKnownRequest(get('https://api.example/x.well-known/y'))).toBe(false);
    expect(isWellKnownRequest(get('https://api.example/search?next=/.well-known/x'))).toBe(false);
  });

  it('puts them outside every scope, saying why', () => {
    expect(
      compileScope({ urls: ['http://localhost:3001/*'] }).outOfScope(
        get('http://localhost:3001/.well-known/jwks.json'),
      ),
    ).toBe('it is a well-known URI (RFC 8615), whose answer the specification registering it defines');
    expect(compileScope(undefined).outOfScope(get('http://localhost:3001/api/things'))).toBeUndefined();
  });
});
