import rule from '../../../../src/core/rules/http/rate-limit-headers';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    {
      name: 'structured RateLimit',
      status: 200,
      resourceType: 'fetch',
      headers: { RateLimit: '"default";r=42;t=18' },
    },
    {
      name: 'RateLimit-Policy only',
      status: 200,
      headers: { ...json, 'ratelimit-policy': '"default";q=100;w=60' },
    },
    { name: 'older RateLimit-Remaining', status: 200, headers: { ...json, 'RateLimit-Remaining': '4' } },
    {
      name: 'GitHub X-RateLimit-*',
      status: 404,
      resourceType: 'xhr',
      headers: { 'X-RateLimit-Remaining': '59' },
    },
    {
      name: 'Twitter X-Rate-Limit-*',
      status: 200,
      resourceType: 'fetch',
      headers: { 'x-rate-limit-limit': '15' },
    },
    {
      name: 'HTML document',
      status: 200,
      resourceType: 'document',
      headers: { 'Content-Type': 'text/html' },
    },
    { name: '500 JSON', status: 500, headers: json },
    { name: '304 fetch', status: 304, resourceType: 'fetch' },
    { name: 'status 0 fetch', status: 0, resourceType: 'fetch', failure: 'net::ERR_FAILED' },
  ],
  invalid: [
    {
      name: 'fetch 200',
      status: 200,
      resourceType: 'fetch',
      findings: [{ severity: 'info', message: ['200', 'RateLimit'] }],
    },
    {
      name: 'XHR in upper case',
      status: 201,
      resourceType: 'XHR',
      findings: [{ severity: 'info', message: '201' }],
    },
    {
      name: 'problem+json 400',
      status: 400,
      headers: { 'Content-Type': 'application/problem+json' },
      findings: [{ severity: 'info', message: '400' }],
    },
    {
      name: 'unrelated X-Rate header does not count',
      status: 200,
      headers: { ...json, 'X-RateLimited': 'no' },
      findings: [{ severity: 'info', message: '200' }],
    },
  ],
});
