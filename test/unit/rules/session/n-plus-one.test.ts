import rule from '../../../../src/core/rules/session/n-plus-one';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const api = 'https://api.example.com/v1';
const list = { at: 0, url: `${api}/users?page=1`, duration: 100 };
const items = (n: number, from = 150, step = 10, base = `${api}/users`) =>
  Array.from({ length: n }, (_, i) => ({ at: from + i * step, url: `${base}/${i + 1}`, duration: 40 }));

sessionRuleTester(rule, {
  valid: [
    { name: 'four item calls are below the default burst of five', sequence: [list, ...items(4)] },
    { name: 'item calls without a list call first', sequence: items(8) },
    {
      name: 'the same id five times is not N+1',
      sequence: [list, ...items(5).map((x) => ({ ...x, url: `${api}/users/1` }))],
    },
    { name: 'near miss: the burst starts after the window', sequence: [list, ...items(5, 2101)] },
    { name: 'items of another collection', sequence: [list, ...items(5, 150, 10, `${api}/orders`)] },
    { name: 'a failed list call lists nothing', sequence: [{ ...list, status: 500 }, ...items(5)] },
    {
      name: 'a bigger burst asked for in the settings',
      options: { minCalls: 10 },
      sequence: [list, ...items(9)],
    },
  ],
  invalid: [
    {
      name: 'list, then five item calls',
      sequence: [list, ...items(5)],
      findings: [
        {
          on: 5,
          severity: 'info',
          related: [0, 1, 2, 3, 4],
          message: ['5 GETs of /v1/users/{id}', 'GET /v1/users', '#0'],
        },
      ],
    },
    {
      name: 'near miss: the first item call starts exactly at the end of the window',
      sequence: [list, ...items(5, 2100, 0)],
      findings: [{ on: 5, severity: 'info', related: [0, 1, 2, 3, 4] }],
    },
    {
      name: 'a smaller burst from the settings; reported once',
      options: { minCalls: 2 },
      sequence: [list, ...items(4)],
      findings: [{ on: 2, severity: 'info', related: [0, 1] }],
    },
  ],
});
