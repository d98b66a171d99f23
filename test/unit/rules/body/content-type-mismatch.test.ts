import rule from '../../../../src/core/rules/body/content-type-mismatch';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'JSON labelled application/json',
      headers: { 'Content-Type': 'application/json' },
      body: { a: 1 },
    },
    { name: 'HTML labelled text/html', headers: { 'Content-Type': 'text/html' }, body: '<p>hi</p>' },
    {
      name: 'plain text that only starts with a brace',
      headers: { 'Content-Type': 'text/plain' },
      body: '{not json',
    },
    { name: 'JSON scalar as text/plain', headers: { 'Content-Type': 'text/plain' }, body: '"hello"' },
    { name: 'body not captured', headers: { 'Content-Type': 'text/html' } },
    { name: 'JSON as text/csv (not our call)', headers: { 'Content-Type': 'text/csv' }, body: [1, 2] },
    {
      // pkgprobe_github-ratelimit.har #1: a package.json read from GitHub's raw file host.
      name: 'a raw file host serving every file inert as text/plain (CSP sandbox)',
      url: 'https://raw.githubusercontent.com/ryanoglesby08/movie-night/b139420/package.json',
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      },
      body: { name: 'movie-night', version: '0.1.0', private: true },
    },
  ],
  invalid: [
    {
      name: 'JSON object served as text/html',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: { id: 7, name: 'x' },
      findings: [{ severity: 'warning', message: ['JSON object', 'text/html', 'application/json'] }],
    },
    {
      name: 'JSON array served as text/plain',
      headers: { 'Content-Type': 'text/plain' },
      body: '  [1, 2, 3]',
      findings: [{ severity: 'warning', message: ['JSON array', 'text/plain'] }],
    },
    {
      name: 'JSON as text/plain under a CSP without sandbox',
      headers: { 'Content-Type': 'text/plain', 'Content-Security-Policy': "default-src 'none'; sandbox-x" },
      body: { id: 1 },
      findings: [{ severity: 'warning', message: ['JSON object', 'text/plain'] }],
    },
    {
      name: 'JSON as text/html is mislabelled even when sandboxed',
      headers: { 'Content-Type': 'text/html', 'Content-Security-Policy': 'sandbox' },
      body: { id: 1 },
      findings: [{ severity: 'warning', message: ['JSON object', 'text/html'] }],
    },
  ],
});
