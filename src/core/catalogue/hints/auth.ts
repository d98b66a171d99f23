/** Auth hints: what a WWW-Authenticate or Proxy-Authenticate challenge asks for. */
import { headerValues } from '../../exchange/headers';
import { responseHeadersAsScriptSaw } from '../../exchange/script-view';
import type { Exchange } from '../../exchange/types';
import { parseChallenges, type Challenge } from '../auth-challenge';
import { oauthError } from '../oauth/index';
import { shownValue } from './text';
import type { Hint } from './types';

const SCHEMES: Record<string, string> = {
  bearer: 'a Bearer token (such as an OAuth 2.0 access token)',
  basic: 'a user name and password (Basic)',
  digest: 'Digest credentials (a hashed user name and password)',
  negotiate: 'Windows integrated sign-in (Negotiate: Kerberos or NTLM)',
  ntlm: 'Windows NTLM sign-in',
  dpop: 'a DPoP-bound access token',
};

/** A known code in the catalogue's words (catalogue/oauth: the Overview explains it in full). */
function errorWords(error: string, scope: string | undefined): string {
  const known = oauthError('resource', error);
  if (!known) return `Error code "${shownValue(error, 60)}".`;
  const needs = error === 'insufficient_scope' && scope ? ` Scope needed: ${shownValue(scope, 80)}.` : '';
  return `Error code ${error}. ${known.summary}${needs}`;
}

function describeChallenge(ch: Challenge, status: number): string {
  const scheme = ch.scheme.toLowerCase();
  const realm = ch.params.get('realm');
  const error = ch.params.get('error');
  const parts = [
    `Wants ${SCHEMES[scheme] ?? `${shownValue(ch.scheme, 40)} credentials`}${realm ? ` for realm "${shownValue(realm, 60)}"` : ''}.`,
  ];
  if (error) parts.push(errorWords(error, ch.params.get('scope')));
  else if (scheme === 'bearer' && status === 401) {
    // RFC 6750 §3.1: without any credentials in the request the server should omit the error code.
    parts.push('No error code, which usually means the request carried no token at all.');
  }
  const description = ch.params.get('error_description');
  if (description) parts.push(`Server says: "${shownValue(description)}".`);
  const uri = ch.params.get('error_uri');
  if (uri) parts.push(`Details: ${shownValue(uri)}.`);
  if (scheme === 'digest' && ch.params.get('stale')?.toLowerCase() === 'true') {
    parts.push('The nonce was stale: retry with the new nonce; the password itself was accepted.');
  }
  return parts.join(' ');
}

export function authHints(ex: Exchange): Hint[] {
  const proxy = ex.status === 407;
  const field = proxy ? 'Proxy-Authenticate' : 'WWW-Authenticate';
  const values = headerValues(ex.responseHeaders, field).filter((v): v is string => typeof v === 'string');
  // A 403 only gets hints when it carries a challenge (RFC 6750 insufficient_scope).
  if (ex.status === 403 && values.length === 0) return [];
  if (values.length === 0) {
    // A recorder inside the page (Polly.JS's browser adapters) kept only what script may read:
    // there a missing challenge proves nothing, and http/unauthorized-challenge says nothing.
    if (!proxy && responseHeadersAsScriptSaw(ex)) {
      return [
        {
          kind: 'auth',
          text: `No ${field} was recorded, but neither was any header a page script cannot read: the browser hides ${field} from scripts unless Access-Control-Expose-Headers lists it, so whether the server sent a challenge is unknown.`,
        },
      ];
    }
    return [
      {
        kind: 'auth',
        text: `${ex.status} without ${field}: the server does not say which kind of credentials it wants, though RFC 9110 requires it to.`,
      },
    ];
  }
  const challenges: Challenge[] = [];
  let malformed = false;
  for (const v of values) {
    const parsed = parseChallenges(v);
    challenges.push(...parsed.challenges);
    malformed ||= parsed.malformed;
  }
  const hints: Hint[] = challenges
    .slice(0, 4)
    .map((ch) => ({ kind: 'auth', text: describeChallenge(ch, ex.status) }));
  if (challenges.length === 0) {
    hints.push({
      kind: 'auth',
      text: `${field} "${shownValue(values.join(', '))}" holds no readable challenge.`,
    });
  } else if (malformed) {
    hints.push({
      kind: 'auth',
      text: `${field} is malformed in places; the reading above is a best effort.`,
    });
  }
  return hints;
}
