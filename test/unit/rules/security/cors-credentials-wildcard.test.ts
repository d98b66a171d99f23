import rule from '../../../../src/core/rules/security/cors-credentials-wildcard';
import { sessionRuleTester, type Step } from '../../../helpers/sessionRuleTester';

const API = 'https://api.example.com';
const ORIGIN = { Origin: 'https://app.example' };
/** Request headers of a call that sent no Origin (a navigation, a same-origin call). */
const NO_ORIGIN = { Accept: '*/*', Referer: 'https://http2bin.org/' };
const wildcard = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' };
const MIN = 60_000;

/** One response at `at` ms: its headers, the request's headers, and the URL. */
const res = (
  at: number,
  headers: Record<string, string>,
  requestHeaders?: Record<string, string>,
  url = `${API}/v1/things`,
): Step => ({ at, url, headers, ...(requestHeaders ? { requestHeaders } : {}) });
/** A single response: what the rule judges of each pair of headers. */
const one = (headers: Record<string, string>, requestHeaders?: Record<string, string>) => [
  res(0, headers, requestHeaders),
];

/** The info on a request without Origin, as each message says it. */
const NO_ORIGIN_INFO = [
  'on a request that sent no Origin, so no browser refused anything here',
  'check what the server answers a cross-origin request with credentials',
];

sessionRuleTester(rule, {
  valid: [
    { name: 'wildcard without credentials', sequence: one({ 'Access-Control-Allow-Origin': '*' }) },
    {
      name: 'specific origin with credentials',
      sequence: one(
        { 'Access-Control-Allow-Origin': 'https://app.example', 'Access-Control-Allow-Credentials': 'true' },
        ORIGIN,
      ),
    },
    {
      name: 'wildcard with credentials false',
      sequence: one({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'false' }),
    },
    { name: 'no CORS headers', sequence: one({}) },
    { name: 'null origin without credentials', sequence: one({ 'Access-Control-Allow-Origin': 'null' }) },
    {
      name: 'null origin with credentials false',
      sequence: one({ 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'false' }),
    },
    {
      name: 'an origin that merely contains null',
      sequence: one({
        'Access-Control-Allow-Origin': 'https://null.example',
        'Access-Control-Allow-Credentials': 'true',
      }),
    },
    {
      name: 'credentials true without any Allow-Origin',
      sequence: one({ 'Access-Control-Allow-Credentials': 'true' }, NO_ORIGIN),
    },
  ],
  invalid: [
    {
      name: 'wildcard with credentials, on a cross-origin request (it sent Origin)',
      sequence: one(wildcard, ORIGIN),
      findings: [
        {
          on: 0,
          severity: 'warning',
          message: ['Access-Control-Allow-Origin: *', 'browsers refuse credentialed reads'],
          related: [],
        },
      ],
    },
    {
      // httpolice_http2bin-edge.har: httpbin answers * to a request without Origin and echoes
      // the Origin (with credentials) to a cross-origin one: nothing was refused here.
      name: 'wildcard with credentials on a request that sent no Origin: info, saying what to check',
      sequence: one(wildcard, NO_ORIGIN),
      findings: [{ on: 0, severity: 'info', message: [...NO_ORIGIN_INFO, API], related: [] }],
    },
    {
      name: 'null with credentials stays a warning without an Origin: any site can send Origin: null',
      sequence: one(
        { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' },
        { Accept: '*/*' },
      ),
      findings: [{ on: 0, severity: 'warning', message: 'Access-Control-Allow-Origin: null', related: [] }],
    },
    {
      name: 'wildcard with credentials, request headers not recorded',
      sequence: one(wildcard),
      findings: [
        {
          on: 0,
          severity: 'warning',
          message: ['Access-Control-Allow-Origin: *', 'Access-Control-Allow-Credentials: true'],
          related: [],
        },
      ],
    },
    {
      name: 'odd casing and spacing',
      sequence: one({ 'access-control-allow-origin': ' * ', 'ACCESS-CONTROL-ALLOW-CREDENTIALS': 'TRUE' }),
      findings: [{ on: 0, severity: 'warning', message: 'Access-Control-Allow-Credentials', related: [] }],
    },
    {
      name: 'null origin with credentials',
      sequence: one({ 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' }),
      findings: [
        {
          on: 0,
          severity: 'warning',
          message: [
            'Access-Control-Allow-Origin: null',
            'Access-Control-Allow-Credentials: true',
            'sandboxed iframe',
          ],
          related: [],
        },
      ],
    },
    {
      name: 'null origin with spacing and TRUE',
      sequence: one({ 'access-control-allow-origin': ' null ', 'Access-Control-Allow-Credentials': 'TRUE' }),
      findings: [{ on: 0, severity: 'warning', message: 'Access-Control-Allow-Origin: null', related: [] }],
    },
    // The info once per origin; the warnings on every response.
    {
      name: 'an origin answering every request without Origin with the pair: the first carries the info',
      sequence: [
        res(0, wildcard, NO_ORIGIN),
        res(100, wildcard, NO_ORIGIN, `${API}/v1/things/1`),
        res(200, wildcard, { Accept: 'text/html' }, `${API}/v1/other?page=2`),
        res(300, wildcard, NO_ORIGIN),
      ],
      findings: [{ on: 0, severity: 'info', message: [...NO_ORIGIN_INFO, API], related: [] }],
    },
    {
      name: 'near miss: a cross-origin request among them is warned each time, the info stays once',
      sequence: [
        res(0, wildcard, NO_ORIGIN),
        res(100, wildcard, ORIGIN),
        res(200, wildcard, NO_ORIGIN),
        res(300, wildcard, ORIGIN),
      ],
      findings: [
        { on: 0, severity: 'info', message: NO_ORIGIN_INFO, related: [] },
        { on: 1, severity: 'warning', message: 'browsers refuse credentialed reads', related: [] },
        { on: 3, severity: 'warning', message: 'browsers refuse credentialed reads', related: [] },
      ],
    },
    {
      name: 'near miss: null with credentials is warned on every response, with or without Origin',
      sequence: [
        res(
          0,
          { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' },
          NO_ORIGIN,
        ),
        res(
          100,
          { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' },
          NO_ORIGIN,
        ),
      ],
      findings: [
        { on: 0, severity: 'warning', message: 'Access-Control-Allow-Origin: null', related: [] },
        { on: 1, severity: 'warning', message: 'Access-Control-Allow-Origin: null', related: [] },
      ],
    },
    {
      name: 'another origin (host, port or scheme) gets the info for itself',
      sequence: [
        res(0, wildcard, NO_ORIGIN),
        res(100, wildcard, NO_ORIGIN, 'https://cdn.example.com/app.js'),
        res(200, wildcard, NO_ORIGIN, 'https://api.example.com:8443/v1/things'),
        res(300, wildcard, NO_ORIGIN, 'http://api.example.com/v1/things'),
        res(400, wildcard, NO_ORIGIN, 'https://API.example.com/v2/things'),
      ],
      findings: [
        { on: 0, severity: 'info', message: API, related: [] },
        { on: 1, severity: 'info', message: 'https://cdn.example.com', related: [] },
        { on: 2, severity: 'info', message: 'https://api.example.com:8443', related: [] },
        { on: 3, severity: 'info', message: 'http://api.example.com', related: [] },
      ],
    },
    {
      name: "reported once in the session, even hours later (the window's time does not apply: the message says once)",
      sequence: [
        res(0, wildcard, NO_ORIGIN),
        res(4 * MIN, wildcard, NO_ORIGIN),
        res(5 * MIN + 1, wildcard, NO_ORIGIN),
        res(6 * 60 * MIN, wildcard, NO_ORIGIN),
      ],
      findings: [{ on: 0, severity: 'info', message: NO_ORIGIN_INFO, related: [] }],
    },
    {
      name: 'a session that remembers only one origin reports each again when it comes back',
      window: { ms: 5 * MIN, entries: 1 },
      sequence: [
        res(0, wildcard, NO_ORIGIN),
        res(100, wildcard, NO_ORIGIN, 'https://cdn.example.com/a'),
        res(200, wildcard, NO_ORIGIN),
      ],
      findings: [
        { on: 0, severity: 'info', message: API, related: [] },
        { on: 1, severity: 'info', message: 'https://cdn.example.com', related: [] },
        { on: 2, severity: 'info', message: API, related: [] },
      ],
    },
  ],
});
