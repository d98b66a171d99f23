import rule from '../../../../src/core/rules/http/unauthorized-challenge';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: '401 with a Bearer challenge',
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
    },
    { name: 'header name in lower case', status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } },
    {
      name: 'repeated challenges',
      status: 401,
      headers: [
        { name: 'WWW-Authenticate', value: 'Basic realm="x"' },
        { name: 'Www-Authenticate', value: 'Bearer' },
      ],
    },
    { name: '403 without a challenge', status: 403 },
    {
      // A real recording (Polly.JS 5.1.1 of the Spotify Web API, neviaumi/spotify-music-player):
      // the recorder kept only the headers a script may read, so the challenge is unknowable.
      name: '401 recorded from inside the page (only CORS-safelisted headers, no Date)',
      status: 401,
      url: 'https://api.spotify.com/v1/me/player?additional_types=track',
      headers: { 'content-type': 'application/json' },
      body: { error: { status: 401, message: 'Invalid access token' } },
    },
    {
      name: 'the same with Content-Length and Cache-Control, still a script view',
      status: 401,
      headers: { 'content-length': '92', 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: { error: { status: 401, message: 'Invalid access token' } },
    },
  ],
  invalid: [
    {
      name: "near miss: a Date beside Content-Type is the server's own header set",
      status: 401,
      headers: { 'content-type': 'application/json', date: 'Mon, 20 Sep 2021 14:24:54 GMT' },
      body: { error: { status: 401, message: 'Invalid access token' } },
      findings: [{ severity: 'error', message: ['401', 'no WWW-Authenticate'] }],
    },
    {
      name: 'near miss: a script view with an empty WWW-Authenticate line still names it empty',
      status: 401,
      headers: { 'content-type': 'application/json', 'www-authenticate': ' ' },
      findings: [{ severity: 'error', message: 'an empty WWW-Authenticate header' }],
    },
    {
      name: '401 without WWW-Authenticate',
      status: 401,
      body: { error: 'unauthorized' },
      findings: [{ severity: 'error', message: ['401', 'GET', 'no WWW-Authenticate'] }],
    },
    {
      name: '401 with an empty WWW-Authenticate',
      method: 'POST',
      status: 401,
      headers: { 'WWW-Authenticate': ' ' },
      findings: [{ severity: 'error', message: ['POST', 'empty WWW-Authenticate'] }],
    },
    {
      // A real recording (Polly.JS 6.0.5, JupiterOne/graph-microsoft-endpoint-defender, corpus
      // j1azure_aad-token-401-invalid-client.har): Azure AD's token endpoint refuses a wrong
      // client secret with 401 invalid_client and no challenge; the form body was redacted.
      name: 'OAuth token request answered 401 invalid_client without a challenge: 400 or a challenge, not 403',
      method: 'POST',
      url: 'https://login.microsoftonline.com/ca1b195a-d414-4b2f-8193-34959da8ad09/oauth2/v2.0/token',
      status: 401,
      postData: { mimeType: 'application/x-www-form-urlencoded;charset=utf-8', text: '[REDACTED]' },
      headers: {
        'cache-control': 'no-store, no-cache',
        'content-type': 'application/json; charset=utf-8',
        date: 'Wed, 14 Sep 2022 05:56:29 GMT',
      },
      body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
      findings: [
        {
          severity: 'error',
          message: ['POST', 'no WWW-Authenticate', 'RFC 6749 §5.2', 'Basic', '400 otherwise'],
        },
      ],
    },
    {
      name: 'near miss: the same 401 to a POST that is no token request keeps the 403 advice',
      method: 'POST',
      url: 'https://api.example.com/orders',
      status: 401,
      postData: { mimeType: 'application/json', text: '{"item":1}' },
      headers: { date: 'Wed, 14 Sep 2022 05:56:29 GMT', 'content-type': 'application/json' },
      body: { error: 'unauthorized' },
      findings: [{ severity: 'error', message: ['POST', 'no WWW-Authenticate', '403 is the better status'] }],
    },
    {
      // A real recording (Polly.JS, JupiterOne/graph-red-hat-quay, corpus
      // j1quay_401-problem-body-as-json.har): the refused token's value was redacted.
      name: 'a 401 to a request that sent Authorization: a challenge for its scheme, not 403',
      url: 'http://35.184.161.209/api/v1/user/',
      status: 401,
      requestHeaders: { authorization: '[REDACTED]' },
      headers: { server: 'nginx/1.14.1', 'content-type': 'application/json' },
      body: { error_type: 'invalid_token', title: 'invalid_token', status: 401 },
      findings: [
        {
          severity: 'error',
          message: ['no WWW-Authenticate', 'the request sent Authorization', 'Bearer error="invalid_token"'],
        },
      ],
    },
    {
      name: 'Proxy-Authenticate does not count for a 401',
      status: 401,
      headers: { 'Proxy-Authenticate': 'Basic' },
      findings: [{ severity: 'error', message: 'no WWW-Authenticate' }],
    },
  ],
});
