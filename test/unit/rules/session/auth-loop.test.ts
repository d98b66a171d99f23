import rule from '../../../../src/core/rules/session/auth-loop';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const me = (at: number, status = 401) => ({ at, url: 'https://api.example.com/v1/me', status, duration: 50 });
const refresh = (at: number, status = 200) => ({
  at,
  method: 'POST',
  url: 'https://auth.example.com/oauth/token',
  status,
  duration: 50,
});

sessionRuleTester(rule, {
  valid: [
    { name: 'refresh, then the retry succeeds', sequence: [me(0), refresh(100), me(200, 200)] },
    {
      name: 'near miss: one refresh followed by a 401 is below the default of two',
      sequence: [me(0), refresh(100), me(200)],
    },
    {
      name: 'a 401 for a request sent before the new token came back',
      sequence: [me(0), refresh(100), me(120), refresh(300), me(320)],
    },
    {
      name: 'a success in between ends the loop',
      sequence: [me(0), refresh(100), me(200), me(250, 200), refresh(300), me(400)],
    },
    { name: '401s without token calls are not a loop', sequence: [me(0), me(100), me(200), me(300)] },
    {
      name: 'a token path in the query is no token call: the path alone says so',
      options: { minRefreshes: 1 },
      sequence: [me(0), { ...me(100), url: 'https://api.example.com/v1/me?next=/oauth/token' }, me(200)],
    },
  ],
  invalid: [
    {
      name: '401, refresh, 401, refresh, 401',
      sequence: [me(0), refresh(100), me(200), refresh(300), me(400)],
      findings: [
        {
          on: 4,
          severity: 'warning',
          related: [0, 1, 2, 3],
          message: ['GET /v1/me answered 401 again after 2 token refreshes'],
        },
      ],
    },
    {
      name: 'a /refresh endpoint on the API host, one cycle when the settings say so',
      options: { minRefreshes: 1 },
      sequence: [me(0), { ...refresh(100), url: 'https://api.example.com/v1/auth/refresh' }, me(200)],
      findings: [{ on: 2, severity: 'warning', related: [0, 1] }],
    },
  ],
});
