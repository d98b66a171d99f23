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
      sequence: [poll(0), poll(1000)],
      findings: [{ on: 1, severity: 'info', related: [0] }],
    },
  ],
});
