import rule from '../../../../src/core/rules/envelope/msg-list';
import { ruleTester } from '../../../helpers/ruleTester';

const JSON_CT = { 'Content-Type': 'application/json' };

ruleTester(rule, {
  valid: [
    { name: 'msg array', headers: JSON_CT, body: { msg: ['Saved.'], user: {} } },
    { name: 'empty msg array', headers: JSON_CT, body: { msg: [] } },
    { name: 'no msg', headers: JSON_CT, body: { user: {} } },
    { name: 'array body', headers: JSON_CT, body: [{ msg: 'x' }] },
    { name: 'msg under __proto__ is not msg', headers: JSON_CT, body: '{"__proto__": {"msg": "x"}}' },
  ],
  invalid: [
    {
      name: 'msg as a string',
      headers: JSON_CT,
      body: { msg: 'Saved.' },
      findings: [{ severity: 'warning', pointer: '/msg', message: ['"msg"', '"Saved."', 'not an array'] }],
    },
    {
      name: 'msg as an object',
      status: 400,
      headers: JSON_CT,
      body: { msg: { text: 'x' }, errors: [] },
      findings: [{ severity: 'warning', pointer: '/msg', message: 'object' }],
    },
  ],
});
