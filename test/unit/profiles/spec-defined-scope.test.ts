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
