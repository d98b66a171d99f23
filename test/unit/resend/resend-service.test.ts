import { describe, expect, it } from 'vitest';
import { MemoryPageRequester } from '../../../src/adapters/memory';
import type { PageFetchOutcome } from '../../../src/adapters/ports';
import { draftFrom } from '../../../src/core/resend/draft';
import { createPanelStore } from '../../../src/state/panel-store';
import { createResendStore } from '../../../src/state/resend-store';
import { createResendService, normalizedUrl } from '../../../src/surfaces/panel/resend/resend-service';
import { makeExchange } from '../../helpers/exchange';

/* How a captured row is recognised as the resend of another (no marker can travel with it). */
const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const row = (id: string, url: string, startedAt: string, method = 'GET') => {
  const exchange = makeExchange({ url, method });
  exchange.id = id;
  exchange.startedAt = startedAt;
  return { exchange };
};

function setup() {
  const panel = createPanelStore();
  const resend = createResendStore();
  const requester = new MemoryPageRequester();
  let t = 0;
  const service = createResendService({
    requester,
    panel,
    resend,
    now: () => T0,
    newToken: () => `t${t++}`,
    captureWaitMs: 20,
  });
  return { panel, resend, requester, service };
}

describe('linking a resend to its capture', () => {
  it('links the first later row with the same method and URL, and opens the comparison', async () => {
    const { panel, resend, service } = setup();
    panel.getState().addRows([row('orig', 'https://a.example/x?q=1', '2026-11-22T09:00:00.000Z')]);
    await service.send('orig', draftFrom(panel.getState().rows[0]!.exchange));
    panel
      .getState()
      .addRows([
        row('older', 'https://a.example/x?q=1', '2026-11-22T09:59:00.000Z'),
        row('other-url', 'https://a.example/y', '2026-11-22T10:00:00.100Z'),
        row('other-method', 'https://a.example/x?q=1', '2026-11-22T10:00:00.100Z', 'POST'),
        row('resent', 'https://a.example/x?q=1#frag', '2026-11-22T10:00:00.200Z'),
        row('later', 'https://a.example/x?q=1', '2026-11-22T10:00:00.300Z'),
      ]);
    expect(resend.getState().links).toEqual({ resent: 'orig' });
    expect(resend.getState().comparison).toEqual({ beforeId: 'orig', afterId: 'resent', kind: 'resend' });
    expect(panel.getState().selectedId).toBe('resent');
  });

  it('two resends of one request link to two rows, in order', async () => {
    const { panel, resend, service } = setup();
    panel.getState().addRows([row('orig', 'https://a.example/x', '2026-11-22T09:00:00.000Z')]);
    const draft = draftFrom(panel.getState().rows[0]!.exchange);
    await service.send('orig', draft);
    await service.send('orig', draft);
    panel.getState().addRows([row('r1', 'https://a.example/x', '2026-11-22T10:00:01.000Z')]);
    panel.getState().addRows([row('r2', 'https://a.example/x', '2026-11-22T10:00:02.000Z')]);
    expect(resend.getState().resends.map((r) => [r.phase, r.resentId])).toEqual([
      ['linked', 'r1'],
      ['linked', 'r2'],
    ]);
  });

  it('a capture that arrives before the page’s answer is linked all the same', async () => {
    let answer: (o: PageFetchOutcome) => void = () => {};
    const panel = createPanelStore();
    const resend = createResendStore();
    const requester = new MemoryPageRequester(() => new Promise((r) => (answer = r)));
    const service = createResendService({ requester, panel, resend, now: () => T0, newToken: () => 't' });
    panel.getState().addRows([row('orig', 'https://a.example/x', '2026-11-22T09:00:00.000Z')]);
    const sending = service.send('orig', draftFrom(panel.getState().rows[0]!.exchange));
    panel.getState().addRows([row('resent', 'https://a.example/x', '2026-11-22T10:00:00.500Z')]);
    answer({
      kind: 'response',
      status: 200,
      statusText: '',
      url: 'https://a.example/x',
      redirected: false,
      startedAt: T0,
      elapsedMs: 1,
    });
    await sending;
    expect(resend.getState().resends[0]).toMatchObject({
      phase: 'linked',
      resentId: 'resent',
      outcome: { status: 200 },
    });
    service.dispose();
  });

  it('no capture within the wait: not captured', async () => {
    const { panel, resend, service } = setup();
    panel.getState().addRows([row('orig', 'https://a.example/x', '2026-11-22T09:00:00.000Z')]);
    await service.send('orig', draftFrom(panel.getState().rows[0]!.exchange));
    expect(resend.getState().resends[0]!.phase).toBe('sent');
    await new Promise((r) => setTimeout(r, 40));
    expect(resend.getState().resends[0]!.phase).toBe('not-captured');
  });

  it('normalizedUrl writes URLs as fetch and DevTools do', () => {
    expect(normalizedUrl('HTTPS://A.example:443/a b?x=1#h')).toBe('https://a.example/a%20b?x=1');
    expect(normalizedUrl('not a url')).toBe('');
  });
});
