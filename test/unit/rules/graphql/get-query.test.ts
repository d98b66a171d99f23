import rule from '../../../../src/core/rules/graphql/get-query';
import { ruleTester } from '../../../helpers/ruleTester';

const at = (query: string) => `https://api.example.com/graphql?query=${encodeURIComponent(query)}`;

ruleTester(rule, {
  valid: [
    { name: 'a query over GET', url: at('query Me { me { id } }') },
    { name: 'shorthand query over GET', url: at('{ me { id } }') },
    { name: 'a mutation over POST', method: 'POST', url: at('mutation { logout }') },
    { name: 'a mutation over GET refused with 405', status: 405, url: at('mutation { logout }') },
    { name: 'no query parameter', url: 'https://api.example.com/graphql' },
    // Near misses: a search text that starts with the word, not a document (exchange/graphql.ts).
    { name: 'a search for the word "mutation"', url: at('mutation testing') },
    { name: 'a JSON filter in ?query=', url: at('{"type":"mutation"}') },
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
