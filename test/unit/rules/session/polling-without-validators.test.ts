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
  ],
  invalid: [
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
