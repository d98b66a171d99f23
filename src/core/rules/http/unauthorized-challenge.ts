import { headerValues } from '../../exchange/headers';
import { responseHeadersAsScriptSaw } from '../../exchange/script-view';
import { isOAuthTokenRequest } from '../../exchange/spec-defined';
import { defineRule } from '../types';

export default defineRule({
  id: 'http/unauthorized-challenge',
  group: 'core',
  severity: 'error',
  headerOnly: true,
  description: 'A 401 Unauthorized must carry a WWW-Authenticate challenge saying how to authenticate.',
  source: { label: 'RFC 9110 §15.5.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2' },
  check({ exchange }) {
    if (exchange.status !== 401) return [];
    const values = headerValues(exchange.responseHeaders, 'www-authenticate');
    if (values.some((v) => v.trim() !== '')) return [];
    // A recorder inside the page saw only the headers script may read: the challenge, if sent,
    // was never shown to it (Access-Control-Expose-Headers rarely lists WWW-Authenticate).
    if (values.length === 0 && responseHeadersAsScriptSaw(exchange)) return [];
    const what = values.length > 0 ? 'an empty WWW-Authenticate header' : 'no WWW-Authenticate header';
    // A token endpoint refusing the client (invalid_client) has two right answers, and 403 is
    // neither: RFC 6749 §5.2 allows the 401 with a challenge for the client's authentication
    // scheme, and has every other token error answered 400 (Azure AD's 401 in the corpus).
    // A request that sent Authorization shows the API takes a scheme, so "if no scheme fits,
    // 403" would be advice that does not apply (a refused token is RFC 6750 §3's 401 with a
    // Bearer challenge). Its scheme is not named: recorders redact the value, and a bare token
    // sent without a scheme would be quoted as one.
    const fix = isOAuthTokenRequest(exchange)
      ? 'an OAuth token endpoint (RFC 6749 §5.2) sends a 401 only with a challenge for the client authentication it takes (e.g. Basic), and 400 otherwise'
      : headerValues(exchange.requestHeaders, 'authorization').some((v) => v.trim() !== '')
        ? 'the request sent Authorization, so add a challenge for the scheme the API takes (e.g. Bearer error="invalid_token" for a refused token, RFC 6750 §3)'
        : 'if no scheme fits, 403 is the better status';
    return [{ message: `401 Unauthorized to ${exchange.method} has ${what}; ${fix}` }];
  },
});
