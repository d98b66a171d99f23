import { describe, expect, it } from 'vitest';
import { analyzeExchange, DEFAULT_LIMITS } from '../../../../src/core/engine/analyze';
import rule from '../../../../src/core/rules/security/secret-in-url';
import { makeExchange, type ExchangeSpec } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';

// Token-shaped values are assembled at run time so no secret-shaped literal sits in the repository.
const TOKEN = 'gh' + 'o_' + 'Q7x9K2mP4v'.repeat(4).slice(0, 36);
const STRIPE = 'sk' + '_live_' + '4eC39HqLyjWDarjtT1zdp7dc';
// ASP.NET session ids are 24 characters of [a-z0-5]; servlet session ids 32 hex digits.
const ASPNET_SID = 'pvnzao4525kprh2z121oqv55';
const JSESSIONID = '0A1B2C3D4E5F60718293A4B5C6D7E8F9';
const alnum = (n: number) => 'Q7x9K2mP4v'.repeat(Math.ceil(n / 10)).slice(0, n);
const upper = (n: number) => 'Q7X9K2MP4V'.repeat(Math.ceil(n / 10)).slice(0, n);
const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const JWT = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '42', exp: 1767225600 })}.${alnum(43)}`;
const NOT_JOSE = `${b64url({ foo: 1 })}.${b64url({ sub: '42' })}.${alnum(43)}`;
const SLACK_HOOK_PATH = 'services/T0' + upper(8) + '/B0' + upper(8) + '/' + alnum(24);
const GOOGLE = 'AI' + 'za' + alnum(35);

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
    {
      name: 'paths that only look like ASP.NET cookieless state',
      url: 'https://en.example.org/wiki/Set_(mathematics)/(S)/x(S(1))/(s(lowercase))/(Q(1))/page',
    },
    {
      name: 'a cookieless segment with only the cookie probe X(1)',
      url: 'https://shop.example/(X(1))/default.aspx',
    },
    {
      name: 'a cookieless-looking segment that does not close the path segment',
      url: `https://shop.example/files/(S(${ASPNET_SID}))report.aspx`,
    },
    {
      name: 'path parameters that are not credentials',
      url: 'https://api.example.com/cars;color=red;year=2020/list;v=2?q=1',
    },
    {
      name: 'an empty ;jsessionid= path parameter',
      url: 'https://shop.example/cart;jsessionid=?item=3',
    },
    {
      name: 'a ;sid= path parameter is carried by design, like ?sid=',
      url: 'https://app.example/poll;sid=abc123def456',
    },
    {
      name: "a Google ad ping's sigh= signature is carried by design, like sig=",
      url: 'https://googleads.g.doubleclick.net/pagead/adview?ai=CNdmbywviVdbjLNeW3AGZh5u4BK&sigh=DE4K_cw30jY&vis=1',
    },
    {
      name: 'a path segment shaped like a JWT whose header is not a JOSE header',
      url: `https://app.example/share/${NOT_JOSE}`,
    },
    {
      name: 'a path that merely starts like a token (eyJ, ghp)',
      url: 'https://app.example/docs/eyJunk/ghp-guide',
    },
    {
      name: 'a Google API key in a path is left alone, as in a query (browser keys travel in URLs)',
      url: `https://maps.example/tiles/${GOOGLE}/1/2/3.png`,
    },
  ],
  invalid: [
    {
      name: 'a JWT as a path segment (a magic-link or verification token)',
      url: `https://app.example/auth/verify/${JWT}`,
      findings: [{ severity: 'warning', message: ['Request URL', 'a JWT', 'not shown', 'path', 'header'] }],
    },
    {
      name: 'a token shape as a path segment, whatever the segment is called',
      url: `https://api.example.com/keys/${TOKEN}/status`,
      findings: [
        { severity: 'warning', message: ['Request URL', 'a GitHub token', '40-character value', 'path'] },
      ],
    },
    {
      name: 'a page posting to a Slack webhook: the URL is the credential, so the advice is a server',
      method: 'POST',
      url: `https://hooks.slack.com/${SLACK_HOOK_PATH}`,
      findings: [
        {
          severity: 'warning',
          message: [
            'Request URL',
            'a Slack webhook URL',
            'path',
            'can post to the channel',
            'from your server',
          ],
        },
      ],
    },
    {
      name: 'a redirect whose Location puts a JWT in the path',
      status: 302,
      headers: { Location: `/welcome/${JWT}` },
      findings: [{ severity: 'warning', message: ['302', 'Location', 'a JWT', 'path'] }],
    },
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
    {
      name: 'request URL with an ASP.NET cookieless session id (harviewer_cnn.har)',
      url: `https://wap.example/(X(1)S(${ASPNET_SID}))/i.aspx?r=1`,
      findings: [
        {
          severity: 'warning',
          message: [
            'Request URL',
            'ASP.NET cookieless session id',
            '24-character value',
            'path',
            'Referer',
            'history',
            'sessionState cookieless="UseCookies"',
          ],
        },
      ],
    },
    {
      name: 'redirect to a cookieless URL with session id and forms ticket',
      status: 302,
      headers: { Location: `/(S(${ASPNET_SID})F(${'A1B2C3D4'.repeat(8)}))/Default.aspx` },
      findings: [
        { severity: 'warning', message: ['302 redirect', 'session id S(…)', 'path'] },
        {
          severity: 'warning',
          message: ['302 redirect', 'forms-authentication ticket F(…)', '64-character'],
        },
      ],
    },
    {
      name: 'request URL with a ;jsessionid= path parameter',
      url: `https://shop.example/cart;jsessionid=${JSESSIONID}?item=3`,
      findings: [
        {
          severity: 'warning',
          message: ['Request URL', ';jsessionid=', '32-character value', 'path', 'session id', 'COOKIE'],
        },
      ],
    },
    {
      name: 'redirect whose Location has ;jsessionid= in the path',
      status: 302,
      headers: { Location: `https://shop.example/login.jsp;jsessionid=${JSESSIONID}` },
      findings: [{ severity: 'warning', message: ['302 redirect', ';jsessionid=', 'path'] }],
    },
    {
      name: 'request URL with ?PHPSESSID= gets the session advice',
      url: `https://forum.example/index.php?PHPSESSID=${ASPNET_SID}`,
      findings: [
        { severity: 'warning', message: ['phpsessid=', 'query string', 'session.use_only_cookies'] },
      ],
    },
    {
      name: 'a wss:// URL: the advice is a ticket or the first message, never a header (a browser WebSocket cannot send one)',
      url: `wss://live.example.com/socket?access_token=${TOKEN}`,
      status: 101,
      findings: [
        {
          severity: 'warning',
          message: [
            'Request URL',
            'access_token=',
            'query string',
            'single-use ticket',
            'first message',
            'cookie',
          ],
        },
      ],
    },
    {
      name: 'a WebSocket handshake recorded under its https URL (mitm_websocket.har #0: Upgrade, 101, _resourceType)',
      url: 'https://demo.piesocket.com/v3/channel_123?api_key=VCXCEuvhGcBDP7XhiJJUDvR1e1D3eiVjgZ9VRiaV&notify_self',
      status: 101,
      resourceType: 'websocket',
      requestHeaders: { Connection: 'Upgrade', Upgrade: 'websocket' },
      headers: { Connection: 'upgrade', Upgrade: 'websocket' },
      findings: [{ severity: 'warning', message: ['Request URL', 'api_key=', 'single-use ticket'] }],
    },
    {
      name: 'a session id in a WebSocket URL keeps the session advice (a cookie goes with the handshake)',
      url: `wss://chat.example/socket;jsessionid=${JSESSIONID}`,
      findings: [{ severity: 'warning', message: [';jsessionid=', 'session id', 'COOKIE'] }],
    },
    {
      name: 'a credential path parameter by the same names as the query',
      url: `https://api.example.com/export;access_token=${TOKEN}/data.csv`,
      findings: [{ severity: 'warning', message: ['Request URL', ';access_token=', 'path', 'header'] }],
    },
  ],
});

describe('security/secret-in-url on a WebSocket handshake', () => {
  const messages = (spec: ExchangeSpec) =>
    analyzeExchange(makeExchange(spec), [{ rule }], DEFAULT_LIMITS).findings.map((f) => f.message);
  const key = `api_key=${alnum(40)}`;

  it.each<[string, ExchangeSpec]>([
    ['a ws:// URL', { url: `ws://live.example/feed?${key}` }],
    ['_resourceType websocket', { url: `https://live.example/feed?${key}`, resourceType: 'websocket' }],
    [
      'a request Upgrade: websocket',
      { url: `https://live.example/feed?${key}`, requestHeaders: { Upgrade: 'websocket' } },
    ],
    ['a 101 answer', { url: `https://live.example/feed?${key}`, status: 101 }],
  ])('%s: never advises a header or a POST body, which a browser WebSocket cannot send', (_, spec) => {
    const [message, ...rest] = messages(spec);
    expect(rest).toEqual([]);
    expect(message).not.toMatch(/header or a POST body instead/);
    expect(message).toContain('single-use ticket');
  });

  it('a plain https request keeps the header or POST body advice', () => {
    expect(messages({ url: `https://api.example/feed?${key}` })[0]).toContain(
      'in a header or a POST body instead',
    );
  });
});
