import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import { packView, sessionView, unpackView, type PackedView } from '../../../src/core/session/view';
import type { Exchange } from '../../../src/core/exchange/types';
import { makeExchange } from '../../helpers/exchange';

/**
 * The CLI's lint workers send each entry's session view packed as one flat array (it copies
 * between threads in a third of the time objects do); the main thread unpacks it before the
 * session rules read it. What they read must be the view itself, whatever the exchange holds.
 */
const cases: [string, Exchange][] = [
  ['a polled GET (its body fingerprinted)', makeExchange({ body: { items: [1, 2] }, resourceType: 'fetch' })],
  [
    'an error with a JSON body',
    makeExchange({ status: 500, body: { error: 'down' }, headers: { 'Content-Type': 'application/json' } }),
  ],
  [
    'a body not captured, without a size',
    makeExchange({ rawBody: { kind: 'unknown', reason: 'not-captured' } }),
  ],
  [
    'a body too large, with its size',
    makeExchange({ rawBody: { kind: 'unknown', reason: 'too-large', size: 9e6 } }),
  ],
  ['a binary body', makeExchange({ rawBody: { kind: 'binary', size: 512 } })],
  ['an empty body', makeExchange({ body: null, status: 204 })],
  [
    'a failed POST with a body, timings and a cache answer',
    {
      ...makeExchange({
        method: 'POST',
        status: 0,
        failure: 'net::ERR_TIMED_OUT',
        postData: { mimeType: 'application/json', text: '{"amount":5}' },
        timings: { wait: 3, receive: 12 },
        fromCache: 'disk',
        requestHeaders: { Authorization: 'Bearer x', Accept: 'application/json' },
        headers: { 'Retry-After': '5', Server: 'nginx/1.2.3', 'X-Other': 'dropped' },
      }),
      id: '0:17',
      startedAt: '2026-12-07T10:00:00.000Z',
      time: 250,
      mimeType: 'application/json',
      size: 12,
    },
  ],
  ['a POST with an empty body', makeExchange({ method: 'POST', postData: { mimeType: '', text: '' } })],
];

describe('packed session views', () => {
  for (const [name, ex] of cases)
    it(`${name}: unpacked after crossing threads, it is the session view`, () => {
      const view = sessionView(ex);
      const crossed = v8.deserialize(v8.serialize(packView(view))) as PackedView;
      expect(unpackView(crossed)).toStrictEqual(view);
    });
});
