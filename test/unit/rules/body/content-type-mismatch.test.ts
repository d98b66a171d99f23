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
  ],
});
