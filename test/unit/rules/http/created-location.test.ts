import rule from '../../../../src/core/rules/http/created-location';
import { ruleTester } from '../../../helpers/ruleTester';

ruleTester(rule, {
  valid: [
    { name: '201 with Location', method: 'POST', status: 201, headers: { Location: '/things/42' } },
    {
      name: 'Location name in another case',
      method: 'POST',
      status: 201,
      headers: { location: '/things/42' },
    },
    { name: '200 without Location', status: 200 },
    {
      name: 'PATCH creating the resource it names',
      method: 'PATCH',
      status: 201,
      url: 'https://api.example.com/things/42',
    },
    // RFC 9110 §15.3.2: without Location the new resource is the target URI, which a PUT names.
    {
      name: 'PUT creating the resource it names',
      method: 'PUT',
      status: 201,
      url: 'https://api.example.com/things/42',
    },
  ],
  invalid: [
    {
      name: '201 without Location',
      method: 'POST',
      status: 201,
      body: { id: 42 },
      findings: [{ severity: 'warning', message: ['201', 'POST', 'Location'] }],
    },
  ],
});
