import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness';

describe('status-lens explain with an OAuth error code', () => {
  it('explains invalid_grant: meaning, causes, what to do and its section', async () => {
    const r = await cli(['explain', 'invalid_grant']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [heading] = r.stdout.split('\n');
    expect(heading).toBe('invalid_grant at the token endpoint  OAuth 2.0 error code');
    // RFC 6749 §5.2: a grant "does not match the redirection URI used in the authorization
    // request"; it is never issued to a redirect URI.
    expect(r.stdout).toContain(
      'does not match the redirect URI of the authorization request, or was issued to another client.',
    );
    expect(r.stdout).not.toContain('issued to another client or redirect URI');
    expect(r.stdout).toContain('Common causes');
    expect(r.stdout).toContain('The authorization code was used twice');
    expect(r.stdout).toContain('What to do: Do not retry with the same grant');
    expect(r.stdout).toContain(
      'Defined by: RFC 6749 §5.2 — https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
    );
  });

  it('says which statuses the specification sends a code with', async () => {
    expect((await cli(['explain', 'invalid_client'])).stdout).toContain('Sent with: 400 or 401');
    // Authorization errors travel in a redirect: no status to name.
    expect((await cli(['explain', 'login_required'])).stdout).not.toContain('Sent with');
  });

  it('explains a code sent in several places once for each', async () => {
    const r = await cli(['explain', 'invalid_request']);
    expect(r.code).toBe(0);
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('invalid_request '));
    expect(headings).toEqual([
      'invalid_request at the token endpoint  OAuth 2.0 error code',
      'invalid_request from the authorization endpoint  OAuth 2.0 error code',
      'invalid_request from a protected resource  OAuth 2.0 error code',
      'invalid_request at the pushed authorization request endpoint  OAuth 2.0 error code',
    ]);
    expect(r.stdout).toContain('RFC 6750 §3.1');
    expect(r.stdout).toContain(
      'Defined by: RFC 9126 §2.3 — https://www.rfc-editor.org/rfc/rfc9126#section-2.3',
    );
    // The token endpoint's entry names the endpoints that send it meaning the same (RFC 7009
    // §2.2.1, RFC 7662 §2.3); the pushed authorization request endpoint has its own.
    expect(r.stdout).toContain(
      'Also sent, meaning the same: at the revocation endpoint and at the introspection endpoint\n',
    );
  });

  it('explains invalid_client at the introspection endpoint as the caller refused, with RFC 7662 §2.3', async () => {
    const r = await cli(['explain', 'invalid_client']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('invalid_client '))).toEqual([
      'invalid_client at the token endpoint  OAuth 2.0 error code',
      'invalid_client at the introspection endpoint  OAuth 2.0 error code',
    ]);
    const introspection = r.stdout.slice(r.stdout.indexOf('invalid_client at the introspection endpoint'));
    expect(introspection).toContain('Sent with: 401\n');
    expect(introspection).toContain('"active": false');
    expect(introspection).toContain(
      'Defined by: RFC 7662 §2.3 — https://www.rfc-editor.org/rfc/rfc7662#section-2.3',
    );
    expect(r.stdout).toContain(
      'Also sent, meaning the same: at the revocation endpoint and at the pushed authorization request endpoint\n',
    );
  });

  it('names the client configuration endpoint (RFC 7592) beside a registration code', async () => {
    const r = await cli(['explain', 'invalid_redirect_uri']);
    expect(r.stdout).toContain('Also sent, meaning the same: at the client configuration endpoint\n');
  });

  it('prints a JSON array, one object per place, with the documented fields', async () => {
    const r = await cli(['explain', 'access_denied', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.map((e) => [e.context, e.origin])).toEqual([
      ['token', 'RFC 8628 §3.5'],
      ['authorization', 'RFC 6749 §4.1.2.1'],
    ]);
    for (const e of list)
      expect(Object.keys(e)).toEqual([
        'code',
        'context',
        'summary',
        'meaning',
        'causes',
        'action',
        'statuses',
        'origin',
        'specUrl',
      ]);
  });

  it('reads a code typed in capitals as the lower-case code', async () => {
    const r = await cli(['explain', 'INVALID_TOKEN', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([
      { code: 'invalid_token', context: 'resource', statuses: [401] },
    ]);
  });

  it('says an unknown code is unknown, naming the kinds of codes it explains', async () => {
    const r = await cli(['explain', 'bad_verification_code']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no catalogue entry for "bad_verification_code"');
    expect(r.stderr).toContain('an OAuth error code such as invalid_grant');
  });

  it('suggests the OAuth code a typo is close to, and points to --list for every code', async () => {
    const r = await cli(['explain', 'invalid_grnt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no catalogue entry for "invalid_grnt" (did you mean invalid_grant?)');
    expect(r.stderr).toContain('"status-lens explain --list" for every code explained');
  });

  it('suggests the new endpoints’ codes too', async () => {
    expect((await cli(['explain', 'unsupported_token_typ'])).stderr).toContain(
      '(did you mean unsupported_token_type?)',
    );
    expect((await cli(['explain', 'invalid_redirect_url'])).stderr).toContain(
      '(did you mean invalid_redirect_uri?)',
    );
  });

  it('explains a revocation endpoint’s code, with its section and status', async () => {
    const r = await cli(['explain', 'unsupported_token_type']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'unsupported_token_type at the revocation endpoint  OAuth 2.0 error code',
    );
    expect(r.stdout).toContain('Sent with: 400');
    // RFC 7009 §2.1: revoking a refresh token invalidates the grant's access tokens only where
    // access tokens can be revoked, which is not the server that sent this code.
    expect(r.stdout).toContain(
      'What to do: Revoke the refresh token instead, and let the access token expire',
    );
    expect(r.stdout).not.toContain('should then invalidate the access tokens');
    expect(r.stdout).toContain(
      'Defined by: RFC 7009 §2.2.1 — https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1',
    );
  });

  it('explains a client registration code in JSON, with the registration context', async () => {
    const r = await cli(['explain', 'INVALID_CLIENT_METADATA', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([
      {
        code: 'invalid_client_metadata',
        context: 'registration',
        statuses: [400],
        origin: 'RFC 7591 §3.2.2',
        specUrl: 'https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2',
      },
    ]);
  });

  it('explains invalid_target once for the token endpoint and once for the authorization endpoint', async () => {
    const r = await cli(['explain', 'invalid_target']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('invalid_target '))).toEqual([
      'invalid_target at the token endpoint  OAuth 2.0 error code',
      'invalid_target from the authorization endpoint  OAuth 2.0 error code',
    ]);
    expect(r.stdout).toContain('RFC 8693 §2.2.2');
    expect(r.stdout).toContain('RFC 8707 §2');
  });

  it('names the OAuth codes it knows for an unknown word that reads as one', async () => {
    const r = await cli(['explain', 'bad_verification_code']);
    expect(r.stderr).toMatch(
      /the OAuth error codes explained are invalid_request, invalid_client, invalid_grant, .* and /,
    );
    expect(r.stderr).toContain('login_required');
    // One line on standard error, in the documented shape.
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^status-lens: error: /);
    // A status-code-like typo gets no list of OAuth codes.
    expect((await cli(['explain', 'net::ERR_NOPE'])).stderr).not.toContain('OAuth error codes explained');
  });

  it('keeps status codes and network errors as they were', async () => {
    const r = await cli(['explain', '404', '-f', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 404, reason: 'Not Found' });
    const n = await cli(['explain', 'err_connection_refused', '-f', 'json']);
    expect(JSON.parse(n.stdout)).toMatchObject({ code: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('names the OAuth codes a status carries under 401 and 403, not under 404', async () => {
    const r401 = await cli(['explain', '401']);
    expect(r401.stdout).toContain(
      'OAuth 2.0 error codes sent with it: invalid_client, invalid_token, invalid_dpop_proof, use_dpop_nonce (status-lens explain CODE)',
    );
    expect((await cli(['explain', '403'])).stdout).toContain('sent with it: insufficient_scope');
    expect((await cli(['explain', '404'])).stdout).not.toContain('OAuth');
    // The JSON shape of a status entry is unchanged.
    expect(JSON.parse((await cli(['explain', '401', '-f', 'json'])).stdout)).not.toHaveProperty('oauth');
  });

  it('asks for a code with an example of each kind when given none', async () => {
    const r = await cli(['explain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('or an OAuth error code (invalid_grant)');
  });
});
