import rule from '../../../../src/core/rules/security/secret-in-url';
import { ruleTester } from '../../../helpers/ruleTester';

// Token-shaped values are assembled at run time so no secret-shaped literal sits in the repository.
const TOKEN = 'gh' + 'o_' + 'Q7x9K2mP4v'.repeat(4).slice(0, 36);
const STRIPE = 'sk' + '_live_' + '4eC39HqLyjWDarjtT1zdp7dc';

ruleTester(rule, {
  valid: [
    {
      name: 'authorization-code redirect (code and state are by design)',
      status: 302,
      headers: { Location: 'https://app.example/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz' },
    },
    {
      name: 'pre-signed download URL',
      status: 302,
      headers: {
        Location:
          'https://bucket.s3.amazonaws.com/a.zip?X-Amz-Credential=AKID%2F20260101&X-Amz-Signature=abc123&X-Amz-Expires=300',
      },
    },
    {
      name: 'Azure SAS sig and a generic key',
      status: 307,
      headers: { Location: 'https://acct.blob.core.windows.net/c/b?sv=2024&sig=abc%3D&key=reports%2F1.csv' },
    },
    {
      name: 'empty and templated values',
      status: 302,
      headers: { Location: '/login?token=&api_key={key}&password=null' },
    },
    {
      name: 'names that only contain a secret word',
      status: 302,
      headers: { Location: '/x?token_type=bearer&tokenize=1' },
    },
    { name: 'no query at all', status: 301, headers: { Location: 'https://example.com/new' } },
    {
      name: 'a 200 response is not a redirect',
      status: 200,
      headers: { Location: `https://app.example/cb#access_token=${TOKEN}` },
    },
    { name: 'redirect without Location', status: 302 },
    {
      name: 'request URL with ordinary parameters, a session flag and an OAuth code',
      url: 'https://api.example.com/search?q=token&page=2&session=1&code=SplxlOBeZQQYbYS6WxSbIA&state=x',
    },
    {
      name: 'request URL with a paging token, token_type and a public Maps key',
      url: `https://api.example.com/items?next_page_token=CAoQAAabc123xyz&token_type=bearer&key=AIza${'b'.repeat(35)}`,
    },
    {
      name: 'request URL with a publishable key and a pre-signed signature',
      url: 'https://api.example.com/t?access_token=pk.eyJ1IjoiYSJ9.abc&X-Amz-Signature=abc123&sig=x%3D',
    },
  ],
  invalid: [
    {
      name: 'OAuth implicit-flow leftover: access_token in the fragment',
      status: 302,
      headers: {
        Location: `https://app.example/callback#access_token=${TOKEN}&token_type=bearer&expires_in=3600`,
      },
      findings: [
        {
          severity: 'warning',
          message: ['302', 'access_token=', '40-character value, not shown', 'fragment', 'Referer'],
        },
      ],
    },
    {
      name: 'token in the query string of a relative Location',
      status: 303,
      headers: { location: `/welcome?token=${TOKEN}` },
      findings: [{ severity: 'warning', message: ['303', 'token=', 'query string'] }],
    },
    {
      name: 'api_key and password, any case, percent-encoded name',
      status: 301,
      headers: { Location: `https://x.example/a?API_KEY=k${TOKEN}&pass%77ord=hunter22` },
      findings: [
        { severity: 'warning', message: 'api_key=' },
        { severity: 'warning', message: 'password=' },
      ],
    },
    {
      name: 'fragment route with its own query',
      status: 302,
      headers: { Location: `https://spa.example/#/cb?id_token=${TOKEN}` },
      findings: [{ severity: 'warning', message: ['id_token=', 'fragment'] }],
    },
    {
      name: 'the same name in query and fragment is two findings',
      status: 302,
      headers: { Location: `/cb?access_token=${TOKEN}&access_token=${TOKEN}#access_token=${TOKEN}` },
      findings: [
        { severity: 'warning', message: 'query string' },
        { severity: 'warning', message: 'fragment' },
      ],
    },
    {
      name: 'the value is never shown',
      status: 302,
      headers: { Location: '/x?client_secret=abcdefghijklmnop' },
      findings: [{ severity: 'warning', message: ['client_secret=', '16-character value'] }],
    },
    {
      name: 'request URL with api_key= holding a Stripe live key (#13)',
      url: `https://api.example.com/charges?api_key=${STRIPE}`,
      findings: [
        { severity: 'warning', message: ['Request URL', 'api_key=', '32-character value', 'query string'] },
      ],
    },
    {
      name: 'request URL with access_token=',
      url: `https://api.example.com/me?fields=id&access_token=${TOKEN}`,
      findings: [{ severity: 'warning', message: ['Request URL', 'access_token='] }],
    },
    {
      name: 'request URL with a vendor-format key under any parameter name',
      url: `https://api.example.com/hook?q=${STRIPE}`,
      findings: [{ severity: 'warning', message: ['Request URL', 'q='] }],
    },
    {
      name: 'request URL and redirect each carry one',
      url: `https://api.example.com/login?password=hunter22`,
      status: 302,
      headers: { Location: `/home#id_token=${TOKEN}` },
      findings: [
        { severity: 'warning', message: ['Request URL', 'password='] },
        { severity: 'warning', message: ['302 redirect', 'id_token=', 'fragment'] },
      ],
    },
  ],
});
