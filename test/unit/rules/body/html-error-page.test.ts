import rule from '../../../../src/core/rules/body/html-error-page';
import { ruleTester } from '../../../helpers/ruleTester';

const page = '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>';
const html = { 'Content-Type': 'text/html; charset=utf-8' };

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
  ],
});
