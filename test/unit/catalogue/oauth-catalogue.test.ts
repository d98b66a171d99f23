import { describe, expect, it } from 'vitest';
import {
  allOAuthErrors,
  oauthCodesForStatus,
  oauthError,
  oauthErrorsNamed,
  oauthErrorTitle,
} from '../../../src/core/catalogue/oauth/index';

/**
 * The codes and the sections defining them, written out here on purpose (not read from the
 * catalogue), so a code dropped from the data, or cited to another section, fails the test.
 * Each was checked against the specification's text.
 */
const EXPECTED: Record<string, string> = {
  'token invalid_request': 'RFC 6749 §5.2',
  'token invalid_client': 'RFC 6749 §5.2',
  'token invalid_grant': 'RFC 6749 §5.2',
  'token unauthorized_client': 'RFC 6749 §5.2',
  'token unsupported_grant_type': 'RFC 6749 §5.2',
  'token invalid_scope': 'RFC 6749 §5.2',
  'token authorization_pending': 'RFC 8628 §3.5',
  'token slow_down': 'RFC 8628 §3.5',
  'token access_denied': 'RFC 8628 §3.5',
  'token expired_token': 'RFC 8628 §3.5',
  'token invalid_target': 'RFC 8693 §2.2.2',
  'token invalid_dpop_proof': 'RFC 9449 §5',
  'token use_dpop_nonce': 'RFC 9449 §8',
  'authorization invalid_request': 'RFC 6749 §4.1.2.1',
  'authorization unauthorized_client': 'RFC 6749 §4.1.2.1',
  'authorization access_denied': 'RFC 6749 §4.1.2.1',
  'authorization unsupported_response_type': 'RFC 6749 §4.1.2.1',
  'authorization invalid_scope': 'RFC 6749 §4.1.2.1',
  'authorization server_error': 'RFC 6749 §4.1.2.1',
  'authorization temporarily_unavailable': 'RFC 6749 §4.1.2.1',
  'authorization interaction_required': 'OpenID Connect Core 1.0 §3.1.2.6',
  'authorization login_required': 'OpenID Connect Core 1.0 §3.1.2.6',
  'authorization account_selection_required': 'OpenID Connect Core 1.0 §3.1.2.6',
  'authorization consent_required': 'OpenID Connect Core 1.0 §3.1.2.6',
  'authorization invalid_request_uri': 'RFC 9101 §7',
  'authorization invalid_request_object': 'RFC 9101 §7',
  'authorization request_not_supported': 'RFC 9101 §7',
  'authorization request_uri_not_supported': 'RFC 9101 §7',
  'authorization registration_not_supported': 'OpenID Connect Core 1.0 §3.1.2.6',
  'authorization invalid_target': 'RFC 8707 §2',
  'authorization invalid_authorization_details': 'RFC 9396 §5',
  'resource invalid_request': 'RFC 6750 §3.1',
  'resource invalid_token': 'RFC 6750 §3.1',
  'resource insufficient_scope': 'RFC 6750 §3.1',
  'resource invalid_dpop_proof': 'RFC 9449 §7.1',
  'resource use_dpop_nonce': 'RFC 9449 §9',
  'revocation unsupported_token_type': 'RFC 7009 §2.2.1',
  'introspection invalid_client': 'RFC 7662 §2.3',
  'registration invalid_redirect_uri': 'RFC 7591 §3.2.2',
  'registration invalid_client_metadata': 'RFC 7591 §3.2.2',
  'registration invalid_software_statement': 'RFC 7591 §3.2.2',
  'registration unapproved_software_statement': 'RFC 7591 §3.2.2',
  'pushed-authorization invalid_request': 'RFC 9126 §2.3',
};

const ENTRIES = allOAuthErrors();

describe('the OAuth error catalogue', () => {
  it('holds exactly the expected codes, each cited to its section', () => {
    const got = Object.fromEntries(ENTRIES.map((e) => [`${e.context} ${e.code}`, e.origin]));
    expect(got).toEqual(EXPECTED);
  });

  it.each(ENTRIES.map((e) => [`${e.context} ${e.code}`, e] as const))(
    '%s has a meaning, causes, what to do and an https source',
    (_, e) => {
      expect(e.summary.length).toBeGreaterThan(20);
      expect(e.meaning.length).toBeGreaterThan(20);
      expect(e.causes.length).toBeGreaterThan(0);
      for (const c of e.causes) expect(c.trim().length).toBeGreaterThan(10);
      expect(e.action.length).toBeGreaterThan(20);
      expect(e.code).toMatch(/^[a-z_]+$/);
      const url = new URL(e.specUrl);
      expect(url.protocol).toBe('https:');
      // The link goes to the section the origin names.
      const rfc = /^RFC (\d+) §([\d.]+)$/.exec(e.origin);
      if (rfc) expect(e.specUrl).toBe(`https://www.rfc-editor.org/rfc/rfc${rfc[1]}#section-${rfc[2]}`);
      else expect(e.specUrl).toBe('https://openid.net/specs/openid-connect-core-1_0.html#AuthError');
    },
  );

  it('holds each code once per place (no entry shadowed by a duplicate)', () => {
    const keys = ENTRIES.map((e) => `${e.context} ${e.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('links every section to a documentation host the built extension may name', () => {
    // The hosts test/e2e/dist-hygiene.test.ts allows in dist/: a link elsewhere fails the build's check.
    for (const e of ENTRIES) expect(['www.rfc-editor.org', 'openid.net']).toContain(new URL(e.specUrl).host);
  });

  it('explains RFC 6749 §5.2’s codes at the revocation endpoint by the token endpoint’s entry, and no others', () => {
    // RFC 7009 §2.2.1: the revocation endpoint's errors are §5.2's, plus its own.
    expect(oauthError('revocation', 'invalid_client')).toBe(oauthError('token', 'invalid_client'));
    expect(oauthError('revocation', 'invalid_request')).toBe(oauthError('token', 'invalid_request'));
    expect(oauthError('revocation', 'authorization_pending')).toBeUndefined();
    expect(oauthError('revocation', 'invalid_token')).toBeUndefined();
    expect(oauthError('registration', 'invalid_client')).toBeUndefined();
    // Listed at the token endpoint and, with RFC 7662 §2.3's 401, at the introspection endpoint.
    expect(oauthErrorsNamed('invalid_client').map((e) => e.context)).toEqual(['token', 'introspection']);
  });

  it('explains the introspection endpoint’s refused caller by its own entry, its other §5.2 codes by the token endpoint’s', () => {
    const own = oauthError('introspection', 'invalid_client')!;
    expect(own.context).toBe('introspection');
    expect(own.statuses).toEqual([401]);
    // RFC 7662 §2.3: an inactive token is answered "active": false, never with this error.
    expect(own.meaning).toMatch(/"active": false/);
    expect(oauthError('introspection', 'invalid_request')).toBe(oauthError('token', 'invalid_request'));
    expect(oauthError('introspection', 'unsupported_token_type')).toBeUndefined();
    // Where the request does not tell the two endpoints apart, only what is true of both.
    expect(oauthError('revocation-or-introspection', 'invalid_client')).toBe(
      oauthError('token', 'invalid_client'),
    );
    expect(oauthError('revocation-or-introspection', 'unsupported_token_type')).toBeUndefined();
    expect(oauthError('revocation-or-introspection', 'invalid_grant')).toBe(
      oauthError('token', 'invalid_grant'),
    );
  });

  it('explains at the pushed authorization request endpoint only the codes RFC 9126 §2.3 sends there', () => {
    expect(oauthError('pushed-authorization', 'invalid_request')!.origin).toBe('RFC 9126 §2.3');
    expect(oauthError('pushed-authorization', 'invalid_client')).toBe(oauthError('token', 'invalid_client'));
    expect(oauthError('pushed-authorization', 'invalid_scope')).toBe(
      oauthError('authorization', 'invalid_scope'),
    );
    expect(oauthError('pushed-authorization', 'invalid_request_object')).toBe(
      oauthError('authorization', 'invalid_request_object'),
    );
    // Never returned there: user interaction (§2.3), a request_uri (§2.1 forbids pushing one), a grant.
    for (const code of [
      'consent_required',
      'login_required',
      'invalid_request_uri',
      'invalid_grant',
      'invalid_token',
    ])
      expect(oauthError('pushed-authorization', code)).toBeUndefined();
  });

  it('explains the client configuration endpoint’s refused update by the registration endpoint’s entries', () => {
    // RFC 7592 §2.2: an invalid metadata field is answered as RFC 7591 answers a registration.
    expect(oauthError('client-configuration', 'invalid_redirect_uri')).toBe(
      oauthError('registration', 'invalid_redirect_uri'),
    );
    expect(oauthError('client-configuration', 'invalid_client')).toBeUndefined();
  });

  it('heads the revocation and registration endpoints’ codes with their own place', () => {
    expect(oauthErrorTitle(oauthError('revocation', 'unsupported_token_type')!)).toBe(
      'unsupported_token_type at the revocation endpoint',
    );
    expect(oauthErrorTitle(oauthError('registration', 'invalid_redirect_uri')!)).toBe(
      'invalid_redirect_uri at the client registration endpoint',
    );
    // Sent where the specification sends them: a 400, like the token endpoint's.
    expect(oauthCodesForStatus(400)).toEqual(
      expect.arrayContaining(['unsupported_token_type', 'invalid_client_metadata', 'invalid_target']),
    );
    // OpenID Connect's registration parameter is not dynamic client registration.
    expect(oauthErrorsNamed('registration_not_supported').map((e) => e.context)).toEqual(['authorization']);
    expect(oauthErrorsNamed('invalid_target').map((e) => e.context)).toEqual(['token', 'authorization']);
  });

  it('words each entry of one place differently (no summary copied to another code)', () => {
    const summaries = ENTRIES.map((e) => e.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('keys a code by where it is sent: invalid_request means four things', () => {
    expect(oauthErrorsNamed('invalid_request').map((e) => e.context)).toEqual([
      'token',
      'authorization',
      'resource',
      'pushed-authorization',
    ]);
    expect(oauthError('token', 'invalid_request')!.summary).toMatch(/token request/);
    expect(oauthError('resource', 'invalid_request')!.summary).toMatch(/token sent in more than one way/);
    expect(oauthError('resource', 'invalid_grant')).toBeUndefined();
    expect(oauthError('token', 'invalid_token')).toBeUndefined();
  });

  it('is case-sensitive and knows nothing of other words', () => {
    expect(oauthErrorsNamed('INVALID_GRANT')).toEqual([]);
    expect(oauthErrorsNamed('toString')).toEqual([]);
    expect(oauthError('token', '__proto__')).toBeUndefined();
  });

  it('names the codes each status carries', () => {
    expect(oauthCodesForStatus(401)).toEqual([
      'invalid_client',
      'invalid_token',
      'invalid_dpop_proof',
      'use_dpop_nonce',
    ]);
    expect(oauthCodesForStatus(403)).toEqual(['insufficient_scope']);
    expect(oauthCodesForStatus(400)).toContain('invalid_grant');
    expect(oauthCodesForStatus(404)).toEqual([]);
  });

  it('heads an entry with its code and where it is sent', () => {
    expect(oauthErrorTitle(oauthError('token', 'invalid_grant')!)).toBe(
      'invalid_grant at the token endpoint',
    );
    expect(oauthErrorTitle(oauthError('resource', 'invalid_token')!)).toBe(
      'invalid_token from a protected resource',
    );
    expect(oauthErrorTitle(oauthError('introspection', 'invalid_client')!)).toBe(
      'invalid_client at the introspection endpoint',
    );
    expect(oauthErrorTitle(oauthError('pushed-authorization', 'invalid_request')!)).toBe(
      'invalid_request at the pushed authorization request endpoint',
    );
    expect(oauthErrorTitle({ code: 'invalid_client', context: 'revocation-or-introspection' })).toBe(
      'invalid_client at the revocation or introspection endpoint',
    );
  });

  it('is frozen: a caller cannot change what every other caller reads', () => {
    const e = oauthError('token', 'invalid_grant')!;
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.causes)).toBe(true);
  });
});
