import rule from '../../../../src/core/rules/security/server-version-disclosure';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'bare product name', headers: { Server: 'nginx' } },
    { name: 'Express without version', headers: { 'X-Powered-By': 'Express' } },
    { name: 'CDN names', headers: { Server: 'cloudflare' } },
    { name: 'product with a comment but no version', headers: { Server: 'Apache (Unix)' } },
    { name: 'no headers', status: 200 },
    { name: 'AWS ALB fixed tag', headers: { Server: 'awselb/2.0' } },
    { name: 'Tomcat connector tag', headers: { Server: 'Apache-Coyote/1.1' } },
    { name: 'Windows HTTP.sys tag', headers: { Server: 'Microsoft-HTTPAPI/2.0' } },
    { name: 'Google front end tag', headers: { Server: 'GFE/2.0' } },
    { name: 'Edgecast server and PoP id', headers: { Server: 'ECS (nyb/1D2E)' } },
    { name: 'Edgecast cache, lower-case id', headers: { Server: 'ECAcc (lha/7f3c)' } },
  ],
  invalid: [
    {
      name: 'nginx with version',
      headers: { Server: 'nginx/1.25.3' },
      findings: [{ severity: 'info', message: ['Server', 'nginx/1.25.3'] }],
    },
    {
      name: 'Apache with OS comment',
      headers: { Server: 'Apache/2.4.1 (Ubuntu)' },
      findings: [{ severity: 'info', message: 'Apache/2.4.1 (Ubuntu)' }],
    },
    {
      name: 'PHP in X-Powered-By and a versioned Server',
      headers: { Server: 'Microsoft-IIS/10.0', 'X-Powered-By': 'PHP/8.1.2' },
      findings: [
        { severity: 'info', message: 'Microsoft-IIS/10.0' },
        { severity: 'info', message: ['X-Powered-By', 'PHP/8.1.2'] },
      ],
    },
    {
      name: 'Jetty version in parentheses',
      headers: { server: 'Jetty(9.4.44.v20210927)' },
      findings: [{ severity: 'info', message: 'Jetty(9.4.44' }],
    },
    {
      name: 'a fixed tag with something after it is not on the list',
      headers: { Server: 'Apache-Coyote/1.1 Tomcat/9.0.85' },
      findings: [{ severity: 'info', message: 'Tomcat/9.0.85' }],
    },
    {
      name: 'another GFE version is reported',
      headers: { Server: 'GFE/3.1.4' },
      findings: [{ severity: 'info', message: 'GFE/3.1.4' }],
    },
    {
      name: 'another awselb version is reported',
      headers: { Server: 'awselb/2.1' },
      findings: [{ severity: 'info', message: 'awselb/2.1' }],
    },
    {
      name: 'ASP.NET version header',
      headers: { 'X-AspNet-Version': '4.0.30319' },
      findings: [{ severity: 'info', message: ['X-AspNet-Version', '4.0.30319'] }],
    },
  ],
});
