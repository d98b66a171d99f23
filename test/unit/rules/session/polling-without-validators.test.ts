import rule from '../../../../src/core/rules/session/polling-without-validators';
import { sessionRuleTester } from '../../../helpers/sessionRuleTester';

const url = 'https://api.example.com/v1/jobs/1';
const poll = (at: number, body: object = { state: 'running' }, extra: object = {}) => ({
  at,
  url,
  headers: { 'Content-Type': 'application/json' },
  body,
  ...extra,
});

/** A poll with these request headers (who asks, in which language). */
const asking = (at: number, requestHeaders: Record<string, string>, headers: object = {}) =>
  poll(at, undefined, { requestHeaders, headers: { 'Content-Type': 'application/json', ...headers } });
const alice = { Authorization: 'Bearer alice' };
const bob = { Authorization: 'Bearer bob' };
const noStore = (at: number, cacheControl = 'no-store') =>
  poll(at, undefined, { headers: { 'Content-Type': 'application/json', 'Cache-Control': cacheControl } });

/** Over the 16 KB kept as is: compared by fingerprint (and in the CLI's session view too). */
const large = (middle: string) => ({ items: ['a'.repeat(12_000), middle, 'b'.repeat(12_000)] });

sessionRuleTester(rule, {
  valid: [
    {
      name: 'answers carry an ETag',
      sequence: [0, 2000, 4000].map((at) => poll(at, { state: 'running' }, { headers: { ETag: '"1"' } })),
    },
    {
      name: 'answers carry Last-Modified',
      sequence: [0, 2000, 4000].map((at) =>
        poll(at, { state: 'running' }, { headers: { 'Last-Modified': 'Sun, 06 Dec 2026 04:00:00 GMT' } }),
      ),
    },
    {
      name: 'conditional polls',
      sequence: [0, 2000, 4000].map((at) =>
        poll(at, { state: 'running' }, { requestHeaders: { 'If-None-Match': '"1"' } }),
      ),
    },
    {
      name: 'the body changes each time',
      sequence: [poll(0, { p: 1 }), poll(2000, { p: 2 }), poll(4000, { p: 3 })],
    },
    {
      name: 'near miss: two identical answers are below the default of three',
      sequence: [poll(0), poll(2000)],
    },
    {
      name: 'repeats closer than the interval are duplicates, not polls',
      sequence: [poll(0), poll(100), poll(200)],
    },
    {
      // A real capture (Polly.JS, JupiterOne/graph-azure, A53 #3, #6, #9): the third list was sent
      // 1.7 s after the second one started but 782 ms after its slow answer arrived, which
      // session/duplicate-request reports; counted as a poll too, it was two findings for one repeat.
      name: 'a repeat soon after a slow answer is a duplicate, not a poll',
      sequence: [poll(0, undefined, { duration: 642 }), poll(1649, undefined, { duration: 904 }), poll(3335)],
    },
    {
      name: 'near miss: repeats exactly the interval after the previous answer are duplicates',
      sequence: [poll(0), poll(1050), poll(2100)],
    },
    {
      // One boundary: session/duplicate-request's windowMs, raised, makes these duplicates.
      name: "near miss: repeats within session/duplicate-request's raised windowMs are duplicates",
      ruleOptions: { 'session/duplicate-request': { windowMs: 5000 } },
      sequence: [0, 2000, 4000].map((at) => poll(at)),
    },
    { name: 'bodies not captured', sequence: [0, 2000, 4000].map((at) => ({ at, url })) },
    {
      name: 'large bodies that differ only in the middle',
      sequence: [poll(0, large('x')), poll(2000, large('y')), poll(4000, large('z'))],
    },
    {
      name: 'near miss: an answer with a validator in between restarts the run',
      sequence: [
        poll(0),
        poll(2000, { state: 'running' }, { headers: { ETag: '"1"' } }),
        poll(4000),
        poll(6000),
      ],
    },
    {
      // Two users' dashboards in one capture (a test runner switching accounts): what each one
      // is shown may differ, and session/duplicate-request calls them two requests too.
      name: 'near miss: two users polling one URL in turn are not one poll',
      sequence: [0, 2000, 4000, 6000, 8000, 10_000].map((at, i) => asking(at, i % 2 ? bob : alice)),
    },
    {
      // An API key is a credential as Authorization is (src/core/secrets/names.ts): two clients.
      name: 'near miss: two API keys polling one URL in turn are not one poll',
      sequence: [0, 2000, 4000, 6000, 8000, 10_000].map((at, i) =>
        asking(at, { 'X-Api-Key': i % 2 ? 'key-of-b' : 'key-of-a' }),
      ),
    },
    {
      name: 'near miss: three identical answers, each to another Accept-Language',
      sequence: [
        asking(0, { 'Accept-Language': 'en' }),
        asking(2000, { 'Accept-Language': 'de' }),
        asking(4000, { 'Accept-Language': 'fr' }),
      ],
    },
    {
      name: 'near miss: another value of a header the answers vary by',
      sequence: [
        asking(0, { 'X-Tenant': 'a' }, { Vary: 'X-Tenant' }),
        asking(2000, { 'X-Tenant': 'a' }, { Vary: 'X-Tenant' }),
        asking(4000, { 'X-Tenant': 'b' }, { Vary: 'X-Tenant' }),
      ],
    },
    {
      // no-store: no cache may keep the answer (RFC 9111 §5.2.2.5), so none has one to
      // revalidate, and a validator would spare no poll its body.
      name: 'answers marked no-store',
      sequence: [0, 2000, 4000, 6000].map((at) => noStore(at)),
    },
    {
      name: "no-store among other directives (Spring Security's default)",
      sequence: [0, 2000, 4000].map((at) => noStore(at, 'no-cache, no-store, max-age=0, must-revalidate')),
    },
    {
      name: 'near miss: a no-store answer in between ends the run',
      sequence: [poll(0), poll(2000), noStore(4000), poll(6000), poll(8000)],
    },
  ],
  invalid: [
    {
      name: 'the same user polling, with credentials',
      sequence: [0, 2000, 4000].map((at) => asking(at, alice)),
      findings: [{ on: 2, severity: 'info', related: [0, 1], message: 'polled 3 times' }],
    },
    {
      name: 'the same API key polling',
      sequence: [0, 2000, 4000].map((at) => asking(at, { 'X-Api-Key': 'key-of-a' })),
      findings: [{ on: 2, severity: 'info', related: [0, 1], message: 'polled 3 times' }],
    },
    {
      name: "another user's poll ends the run, and the first user's next three make one",
      sequence: [
        asking(0, alice),
        asking(2000, bob),
        asking(4000, alice),
        asking(6000, alice),
        asking(8000, alice),
      ],
      findings: [{ on: 4, severity: 'info', related: [2, 3], message: 'polled 3 times (every 2.0 s' }],
    },
    {
      // As session/duplicate-request compares: the earlier answer's Vary decides.
      name: 'the same value of a header only the first answer varies by',
      sequence: [
        asking(0, { 'X-Tenant': 'a' }, { Vary: 'X-Tenant' }),
        asking(2000, { 'X-Tenant': 'a' }),
        asking(4000, { 'X-Tenant': 'a' }),
      ],
      findings: [{ on: 2, severity: 'info', related: [0, 1] }],
    },
    {
      // no-cache lets the answer be stored, revalidated on every use (RFC 9111 §5.2.2.4): with a
      // validator, each of these polls could be a 304.
      name: 'answers marked no-cache (not no-store)',
      sequence: [0, 2000, 4000].map((at) => noStore(at, 'no-cache, max-age=0')),
      findings: [{ on: 2, severity: 'info', related: [0, 1], message: 'add a validator' }],
    },
    {
      name: 'a long run names its first polls and the latest before the finding',
      options: { minPolls: 12 },
      sequence: Array.from({ length: 12 }, (_, i) => poll(i * 2000)),
      findings: [
        { on: 11, severity: 'info', related: [0, 1, 2, 3, 4, 7, 8, 9, 10], message: 'polled 12 times' },
      ],
    },
    {
      name: 'three identical 200s without validators',
      sequence: [poll(0), poll(2000), poll(4000)],
      findings: [
        {
          on: 2,
          severity: 'info',
          related: [0, 1],
          message: ['GET /v1/jobs/1 was polled 3 times', 'every 2.0 s', 'ETag'],
        },
      ],
    },
    {
      // A real capture (Playwright 1.49, eclipse-xpanse/xpanse-ui): react-query refetched the list
      // at 0, 1.2 s and 4.3 s; the message had said "every 3.1 s or so", the last gap alone.
      name: 'irregular repeats: the message gives the mean interval, not the last gap',
      sequence: [poll(0), poll(1212), poll(4279)],
      findings: [
        { on: 2, severity: 'info', related: [0, 1], message: ['polled 3 times', 'every 2.1 s on average'] },
      ],
    },
    {
      name: 'near miss: repeats just past the interval after the previous answer are polls',
      sequence: [poll(0), poll(1051), poll(2102)],
      findings: [{ on: 2, severity: 'info', related: [0, 1], message: ['polled 3 times'] }],
    },
    {
      name: "repeats past session/duplicate-request's lowered windowMs are polls",
      ruleOptions: { 'session/duplicate-request': { windowMs: 100 } },
      sequence: [poll(0), poll(300), poll(600)],
      findings: [{ on: 2, severity: 'info', related: [0, 1], message: ['polled 3 times'] }],
    },
    {
      name: 'reported once, after the run restarts on a change',
      sequence: [poll(0, { p: 1 }), poll(2000), poll(4000), poll(6000), poll(8000)],
      findings: [{ on: 3, severity: 'info', related: [1, 2] }],
    },
    {
      name: 'identical large bodies',
      sequence: [poll(0, large('x')), poll(2000, large('x')), poll(4000, large('x'))],
      findings: [{ on: 2, severity: 'info', related: [0, 1] }],
    },
    {
      name: 'fewer polls asked for in the settings',
      options: { minPolls: 2 },
      sequence: [poll(0), poll(2000)],
      findings: [{ on: 1, severity: 'info', related: [0] }],
    },
  ],
});
