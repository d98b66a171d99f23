import rule from '../../../../src/core/rules/http/created-location';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '201 with Location', method: 'POST', status: 201, headers: { Location: '/things/42' } },
    {
      name: 'Location name in another case',
      method: 'POST',
      status: 201,
      headers: { location: '/things/42' },
    },
    { name: '200 without Location', status: 200 },
    {
      name: 'an empty Location line beside a real one',
      method: 'POST',
      status: 201,
      headers: [
        { name: 'Location', value: '' },
        { name: 'Location', value: '/things/42' },
      ],
    },
    {
      name: 'PUT with an empty Location still names its own target',
      method: 'PUT',
      status: 201,
      headers: { Location: '' },
    },
    {
      name: 'PATCH creating the resource it names',
      method: 'PATCH',
      status: 201,
      url: 'https://api.example.com/things/42',
    },
    {
      // A real capture (Chrome 104 against requestgenerator.com): http/status-method-mismatch
      // reports a 201 to a read; no second finding asks it for a Location.
      name: "a 201 to a GET is status-method-mismatch's finding, not this one",
      status: 201,
      url: 'https://requestgenerator.com/api/status/201',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: { methodUsed: 'GET', statusExpected: 201, requestPayload: '' },
    },
    { name: 'nor a 201 to OPTIONS', method: 'OPTIONS', status: 201 },
    // RFC 9110 §15.3.2: without Location the new resource is the target URI, which a PUT names.
    {
      name: 'PUT creating the resource it names',
      method: 'PUT',
      status: 201,
      url: 'https://api.example.com/things/42',
    },
  ],
  invalid: [
    {
      // As CrowdStrike's POST /oauth2/token does (j1crowdstrike_308-region-redirects.har #1, whose
      // form body the recording redacted): adding a Location is not the fix, 200 is.
      name: 'a 201 to an OAuth 2.0 token request says RFC 6749 answers it 200, not to add a Location',
      method: 'POST',
      status: 201,
      postData: { mimeType: 'application/x-www-form-urlencoded', text: 'grant_type=client_credentials' },
      body: { access_token: 'x', token_type: 'bearer', expires_in: 1799 },
      findings: [
        {
          severity: 'warning',
          message: 'OAuth 2.0 token request, which names no new resource: RFC 6749 §5.1 answers it 200 OK',
        },
      ],
    },
    {
      name: 'near miss: a 201 to a DELETE (not a safe method) without Location',
      method: 'DELETE',
      status: 201,
      findings: [
        {
          severity: 'warning',
          message: ['201', 'DELETE', 'no Location', 'RFC 9110 §15.3.2 takes the request'],
        },
      ],
    },
    {
      name: '201 without Location',
      method: 'POST',
      status: 201,
      body: { id: 42 },
      findings: [{ severity: 'warning', message: ['201', 'POST', 'no Location'] }],
    },
    {
      // j1github_repos-rest-graphql.har #1: the installation token is issued, not a resource with a URL.
      name: 'a 201 to a POST that issues a token is an info that says when no Location is right',
      method: 'POST',
      status: 201,
      url: 'https://api.github.com/app/installations/32841752/access_tokens',
      body: { token: 'x', expires_at: '2050-12-31T18:09:20Z' },
      findings: [
        {
          severity: 'info',
          message: [
            '201 Created to POST …/access_tokens has no Location header',
            'a token, a session',
            'nothing to name and 200 OK says what happened',
            'if it has one, send it in Location (RFC 9110 §9.3.3)',
          ],
        },
      ],
    },
    {
      // ukcloud_vdc-async-jobs.har #2: a sign-in answered 201 with session cookies.
      name: 'so does a 201 to POST …/authenticate',
      method: 'POST',
      status: 201,
      url: 'https://portal.example.com/api/authenticate',
      headers: { 'Set-Cookie': 'session=abc; HttpOnly' },
      body: { expire_after: 900 },
      findings: [{ severity: 'info', message: 'POST …/authenticate' }],
    },
    {
      name: 'near miss: a sign-up creates a user, which has a URL: still a warning',
      method: 'POST',
      status: 201,
      url: 'https://api.example.com/users/signup',
      findings: [{ severity: 'warning', message: ['201 Created to POST has no Location', '§9.3.3'] }],
    },
    {
      name: 'near miss: a collection named like a token but not last in the path',
      method: 'POST',
      status: 201,
      url: 'https://api.example.com/tokens/42/notes',
      findings: [{ severity: 'warning', message: '201 Created to POST has no Location' }],
    },
    {
      name: '201 with an empty Location value',
      method: 'POST',
      status: 201,
      headers: { Location: '' },
      findings: [{ severity: 'warning', message: ['201', 'POST', 'an empty Location header'] }],
    },
    {
      name: '201 with a whitespace-only Location value',
      method: 'POST',
      status: 201,
      headers: { location: '   ' },
      findings: [{ severity: 'warning', message: 'an empty Location header' }],
    },
  ],
});
