import rule from '../../../../src/core/rules/session/duplicate-request';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const url = 'https://api.example.com/v1/me';
const get = (at: number, extra: object = {}) => ({ at, url, duration: 100, ...extra });

sessionRuleTester(rule, {
  valid: [
    { name: 'once', sequence: [get(0)] },
    { name: 'again after the window', sequence: [get(0), get(1101)] },
    { name: 'near miss: again just past the 1 s window after the answer', sequence: [get(0), get(1101)] },
    { name: 'another URL', sequence: [get(0), get(10, { url: 'https://api.example.com/v1/you' })] },
    {
      name: 'another Accept asks for another representation',
      sequence: [
        get(0, { requestHeaders: { Accept: 'application/json' } }),
        get(10, { requestHeaders: { Accept: 'text/csv' } }),
      ],
    },
    {
      name: 'another value of a header the answer varies by',
      sequence: [
        get(0, { headers: { Vary: 'X-Tenant' }, requestHeaders: { 'X-Tenant': 'a' } }),
        get(500, { requestHeaders: { 'X-Tenant': 'b' } }),
      ],
    },
    {
      name: 'a conditional revalidation',
      sequence: [get(0), get(200, { requestHeaders: { 'If-None-Match': '"v1"' } })],
    },
    {
      name: 'after a no-store answer',
      sequence: [get(0, { headers: { 'Cache-Control': 'no-store' } }), get(300)],
    },
    {
      name: 'after an error answer (a retry, not a duplicate)',
      sequence: [get(0, { status: 500 }), get(300)],
    },
    {
      name: 'after a failed request',
      sequence: [get(0, { status: 0, failure: 'net::ERR_FAILED' }), get(30)],
    },
    { name: 'POSTs are not duplicates', sequence: [get(0, { method: 'POST' }), get(10, { method: 'POST' })] },
    {
      name: 'images are the browser’s business',
      sequence: [get(0, { resourceType: 'image' }), get(10, { resourceType: 'image' })],
    },
    {
      name: 'the window set to 0 ms keeps only in-flight duplicates',
      options: { windowMs: 0 },
      sequence: [get(0), get(300)],
    },
    {
      name: 'another session cookie: separate steps of a test runner, the session rotated',
      sequence: [
        get(0, { requestHeaders: { Cookie: 'sid=a' } }),
        get(300, { requestHeaders: { Cookie: 'sid=b' } }),
      ],
    },
    {
      // Any header the secret vocabulary names is a credential (src/core/secrets/names.ts), as
      // session/repeated-client-error compares them: two API keys are two clients.
      name: 'near miss: the same URL asked with another X-Api-Key',
      sequence: [
        get(0, { requestHeaders: { 'X-Api-Key': 'key-of-a' } }),
        get(300, { requestHeaders: { 'X-Api-Key': 'key-of-b' } }),
      ],
    },
    {
      name: 'near miss: one with an X-Auth-Token, the other without',
      sequence: [get(0, { requestHeaders: { 'X-Auth-Token': 't1' } }), get(20)],
    },
    {
      name: 'frames loading the same page, recorded without resource types (mitmproxy)',
      sequence: [
        get(0, { requestHeaders: { Accept: 'text/html,application/xhtml+xml' } }),
        get(0, { requestHeaders: { Accept: 'text/html,application/xhtml+xml' } }),
      ],
    },
  ],
  invalid: [
    {
      // The repeat's own answer drops the Vary: the first answer's Vary still decides, and a
      // session view (batches, workers) must keep the header for it (--jobs gives one report).
      name: 'the same value of a header only the first answer varies by',
      sequence: [
        get(0, { headers: { Vary: 'X-Tenant' }, requestHeaders: { 'X-Tenant': 'a' } }),
        get(500, { requestHeaders: { 'X-Tenant': 'a' } }),
      ],
      findings: [{ on: 1, severity: 'info', related: [0], message: ['GET /v1/me', 'reusable 200', '#0'] }],
    },
    {
      name: 'the same X-Api-Key twice',
      sequence: [
        get(0, { requestHeaders: { 'X-Api-Key': 'key-of-a' } }),
        get(300, { requestHeaders: { 'x-api-key': 'key-of-a' } }),
      ],
      findings: [{ on: 1, severity: 'info', related: [0], message: ['GET /v1/me', 'reusable 200', '#0'] }],
    },
    {
      // Vary: Cookie names a credential, compared once with the others: the same cookie is the same request.
      name: 'the same cookie under Vary: Cookie',
      sequence: [
        get(0, { headers: { Vary: 'Cookie' }, requestHeaders: { Cookie: 'sid=a' } }),
        get(300, { requestHeaders: { Cookie: 'sid=a' } }),
      ],
      findings: [{ on: 1, severity: 'info', related: [0] }],
    },
    {
      name: 'fired twice while the first is in flight',
      sequence: [get(0, { resourceType: 'fetch' }), get(20, { resourceType: 'fetch' })],
      findings: [
        {
          on: 1,
          severity: 'info',
          related: [0],
          message: ['GET /v1/me', 'still in flight', '#0', '(it started 20 ms earlier)'],
        },
      ],
    },
    {
      // Two components asking at once: "it started 0 ms earlier" read as a glitch.
      name: 'fired twice at the same moment says so, not "0 ms earlier"',
      sequence: [get(0, { resourceType: 'fetch' }), get(0, { resourceType: 'fetch' })],
      findings: [{ on: 1, severity: 'info', related: [0], message: '(both started at the same moment)' }],
    },
    {
      name: 'sent again the moment a reusable 200 arrived: "right after"',
      sequence: [get(0), get(100)],
      findings: [
        { on: 1, severity: 'info', related: [0], message: 'was sent again right after the same request' },
      ],
    },
    {
      name: 'again right after a reusable 200',
      sequence: [get(0), get(400)],
      findings: [{ on: 1, severity: 'info', related: [0], message: ['300 ms after', 'reusable 200'] }],
    },
    {
      name: 'near miss: exactly at the end of the window',
      sequence: [get(0), get(1100)],
      findings: [{ on: 1, severity: 'info', related: [0] }],
    },
    {
      name: 'three components, three requests',
      sequence: [get(0), get(10), get(20)],
      findings: [
        { on: 1, severity: 'info', related: [0] },
        { on: 2, severity: 'info', related: [1] },
      ],
    },
    {
      name: 'a longer window from the settings',
      options: { windowMs: 10_000 },
      sequence: [get(0), get(5000)],
      findings: [{ on: 1, severity: 'info', related: [0] }],
    },
  ],
});
