import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeRules, analyzeExchange } from '../../../src/core/engine/analyze';
import { validateProfile } from '../../../src/core/profiles/validate';
import type { ProfileDocument } from '../../../src/core/profiles/types';
import { defaultSettings } from '../../../src/core/settings';
import { makeExchange, type ExchangeSpec } from '../../helpers/exchange';

/**
 * The example profiles written from the five API guides (examples/profiles, seeds 000–004) and
 * the GraphQL and JSON:API built-ins, judged on traffic shaped after each guide: every valid
 * exchange gets no finding from the profile; every invalid one gets exactly the listed rules.
 */
const ROOT = resolve(import.meta.dirname, '../../..');

function load(file: string): ProfileDocument {
  const r = validateProfile(JSON.parse(readFileSync(join(ROOT, 'examples/profiles', file), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.profile;
}

interface Table {
  valid: (ExchangeSpec & { name: string })[];
  invalid: (ExchangeSpec & { name: string; rules: string[] })[];
}

function profileTable(id: string, userProfiles: ProfileDocument[], table: Table): void {
  const active = activeRules({ ...defaultSettings(), profiles: [id], userProfiles });
  const judge = (spec: ExchangeSpec) =>
    analyzeExchange(makeExchange({ resourceType: 'fetch', ...spec }), active)
      .findings.filter((f) => f.profile === id)
      .map((f) => f.rule)
      .sort();
  describe(`profile ${id}`, () => {
    it.each(table.valid)('valid: $name', (c) => expect(judge(c)).toEqual([]));
    it.each(table.invalid)('invalid: $name', (c) => expect(judge(c)).toEqual([...c.rules].sort()));
  });
}

const JSON_CT = { 'Content-Type': 'application/json' };

// Seed 000: 200/202/204 successes, a 4xx table, 5xx, and a 429 that says when to retry.
const viking = load('vikingcloud.json');
const V = 'https://portal.vikingcloud.com/api/v1';
profileTable('vikingcloud', [viking], {
  valid: [
    { name: '200 with the resource', url: `${V}/assets/1`, headers: JSON_CT, body: { id: 1 } },
    {
      name: '202 accepted with an id',
      method: 'POST',
      url: `${V}/scans`,
      status: 202,
      headers: JSON_CT,
      body: { id: 'a1' },
    },
    { name: '204 after DELETE', method: 'DELETE', url: `${V}/assets/1`, status: 204 },
    {
      name: '429 with Retry-After',
      url: `${V}/assets`,
      status: 429,
      headers: { ...JSON_CT, 'Retry-After': '30' },
      body: { errors: ['slow down'] },
    },
    {
      name: '401 with a challenge',
      url: `${V}/assets`,
      status: 401,
      headers: { ...JSON_CT, 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      body: {},
    },
    {
      name: 'another host is out of scope',
      url: 'https://api.example.com/x',
      status: 418,
      headers: JSON_CT,
      body: {},
    },
  ],
  invalid: [
    {
      name: '201 is not among its successes',
      method: 'POST',
      url: `${V}/assets`,
      status: 201,
      headers: JSON_CT,
      body: {},
      rules: ['vikingcloud/expected-status'],
    },
    {
      name: '429 without Retry-After',
      url: `${V}/assets`,
      status: 429,
      headers: JSON_CT,
      body: {},
      rules: ['vikingcloud/required-headers'],
    },
    {
      name: '422 is not documented',
      method: 'POST',
      url: `${V}/assets`,
      status: 422,
      headers: JSON_CT,
      body: {},
      rules: ['vikingcloud/expected-status'],
    },
  ],
});

// Seed 001: the errors/msg/queue_token envelope with its per-call status table.
const disk = load('disk-envelope.json');
const D = 'https://api.example.com/v1';
profileTable('disk-envelope', [disk], {
  valid: [
    {
      name: 'create a disk',
      method: 'POST',
      url: `${D}/disks`,
      status: 201,
      headers: JSON_CT,
      body: { disk: { id: 7 } },
    },
    {
      name: 'queued, with a token',
      method: 'POST',
      url: `${D}/vms/3/start`,
      status: 202,
      headers: JSON_CT,
      body: { queue_token: 'q-1', vm: { id: 3 } },
    },
    {
      name: 'a disk is blocked',
      method: 'DELETE',
      url: `${D}/disks/7`,
      status: 409,
      headers: JSON_CT,
      body: { errors: ['disk is blocked'] },
    },
    {
      name: 'bad page range',
      url: `${D}/disks?page=99`,
      status: 416,
      headers: JSON_CT,
      body: { errors: ['no such page'], msg: ['40 disks'] },
    },
    { name: '204 without content', method: 'DELETE', url: `${D}/disks/8`, status: 204 },
  ],
  invalid: [
    {
      name: 'an error without errors',
      method: 'PUT',
      url: `${D}/disks/7`,
      status: 400,
      headers: JSON_CT,
      body: { message: 'bad' },
      rules: ['disk-envelope/body-shape'],
    },
    {
      name: 'msg that is a string',
      url: `${D}/disks/7`,
      headers: JSON_CT,
      body: { msg: 'hello', disk: {} },
      rules: ['disk-envelope/body-shape'],
    },
    {
      name: '409 on a read',
      url: `${D}/disks/7`,
      status: 409,
      headers: JSON_CT,
      body: { errors: ['x'] },
      rules: ['disk-envelope/expected-status'],
    },
    {
      name: '202 without a queue token',
      method: 'POST',
      url: `${D}/vms/3/stop`,
      status: 202,
      headers: JSON_CT,
      body: { vm: {} },
      rules: ['envelope/queue-token'],
    },
    {
      name: 'an HTML error',
      url: `${D}/disks`,
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>500</h1>',
      requestHeaders: { Accept: 'application/json' },
      rules: ['disk-envelope/body-shape', 'disk-envelope/media-type'],
    },
  ],
});

// Seed 002: a generic list of the statuses the API returns.
const list = load('status-list.json');
const L = 'https://api.example.org';
profileTable('status-list', [list], {
  valid: [
    { name: '200', url: `${L}/items`, headers: JSON_CT, body: [] },
    { name: '201 to POST', method: 'POST', url: `${L}/items`, status: 201, headers: JSON_CT, body: {} },
    { name: '504 from the gateway', url: `${L}/items`, status: 504, headers: JSON_CT, body: {} },
  ],
  invalid: [
    {
      name: '201 to PUT',
      method: 'PUT',
      url: `${L}/items/1`,
      status: 201,
      headers: JSON_CT,
      body: {},
      rules: ['status-list/expected-status'],
    },
    {
      name: '409',
      method: 'POST',
      url: `${L}/items`,
      status: 409,
      headers: JSON_CT,
      body: {},
      rules: ['status-list/expected-status'],
    },
  ],
});

// Seed 003: HAL successes, Problem Details errors with title, detail and an errors collection.
const hp = load('hal-problem.json');
const H = 'https://api.example.net';
const PROBLEM = { 'Content-Type': 'application/problem+json' };
const HAL = { 'Content-Type': 'application/hal+json' };
profileTable('hal-problem', [hp], {
  valid: [
    {
      name: 'HAL resource',
      url: `${H}/orders/1`,
      headers: HAL,
      body: { id: 1, _links: { self: { href: '/orders/1' } } },
    },
    {
      name: 'validation problem as the guide shows it',
      method: 'POST',
      url: `${H}/orders`,
      status: 400,
      headers: PROBLEM,
      body: {
        title: 'Bad Request',
        detail: 'Request failed validation',
        errors: [{ title: 'invalid_type', detail: '`body.name` is `undefined`, but `string` is expected.' }],
      },
    },
    {
      name: '413 with problem details',
      method: 'POST',
      url: `${H}/files`,
      status: 413,
      headers: PROBLEM,
      body: { title: 'Content Too Large', detail: 'max 1 MB' },
    },
  ],
  invalid: [
    {
      name: 'plain JSON success',
      url: `${H}/orders/1`,
      headers: JSON_CT,
      body: { id: 1 },
      rules: ['hal-problem/media-type'],
    },
    {
      name: 'problem without detail',
      url: `${H}/orders/9`,
      status: 404,
      headers: PROBLEM,
      body: { title: 'Not Found' },
      rules: ['hal-problem/body-shape'],
    },
    {
      name: 'validation item without detail',
      method: 'POST',
      url: `${H}/orders`,
      status: 422,
      headers: PROBLEM,
      body: { title: 'Unprocessable', detail: 'x', errors: [{ title: 'invalid_type' }] },
      rules: ['hal-problem/body-shape'],
    },
    {
      name: 'problem status disagrees',
      url: `${H}/orders/9`,
      status: 404,
      headers: PROBLEM,
      body: { title: 'Not Found', detail: 'x', status: 400 },
      rules: ['problem/status-match'],
    },
    {
      name: 'an empty error',
      url: `${H}/orders/9`,
      status: 500,
      body: null,
      rules: ['hal-problem/body-shape'],
    },
    {
      name: 'a link without href',
      url: `${H}/orders/1`,
      headers: HAL,
      body: { _links: { self: { title: 'me' } } },
      rules: ['hal/link-shape'],
    },
  ],
});

// Seed 004: the RFC 2616-style list; 201 names the new resource, 401 challenges.
const rfc = load('rfc2616-list.json');
const R = 'https://api.example.io';
profileTable('rfc2616-list', [rfc], {
  valid: [
    {
      name: '201 with Location',
      method: 'POST',
      url: `${R}/notes`,
      status: 201,
      headers: { ...JSON_CT, Location: '/notes/4' },
      body: {},
    },
    {
      name: '401 with a challenge',
      url: `${R}/notes`,
      status: 401,
      headers: { ...JSON_CT, 'WWW-Authenticate': 'Basic realm="notes"' },
      body: {},
    },
  ],
  invalid: [
    {
      name: '201 without Location',
      method: 'POST',
      url: `${R}/notes`,
      status: 201,
      headers: JSON_CT,
      body: {},
      rules: ['rfc2616-list/required-headers'],
    },
    {
      name: '422 is not in the list',
      method: 'POST',
      url: `${R}/notes`,
      status: 422,
      headers: JSON_CT,
      body: {},
      rules: ['rfc2616-list/expected-status'],
    },
    {
      name: '401 without a challenge',
      url: `${R}/notes`,
      status: 401,
      headers: JSON_CT,
      body: {},
      rules: ['rfc2616-list/required-headers'],
    },
  ],
});

// The GraphQL over HTTP built-in, on a whole exchange.
const GQL = { 'Content-Type': 'application/graphql-response+json' };
profileTable('graphql', [], {
  valid: [
    {
      name: 'data',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      headers: GQL,
      body: { data: { me: { id: '1' } } },
    },
    {
      name: 'field error beside data, under application/json',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      headers: JSON_CT,
      body: { data: { me: null }, errors: [{ message: 'forbidden', path: ['me'] }] },
    },
    {
      name: 'request error as 400',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      status: 400,
      headers: GQL,
      body: { errors: [{ message: 'Syntax Error', locations: [{ line: 1, column: 3 }] }] },
    },
    {
      name: 'a REST call is out of scope',
      url: 'https://api.example.com/users',
      status: 400,
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    },
  ],
  invalid: [
    {
      name: 'request error as 200',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      headers: GQL,
      body: { errors: [{ message: 'Syntax Error' }] },
      rules: ['graphql/status-code'],
    },
    {
      name: 'error without message',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      headers: GQL,
      body: { data: null, errors: [{ msg: 'x' }] },
      rules: ['graphql/errors-shape'],
    },
    {
      name: 'mutation over GET',
      url: `https://api.example.com/graphql?query=${encodeURIComponent('mutation { logout }')}`,
      headers: GQL,
      body: { data: { logout: true } },
      rules: ['graphql/get-query'],
    },
    {
      name: 'text/html answer',
      method: 'POST',
      url: 'https://api.example.com/graphql',
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>502</h1>',
      requestHeaders: { Accept: 'application/graphql-response+json' },
      rules: ['graphql/media-type'],
    },
  ],
});

// The JSON:API 1.1 built-in.
const API = { 'Content-Type': 'application/vnd.api+json' };
profileTable('jsonapi', [], {
  valid: [
    {
      name: 'a resource',
      url: 'https://api.example.com/articles/1',
      headers: API,
      body: { data: { type: 'articles', id: '1' } },
    },
    {
      name: 'an error document',
      url: 'https://api.example.com/articles/9',
      status: 404,
      headers: API,
      body: { errors: [{ status: '404', title: 'Not Found' }] },
    },
    {
      name: 'meta only',
      url: 'https://api.example.com/stats',
      headers: { 'Content-Type': 'application/vnd.api+json; ext="https://jsonapi.org/ext/atomic"' },
      body: { meta: { n: 1 } },
    },
  ],
  invalid: [
    {
      name: 'plain JSON',
      url: 'https://api.example.com/articles/1',
      headers: JSON_CT,
      body: { data: { type: 'articles', id: '1' } },
      rules: ['jsonapi/media-type'],
    },
    {
      name: 'charset parameter',
      url: 'https://api.example.com/articles/1',
      headers: { 'Content-Type': 'application/vnd.api+json; charset=utf-8' },
      body: { data: null },
      rules: ['jsonapi/media-type-parameters'],
    },
    {
      name: 'data with errors',
      url: 'https://api.example.com/articles/1',
      status: 400,
      headers: API,
      body: { data: null, errors: [{ status: '400' }] },
      rules: ['jsonapi/top-level'],
    },
    {
      name: 'numeric id and status',
      url: 'https://api.example.com/articles/1',
      status: 500,
      headers: API,
      body: { errors: [{ status: 500 }] },
      rules: ['jsonapi/error-status'],
    },
    {
      name: 'numeric id',
      url: 'https://api.example.com/articles/1',
      headers: API,
      body: { data: { type: 'articles', id: 1 } },
      rules: ['jsonapi/resource-identity'],
    },
  ],
});
