import rule from '../../../../src/core/rules/jsonapi/media-type-parameters';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'bare media type',
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: { data: null },
    },
    {
      name: 'ext and profile parameters',
      headers: {
        'Content-Type':
          'application/vnd.api+json; ext="https://jsonapi.org/ext/atomic"; profile="https://example.com/p"',
      },
      body: { meta: {} },
    },
    {
      name: 'another media type is not this rule’s concern',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: {},
    },
  ],
  invalid: [
    {
      name: 'charset parameter',
      headers: { 'Content-Type': 'application/vnd.api+json; charset=utf-8' },
      body: { data: null },
      findings: [{ severity: 'error', message: ['charset', 'ext and profile'] }],
    },
    {
      name: 'two unknown parameters',
      headers: { 'Content-Type': 'application/vnd.api+json; version=2; q=1' },
      body: { data: null },
      findings: [{ severity: 'error', message: ['has the parameters version and q;'] }],
    },
  ],
});
