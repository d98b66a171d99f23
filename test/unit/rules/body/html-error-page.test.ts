import rule from '../../../../src/core/rules/body/html-error-page';
import { ruleTester } from '../../../helpers/ruleTester';

const page = '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>';
const html = { 'Content-Type': 'text/html; charset=utf-8' };
const login =
  '<!DOCTYPE html>\n<html lang="en"><head><title>Sign in</title></head>' +
  '<body><form action="/login" method="post"><input name="password" type="password"></form></body></html>';
const axiosAccept = { Accept: 'application/json, text/plain, */*' };

ruleTester(rule, {
  valid: [
    {
      name: 'JSON error to fetch',
      status: 404,
      resourceType: 'fetch',
      headers: { 'Content-Type': 'application/json' },
      body: { error: 'x' },
    },
    {
      name: 'HTML 404 to a page navigation',
      status: 404,
      resourceType: 'document',
      requestHeaders: { Accept: 'text/html,*/*;q=0.8' },
      headers: html,
      body: page,
    },
    { name: 'HTML 200 to fetch', status: 200, resourceType: 'fetch', headers: html, body: page },
    { name: 'no sign of an API call', status: 500, headers: html, body: page },
    {
      name: 'fetch that asks for HTML (htmx-style fragment)',
      status: 422,
      resourceType: 'xhr',
      requestHeaders: { Accept: 'text/html' },
      headers: html,
      body: '<p>bad</p>',
    },
    {
      name: 'JSON refused with q=0',
      status: 500,
      requestHeaders: { Accept: 'application/json;q=0' },
      headers: html,
      body: page,
    },
    { name: 'HEAD carries no content', method: 'HEAD', status: 404, resourceType: 'fetch', headers: html },
    { name: 'empty body', status: 404, resourceType: 'fetch', headers: html, body: null },
    {
      name: 'JSON body mislabelled text/html (content-type-mismatch reports it)',
      status: 400,
      resourceType: 'fetch',
      headers: html,
      body: { error: 'bad' },
    },
    {
      name: '200 HTML page to a navigation that accepts JSON too',
      status: 200,
      resourceType: 'document',
      requestHeaders: { Accept: 'application/json' },
      headers: html,
      body: login,
    },
    {
      name: '200 HTML to fetch whose Accept lists text/html',
      status: 200,
      resourceType: 'fetch',
      requestHeaders: { Accept: 'application/json, text/html;q=0.9' },
      headers: html,
      body: login,
    },
    {
      name: '200 HTML to fetch whose Accept prefers something else',
      status: 200,
      resourceType: 'fetch',
      requestHeaders: { Accept: 'text/plain, application/json;q=0.5' },
      headers: html,
      body: login,
    },
    {
      name: '200 HTML to fetch with Accept */*',
      status: 200,
      resourceType: 'fetch',
      requestHeaders: { Accept: '*/*' },
      headers: html,
      body: login,
    },
    {
      name: '200 HTML fragment (not a document) to a JSON fetch',
      status: 200,
      resourceType: 'xhr',
      requestHeaders: { Accept: 'application/json' },
      headers: html,
      body: '<div class="row">3 results</div>',
    },
    {
      name: '200 login page to a JSON request of unknown resource type',
      status: 200,
      requestHeaders: { Accept: 'application/json' },
      headers: html,
      body: login,
    },
    {
      name: '204 to a JSON fetch carries no content',
      status: 204,
      resourceType: 'fetch',
      requestHeaders: { Accept: 'application/json' },
      headers: html,
      body: null,
    },
    {
      // pagexray_ferguson-h3.har #168: a Medallia form loads its template from S3 by XHR.
      name: "200 HTML template named .html to an XHR with Angular's default Accept, body not captured",
      status: 200,
      resourceType: 'xhr',
      url: 'https://nebula-cdn.kampyle.com/us/resources/dist/assets/views/innerFormPartial-83b6babd9c.html',
      requestHeaders: axiosAccept,
      headers: { 'Content-Type': 'text/html', 'Cache-Control': 'max-age=31622400', Server: 'AmazonS3' },
    },
    {
      name: '200 JSON mislabelled text/html to a JSON fetch (content-type-mismatch reports it)',
      status: 200,
      resourceType: 'fetch',
      requestHeaders: { Accept: 'application/json' },
      headers: html,
      body: { id: 1 },
    },
  ],
  invalid: [
    {
      name: 'HTML 404 to fetch',
      status: 404,
      resourceType: 'fetch',
      headers: html,
      body: page,
      findings: [{ severity: 'warning', message: ['404', 'fetch', 'text/html'] }],
    },
    {
      name: 'HTML 502 from a proxy to a request accepting JSON, body unknown',
      status: 502,
      requestHeaders: { Accept: 'application/json, text/plain, */*' },
      headers: { 'Content-Type': 'text/html' },
      findings: [{ severity: 'warning', message: ['502', 'application/json'] }],
    },
    {
      name: 'vendor +json Accept',
      status: 401,
      requestHeaders: { accept: 'application/vnd.github+json' },
      headers: { 'Content-Type': 'application/xhtml+xml' },
      body: '<html/>',
      findings: [
        { severity: 'warning', message: ['401', 'application/vnd.github+json', 'application/xhtml+xml'] },
      ],
    },
    {
      name: 'XHR gets an HTML 500',
      status: 500,
      resourceType: 'xhr',
      headers: html,
      body: page,
      findings: [{ severity: 'warning', message: ['500', 'xhr'] }],
    },
    {
      name: '200 login page to a fetch that asks only for JSON (session expired)',
      status: 200,
      resourceType: 'fetch',
      requestHeaders: { Accept: 'application/json' },
      headers: html,
      body: login,
      findings: [
        { severity: 'warning', message: ['200', 'fetch', 'application/json', 'HTML page', 'login page'] },
      ],
    },
    {
      name: '200 login page to axios (JSON first, no text/html)',
      status: 200,
      resourceType: 'xhr',
      requestHeaders: axiosAccept,
      headers: html,
      body: '\n  <html><body>Please log in</body></html>',
      findings: [{ severity: 'warning', message: ['200', 'xhr', 'application/json'] }],
    },
    {
      name: '200 login page at a .html URL to axios, body captured',
      status: 200,
      resourceType: 'xhr',
      url: 'https://app.example.com/login.html',
      requestHeaders: axiosAccept,
      headers: html,
      body: login,
      findings: [{ severity: 'warning', message: ['200', 'xhr', 'application/json'] }],
    },
    {
      name: '200 HTML to a JSON fetch, body not captured',
      status: 200,
      resourceType: 'fetch',
      requestHeaders: { Accept: 'application/vnd.api+json' },
      headers: { 'Content-Type': 'application/xhtml+xml' },
      findings: [
        { severity: 'warning', message: ['200', 'application/vnd.api+json', 'application/xhtml+xml'] },
      ],
    },
  ],
});
