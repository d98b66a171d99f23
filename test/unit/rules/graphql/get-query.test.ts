import { describe, expect, it } from 'vitest';
import rule, { operationType } from '../../../../src/core/rules/graphql/get-query';
import { ruleTester } from '../../../helpers/ruleTester';

const at = (query: string) => `https://api.example.com/graphql?query=${encodeURIComponent(query)}`;

ruleTester(rule, {
  valid: [
    { name: 'a query over GET', url: at('query Me { me { id } }') },
    { name: 'shorthand query over GET', url: at('{ me { id } }') },
    { name: 'a mutation over POST', method: 'POST', url: at('mutation { logout }') },
    { name: 'a mutation over GET refused with 405', status: 405, url: at('mutation { logout }') },
    { name: 'no query parameter', url: 'https://api.example.com/graphql' },
  ],
  invalid: [
    {
      name: 'a mutation over GET that ran',
      url: at('mutation Logout { logout }'),
      findings: [{ severity: 'error', message: ['mutation', '405'] }],
    },
    {
      name: 'a subscription after a comment',
      url: at('# live\nsubscription { ticks }'),
      findings: [{ severity: 'error', message: ['subscription'] }],
    },
  ],
});

describe('operationType', () => {
  it('reads the first operation keyword past comments and whitespace', () => {
    expect(operationType('  # c\n  mutation X { y }')).toBe('mutation');
    expect(operationType('{ a }')).toBe('query');
    expect(operationType('nonsense')).toBeUndefined();
  });
});
