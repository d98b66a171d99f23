import { describe, expect, it, vi } from 'vitest';
import { MemoryNetworkSource } from '../../../src/adapters/memory';
import { createPanelStore } from '../../../src/state/panel-store';
import { createInlineAnalyzer } from '../../../src/surfaces/panel/analyzer';
import { startCapture } from '../../../src/surfaces/panel/capture';
import {
  answerMayFollow,
  followLateAnswers,
  LATE_ANSWER_MAX_ROWS,
} from '../../../src/surfaces/panel/late-answers';
import type { Exchange } from '../../../src/core/exchange/types';
import { makeExchange } from '../../helpers/exchange';
import { harEntry } from '../../helpers/har';
import { J, tick } from './fakes';

const ORIGIN = { Origin: 'http://127.0.0.1:4000' };
const URL = 'http://127.0.0.1:5000/api/no-acao';

/** What onRequestFinished hands over when Chromium fails a CORS-blocked fetch before the answer reached DevTools. */
const handedOver = harEntry({ url: URL, status: 0, requestHeaders: ORIGIN, error: 'net::ERR_FAILED' });
/** DevTools' own record of the same request once the answer arrived (what getHAR() returns then). */
const completed = harEntry({
  url: URL,
  status: 200,
  headers: J,
  requestHeaders: ORIGIN,
  error: 'net::ERR_FAILED',
});

/** A source whose getHAR() answers what DevTools holds now, counting the calls. */
class CountingSource extends MemoryNetworkSource {
  looks = 0;
  override async getExisting() {
    this.looks++;
    return super.getExisting();
  }
}

function setup() {
  const store = createPanelStore();
  const source = new CountingSource();
  const stop = startCapture({ source, store, analyzer: createInlineAnalyzer(), flushMs: 0 });
  return { store, source, stop };
}

const rules = (store: ReturnType<typeof createPanelStore>) =>
  store.getState().rows.flatMap((r) => r.analysis?.findings.map((f) => f.rule) ?? []);

describe('a failed request DevTools handed over before the server’s answer reached it', () => {
  it('gets the status the server sent and its CORS finding once DevTools has the answer', async () => {
    const { store, source, stop } = setup();
    source.emit(handedOver);
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(1));
    expect(store.getState().rows[0]!.exchange.serverStatus).toBeUndefined();
    expect(rules(store)).not.toContain('http/cors-blocked');
    source.existing = [{ entry: completed, getContent: async () => ({ text: null, encoding: null }) }];
    await vi.waitFor(() => expect(rules(store)).toContain('http/cors-blocked'));
    const row = store.getState().rows[0]!;
    expect(store.getState().rows).toHaveLength(1);
    expect(row.exchange.id).toBe('live-0');
    expect(row.exchange.status).toBe(0);
    expect(row.exchange.serverStatus).toBe(200);
    expect(row.facts).toBeDefined();
    stop();
  });

  it('is not looked up again when the request never left (a refused connection has no answer)', async () => {
    const { store, source, stop } = setup();
    source.emit(
      harEntry({ url: URL, status: 0, requestHeaders: ORIGIN, error: 'net::ERR_CONNECTION_REFUSED' }),
    );
    source.emit(harEntry({ url: `${URL}?ok`, status: 200, headers: J }), { text: '{}' });
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(2));
    await tick(400);
    // Only the look DevTools is asked for when the panel opens.
    expect(source.looks).toBe(1);
    stop();
  });

  it('is not looked up for failures with no answer to wait for, however many the page makes', async () => {
    const { store, source, stop } = setup();
    for (const error of ['net::ERR_TIMED_OUT', 'net::ERR_CONNECTION_RESET', 'net::ERR_BLOCKED_BY_CLIENT'])
      source.emit(harEntry({ url: `${URL}?${error}`, status: 0, requestHeaders: ORIGIN, error }));
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(3));
    await tick(400);
    expect(source.looks).toBe(1);
    stop();
  });

  it('is not looked up on a long capture, where copying DevTools’ log would cost more than it finds', async () => {
    const { store, source, stop } = setup();
    const earlier = makeExchange({ url: 'http://127.0.0.1:5000/api/ok' });
    store.getState().addRows(
      Array.from({ length: LATE_ANSWER_MAX_ROWS }, (_, i) => ({
        exchange: { ...earlier, id: `old-${i}` },
      })),
    );
    source.emit(handedOver);
    await vi.waitFor(() => expect(store.getState().rows.length).toBeGreaterThan(LATE_ANSWER_MAX_ROWS));
    source.existing = [{ entry: completed, getContent: async () => ({ text: null, encoding: null }) }];
    await tick(400);
    expect(source.looks).toBe(1);
    stop();
  });

  it('a clear while it waits: the answer does not bring the row back', async () => {
    const { store, source, stop } = setup();
    source.emit(handedOver);
    await vi.waitFor(() => expect(store.getState().rows).toHaveLength(1));
    store.getState().clear();
    source.existing = [{ entry: completed, getContent: async () => ({ text: null, encoding: null }) }];
    await tick(400);
    expect(store.getState().rows).toEqual([]);
    expect(source.looks).toBe(1);
    stop();
  });
});

describe('followLateAnswers', () => {
  const never = { entry: handedOver, getContent: async () => ({ text: null, encoding: null }) };

  it('looks as many times as it has delays, in one getHAR() per look, then leaves the row as it is', async () => {
    const source = new CountingSource();
    source.existing = [never];
    const found = vi.fn(async () => false);
    const late = followLateAnswers({ source, keyOf: () => 'k', found, delays: [1, 1, 1] });
    late.watch('k', 'live-0');
    late.watch('k', 'live-0');
    await tick(60);
    expect(source.looks).toBe(3);
    expect(found).toHaveBeenCalledTimes(3);
    late.stop();
  });

  it('stops looking for a row once its record is complete', async () => {
    const source = new CountingSource();
    source.existing = [never];
    const late = followLateAnswers({ source, keyOf: () => 'k', found: async () => true, delays: [1, 1, 1] });
    late.watch('k', 'live-0');
    await tick(60);
    expect(source.looks).toBe(1);
    late.stop();
  });

  it('after stop, a look under way schedules nothing more', async () => {
    const source = new CountingSource();
    let answer!: () => void;
    source.getExisting = async () => {
      source.looks++;
      await new Promise<void>((r) => (answer = r));
      return [never];
    };
    const found = vi.fn(async () => false);
    const late = followLateAnswers({ source, keyOf: () => 'k', found, delays: [1, 1, 1] });
    late.watch('k', 'live-0');
    await tick(20);
    late.stop();
    answer();
    await tick(40);
    expect(source.looks).toBe(1);
    expect(found).not.toHaveBeenCalled();
  });
});

describe('answerMayFollow', () => {
  const failed = (failure: string, extra: Partial<Exchange> = {}) =>
    ({ status: 0, failure, responseHeaders: [], ...extra }) as unknown as Exchange;
  it.each([
    ['net::ERR_FAILED', true],
    ['net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', true],
    ['net::ERR_BLOCKED_BY_ORB', true],
    ['net::ERR_TIMED_OUT', false],
    ['net::ERR_CONNECTION_REFUSED', false],
    ['net::ERR_ABORTED', false],
  ])('%s: %s', (failure, expected) => {
    expect(answerMayFollow(failed(failure))).toBe(expected);
  });
  it('is false once the answer is recorded', () => {
    expect(answerMayFollow(failed('net::ERR_FAILED', { serverStatus: 200 }))).toBe(false);
  });
});
