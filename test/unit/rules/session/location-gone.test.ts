import rule from '../../../../src/core/rules/session/location-gone';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const api = 'https://api.example.com/v1';
const created = {
  at: 0,
  method: 'POST',
  url: `${api}/orders`,
  status: 201,
  headers: { Location: '/v1/orders/7' },
};
const fetch7 = (status: number, at = 500) => ({ at, url: `${api}/orders/7`, status });

sessionRuleTester(rule, {
  valid: [
    { name: 'the created resource answers 200', sequence: [created, fetch7(200)] },
    {
      name: 'another URL answers 404',
      sequence: [created, { at: 500, url: `${api}/orders/8`, status: 404 }],
    },
    {
      name: 'deleted first, then 404 as it should',
      sequence: [created, { ...fetch7(204, 300), method: 'DELETE' }, fetch7(404)],
    },
    {
      name: 'a 200 Location is no promise of creation',
      sequence: [{ ...created, status: 200 }, fetch7(404)],
    },
    { name: 'near miss: a 404 before the 201 came', sequence: [fetch7(404, 0), { ...created, at: 100 }] },
  ],
  invalid: [
    {
      name: 'a 201 Location that later answers 404',
      sequence: [created, fetch7(404)],
      findings: [
        {
          on: 1,
          severity: 'warning',
          related: [0],
          message: ['GET /v1/orders/7 answered 404', 'Location of the 201', '#0'],
        },
      ],
    },
    {
      name: 'a 202 status monitor that answers 410',
      sequence: [
        { ...created, status: 202, headers: { Location: `${api}/jobs/1` } },
        { at: 900, url: `${api}/jobs/1`, status: 410 },
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'Location of the 202' }],
    },
    {
      name: 'a self link in the created resource’s body',
      sequence: [
        {
          ...created,
          headers: { 'Content-Type': 'application/hal+json' },
          body: { id: 7, _links: { self: { href: '/v1/orders/7' } } },
        },
        fetch7(404),
      ],
      findings: [{ on: 1, severity: 'warning', related: [0], message: 'self link of the 201' }],
    },
    {
      name: 'reported once per handed-out URL',
      sequence: [created, fetch7(404), fetch7(404, 900)],
      findings: [{ on: 1, severity: 'warning', related: [0] }],
    },
  ],
});
