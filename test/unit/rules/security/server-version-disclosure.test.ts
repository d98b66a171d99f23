import rule from '../../../../src/core/rules/security/server-version-disclosure';
import { sessionRuleTester, type Step } from '../../../helpers/sessionRuleTester';

const API = 'https://api.example.com';
/** One response at `at` ms from `url`, with these response headers. */
const res = (at: number, headers: Record<string, string>, url = `${API}/v1/things`): Step => ({
  at,
  url,
  headers,
});
/** A single response: what the rule judges of each value. */
const one = (headers: Record<string, string>) => [res(0, headers)];
const MIN = 60_000;

sessionRuleTester(rule, {
  valid: [
    // What a value reveals, response by response.
    { name: 'bare product name', sequence: one({ Server: 'nginx' }) },
    { name: 'Express without version', sequence: one({ 'X-Powered-By': 'Express' }) },
    { name: 'CDN names', sequence: one({ Server: 'cloudflare' }) },
    { name: 'product with a comment but no version', sequence: one({ Server: 'Apache (Unix)' }) },
    { name: 'no headers', sequence: one({}) },
    { name: 'AWS ALB fixed tag', sequence: one({ Server: 'awselb/2.0' }) },
    { name: 'Tomcat connector tag', sequence: one({ Server: 'Apache-Coyote/1.1' }) },
    { name: 'Windows HTTP.sys tag', sequence: one({ Server: 'Microsoft-HTTPAPI/2.0' }) },
    { name: 'Google front end tag', sequence: one({ Server: 'GFE/2.0' }) },
    { name: 'Edgecast server and PoP id', sequence: one({ Server: 'ECS (nyb/1D2E)' }) },
    { name: 'Edgecast cache, lower-case id', sequence: one({ Server: 'ECAcc (lha/7f3c)' }) },
    {
      name: 'near miss: a fixed tag on every response stays quiet however often it comes',
      sequence: [res(0, { Server: 'awselb/2.0' }), res(100, { Server: 'awselb/2.0' })],
    },
  ],
  invalid: [
    {
      name: 'nginx with version',
      sequence: one({ Server: 'nginx/1.25.3' }),
      findings: [{ on: 0, severity: 'info', message: ['Server', 'nginx/1.25.3', API], related: [] }],
    },
    {
      name: 'Apache with OS comment',
      sequence: one({ Server: 'Apache/2.4.1 (Ubuntu)' }),
      findings: [{ on: 0, severity: 'info', message: 'Apache/2.4.1 (Ubuntu)', related: [] }],
    },
    {
      name: 'PHP in X-Powered-By and a versioned Server',
      sequence: one({ Server: 'Microsoft-IIS/10.0', 'X-Powered-By': 'PHP/8.1.2' }),
      findings: [
        { on: 0, severity: 'info', message: 'Microsoft-IIS/10.0', related: [] },
        { on: 0, severity: 'info', message: ['X-Powered-By', 'PHP/8.1.2'], related: [] },
      ],
    },
    {
      name: 'Jetty version in parentheses',
      sequence: one({ server: 'Jetty(9.4.44.v20210927)' }),
      findings: [{ on: 0, severity: 'info', message: 'Jetty(9.4.44', related: [] }],
    },
    {
      name: 'a fixed tag with something after it is not on the list',
      sequence: one({ Server: 'Apache-Coyote/1.1 Tomcat/9.0.85' }),
      findings: [{ on: 0, severity: 'info', message: 'Tomcat/9.0.85', related: [] }],
    },
    {
      name: 'another GFE version is reported',
      sequence: one({ Server: 'GFE/3.1.4' }),
      findings: [{ on: 0, severity: 'info', message: 'GFE/3.1.4', related: [] }],
    },
    {
      name: 'another awselb version is reported',
      sequence: one({ Server: 'awselb/2.1' }),
      findings: [{ on: 0, severity: 'info', message: 'awselb/2.1', related: [] }],
    },
    {
      name: 'ASP.NET version headers',
      sequence: one({ 'X-AspNet-Version': '4.0.30319', 'X-AspNetMvc-Version': '5.2' }),
      findings: [
        { on: 0, severity: 'info', message: ['X-AspNet-Version', '4.0.30319'], related: [] },
        { on: 0, severity: 'info', message: ['X-AspNetMvc-Version', '5.2'], related: [] },
      ],
    },
    // Once per origin, header and value.
    {
      name: 'the same server on every response of an API: the first carries the finding',
      sequence: [
        res(0, { Server: 'nginx/1.18.0' }),
        res(100, { Server: 'nginx/1.18.0' }, `${API}/v1/things/1`),
        res(200, { server: 'nginx/1.18.0 ' }, `${API}/v1/other?page=2`),
        res(300, { Server: 'nginx/1.18.0' }),
      ],
      findings: [{ on: 0, severity: 'info', message: ['nginx/1.18.0', API], related: [] }],
    },
    {
      name: 'near miss: another version of the same software on the same origin is another fact',
      sequence: [res(0, { Server: 'nginx/1.18.0' }), res(100, { Server: 'nginx/1.18.1' })],
      findings: [
        { on: 0, severity: 'info', message: 'nginx/1.18.0', related: [] },
        { on: 1, severity: 'info', message: 'nginx/1.18.1', related: [] },
      ],
    },
    {
      name: 'the same value from another origin (host, port or scheme) is reported for that origin',
      sequence: [
        res(0, { Server: 'nginx/1.18.0' }),
        res(100, { Server: 'nginx/1.18.0' }, 'https://cdn.example.com/app.js'),
        res(200, { Server: 'nginx/1.18.0' }, 'https://api.example.com:8443/v1/things'),
        res(300, { Server: 'nginx/1.18.0' }, 'http://api.example.com/v1/things'),
        res(400, { Server: 'nginx/1.18.0' }, 'https://API.example.com/v2/things'),
      ],
      findings: [
        { on: 0, severity: 'info', message: API, related: [] },
        { on: 1, severity: 'info', message: 'https://cdn.example.com', related: [] },
        { on: 2, severity: 'info', message: 'https://api.example.com:8443', related: [] },
        { on: 3, severity: 'info', message: 'http://api.example.com', related: [] },
      ],
    },
    {
      name: 'the same value in another header is another fact; a repeat of either is not',
      sequence: [
        res(0, { Server: 'PHP/8.1.2' }),
        res(100, { 'X-Powered-By': 'PHP/8.1.2' }),
        res(200, { Server: 'PHP/8.1.2', 'X-Powered-By': 'PHP/8.1.2' }),
      ],
      findings: [
        { on: 0, severity: 'info', message: 'Server: PHP/8.1.2', related: [] },
        { on: 1, severity: 'info', message: 'X-Powered-By: PHP/8.1.2', related: [] },
      ],
    },
    {
      name: 'a response that adds a second disclosing header reports only the new one',
      sequence: [
        res(0, { Server: 'Apache/2.4.41' }),
        res(100, { Server: 'Apache/2.4.41', 'X-Powered-By': 'PHP/7.4.3' }),
      ],
      findings: [
        { on: 0, severity: 'info', message: 'Apache/2.4.41', related: [] },
        { on: 1, severity: 'info', message: 'PHP/7.4.3', related: [] },
      ],
    },
    {
      name: "reported once in the session, even hours later (the window's time does not apply: the message says once)",
      sequence: [
        res(0, { Server: 'nginx/1.18.0' }),
        res(4 * MIN, { Server: 'nginx/1.18.0' }),
        res(5 * MIN + 1, { Server: 'nginx/1.18.0' }),
        res(6 * 60 * MIN, { Server: 'nginx/1.18.0' }),
      ],
      findings: [{ on: 0, severity: 'info', message: 'nginx/1.18.0', related: [] }],
    },
    {
      name: 'a session that remembers only one key reports each origin again when it comes back',
      window: { ms: 5 * MIN, entries: 1 },
      sequence: [
        res(0, { Server: 'nginx/1.18.0' }),
        res(100, { Server: 'nginx/1.18.0' }, 'https://cdn.example.com/a'),
        res(200, { Server: 'nginx/1.18.0' }),
      ],
      findings: [
        { on: 0, severity: 'info', message: API, related: [] },
        { on: 1, severity: 'info', message: 'https://cdn.example.com', related: [] },
        { on: 2, severity: 'info', message: API, related: [] },
      ],
    },
  ],
});
