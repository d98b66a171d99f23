import rule from '../../../../src/core/rules/http/redirect-to-sign-in';
import { ruleTester } from '../../../helpers/ruleTester';

const api = 'https://app.example.com/api/orders';

ruleTester(rule, {
  valid: [
    {
      name: 'a page load sent to the sign-in page (what the redirect is for)',
      url: 'https://app.example.com/orders',
      status: 302,
      resourceType: 'document',
      headers: { Location: '/login?next=/orders' },
    },
    {
      name: 'a fetch redirected elsewhere',
      url: api,
      status: 302,
      resourceType: 'fetch',
      headers: { Location: '/api/v2/orders' },
    },
    {
      name: 'a fetch answered 401 (what an API should do)',
      url: api,
      status: 401,
      resourceType: 'fetch',
      headers: { 'WWW-Authenticate': 'Bearer' },
    },
    {
      name: 'a fetch to log out, sent on to the sign-in page',
      url: 'https://app.example.com/logout',
      method: 'POST',
      status: 303,
      resourceType: 'fetch',
      headers: { Location: '/login' },
    },
    {
      name: 'a fetch that signs in, sent back to the sign-in page with an error',
      url: 'https://app.example.com/users/sign_in',
      method: 'POST',
      status: 302,
      resourceType: 'xhr',
      headers: { Location: '/users/sign_in?error=1' },
    },
    {
      name: '"auth" as a folder of the API, not the last segment',
      url: api,
      status: 307,
      resourceType: 'fetch',
      headers: { Location: '/api/auth/session/refresh' },
    },
    {
      name: 'a page of unknown kind that asked for HTML (no resource type, Accept */*)',
      url: 'http://localhost:8080/rest/api/3/serverInfo',
      status: 302,
      requestHeaders: { Accept: 'text/html,application/xhtml+xml' },
      headers: {
        Location: '/login.jsp?os_destination=%2Frest%2Fapi%2F3%2FserverInfo',
        'Content-Type': 'text/html',
      },
    },
    {
      name: 'a login word inside a segment is not a sign-in page',
      url: api,
      status: 302,
      resourceType: 'fetch',
      headers: { Location: '/blog/how-to-login-faster' },
    },
    {
      name: 'an authorization request sent on to the sign-in page (its answer)',
      url: 'https://id.example.com/oauth2/authorize?client_id=web',
      status: 302,
      resourceType: 'fetch',
      headers: { Location: '/login' },
    },
    {
      name: 'a redirect without Location (http/redirect-location reports it)',
      url: api,
      status: 302,
      resourceType: 'fetch',
    },
    {
      name: 'a 200 is not a redirect',
      url: api,
      status: 200,
      resourceType: 'fetch',
      headers: { Location: '/login' },
    },
  ],
  invalid: [
    {
      name: 'a fetch sent to the sign-in page (a session that expired)',
      url: api,
      status: 302,
      resourceType: 'fetch',
      headers: { Location: '/login?returnTo=%2Fapi%2Forders' },
      findings: [
        {
          severity: 'warning',
          message: [
            '302 sends this API call to a sign-in page (/login)',
            'Answer 401 with a WWW-Authenticate',
          ],
        },
      ],
    },
    {
      name: 'an XHR asking for JSON sent to a Java login page',
      url: 'http://localhost:8080/rest/api/3/serverInfo',
      status: 302,
      requestHeaders: { Accept: 'application/json' },
      headers: { Location: '/login.jsp?os_destination=x', 'Content-Type': 'text/html' },
      findings: [{ severity: 'warning', message: '(/login.jsp)' }],
    },
    {
      name: 'a JSON POST sent to an identity provider (the other origin is named, never the query)',
      url: api,
      method: 'POST',
      status: 302,
      requestHeaders: { 'Content-Type': 'application/json' },
      headers: {
        Location: 'https://login.example-idp.com/common/oauth2/v2.0/authorize?client_id=abc&state=xyz',
      },
      findings: [
        { severity: 'warning', message: '(https://login.example-idp.com/common/oauth2/v2.0/authorize)' },
      ],
    },
    {
      name: 'ASP.NET: a 302 to /Account/Login with a ReturnUrl',
      url: 'https://shop.example.com/api/cart',
      status: 302,
      resourceType: 'xhr',
      headers: { Location: 'https://shop.example.com/Account/Login?ReturnUrl=%2Fapi%2Fcart' },
      findings: [{ severity: 'warning', message: '(/Account/Login)' }],
    },
    {
      name: 'Keycloak: a 303 to the realm authorisation endpoint',
      url: api,
      status: 303,
      resourceType: 'fetch',
      headers: { Location: 'https://id.example.com/realms/acme/protocol/openid-connect/auth?client_id=web' },
      findings: [{ severity: 'warning', message: 'openid-connect/auth)' }],
    },
    {
      name: "a fetch under an API's auth/ folder is an API call, not a sign-in request",
      url: 'https://app.example.com/api/auth/me',
      status: 302,
      resourceType: 'fetch',
      headers: { Location: '/login' },
      findings: [{ severity: 'warning', message: '(/login)' }],
    },
  ],
});
