import { describe, expect, it } from 'vitest';
import { isApiCall, notApiCallReason } from '../../../src/core/exchange/api-call';
import { isWebSocket } from '../../../src/core/exchange/websocket';
import { makeExchange } from '../../helpers/exchange';

describe('isWebSocket: the one "is this a WebSocket handshake" test', () => {
  it.each([
    ['a wss:// URL', makeExchange({ url: 'wss://live.example/feed' })],
    ['a ws:// URL in upper case', makeExchange({ url: 'WS://live.example/feed' })],
    ["Chrome's _resourceType websocket", makeExchange({ resourceType: 'WebSocket' })],
    [
      'the request Upgrade header (mitmproxy records the https URL)',
      makeExchange({ requestHeaders: { Upgrade: 'WebSocket' } }),
    ],
    ['an Upgrade list naming it', makeExchange({ requestHeaders: { Upgrade: 'foo/1, websocket' } })],
    ['a 101 without an Upgrade header', makeExchange({ status: 101 })],
    ['a 101 to websocket', makeExchange({ status: 101, headers: { Upgrade: 'websocket' } })],
  ])('%s is one', (_, ex) => {
    expect(isWebSocket(ex)).toBe(true);
  });

  it.each([
    ['a plain https fetch', makeExchange({ resourceType: 'fetch' })],
    ['a 101 to h2c', makeExchange({ status: 101, headers: { Upgrade: 'h2c' } })],
    ['an Upgrade to TLS', makeExchange({ requestHeaders: { Upgrade: 'TLS/1.2' } })],
    ['a path that mentions websocket', makeExchange({ url: 'https://x.example/websocket?x=ws://' })],
  ])('%s is not one', (_, ex) => {
    expect(isWebSocket(ex)).toBe(false);
  });

  it('the API-call test reads it: a handshake under its https URL is no API call, an h2c switch neither', () => {
    const handshake = makeExchange({ resourceType: 'xhr', requestHeaders: { Upgrade: 'websocket' } });
    expect(notApiCallReason(handshake)).toBe('it is a WebSocket connection');
    expect(isApiCall(makeExchange({ status: 101, headers: { Upgrade: 'h2c' } }))).toBe(false);
  });
});
