import { describe, expect, it } from 'vitest';
import {
  MemoryBadge,
  MemoryPermissions,
  MemorySessionArea,
  MemorySettingsStore,
  MemoryWebRequestSource,
} from '../../../src/adapters/memory';
import type { WebRequestEvent } from '../../../src/adapters/ports';
import { defaultSettings } from '../../../src/core/settings/schema';
import { addToSummary, emptySummary } from '../../../src/core/summary/summary';
import type { Message } from '../../../src/messaging/messages';
import { startBackground } from '../../../src/surfaces/background/start';

function setup(opts: { available?: boolean; monitoring?: boolean } = {}) {
  const settings = defaultSettings();
  settings.capture.monitoring = opts.monitoring ?? true;
  const settingsStore = new MemorySettingsStore(settings);
  const webRequest = new MemoryWebRequestSource(opts.available ?? true);
  const permissions = new MemoryPermissions(opts.available ?? true);
  const badge = new MemoryBadge();
  let handler: ((m: Message) => Promise<unknown>) | null = null;
  let tabRemoved: ((tabId: number) => void) | null = null;
  const bg = startBackground({
    area: new MemorySessionArea(),
    badge,
    settingsStore,
    permissions,
    webRequest,
    onMessage: (h) => (handler = h),
    onTabRemoved: (l) => (tabRemoved = l),
    summaryOptions: { flushMs: 1 },
  });
  return {
    bg,
    settingsStore,
    webRequest,
    permissions,
    badge,
    send: (m: Message) => handler!(m),
    removeTab: (id: number) => tabRemoved!(id),
  };
}

const done500: WebRequestEvent = {
  kind: 'completed',
  requestId: '1',
  tabId: 4,
  method: 'GET',
  url: 'https://a.test/x',
  type: 'xmlhttprequest',
  timeStamp: 1,
  statusCode: 500,
  statusLine: 'HTTP/1.1 500 Internal Server Error',
  responseHeaders: [],
};

const withErrors = addToSummary(
  emptySummary(1),
  [
    {
      method: 'GET',
      url: 'https://a.test/a',
      status: 401,
      findings: [{ rule: 'http/unauthorized-challenge', severity: 'error', message: 'm' }],
    },
    { method: 'GET', url: 'https://a.test/b', status: 500, findings: [] },
    { method: 'GET', url: 'https://a.test/c', status: 502, findings: [] },
  ],
  1,
);

describe('the background worker', () => {
  it('listens to webRequest at start-up when the permission is already granted', async () => {
    const { bg, webRequest } = setup();
    expect(webRequest.listenerCount).toBe(1);
    expect(bg.isMonitoring()).toBe(true);
    webRequest.emit(done500);
    await bg.monitor.handle({ ...done500, requestId: '2' });
    expect((await bg.summaries.get(4))!.families['5xx']).toBe(2);
  });

  it('starts listening when the permission is granted and stops when it is withdrawn', () => {
    const { bg, webRequest, permissions } = setup({ available: false });
    expect(webRequest.listenerCount).toBe(0);
    webRequest.isAvailable = true;
    permissions.setGranted(true);
    expect(webRequest.listenerCount).toBe(1);
    permissions.setGranted(true);
    expect(webRequest.listenerCount).toBe(1);
    webRequest.isAvailable = false;
    permissions.setGranted(false);
    expect(webRequest.listenerCount).toBe(0);
    expect(bg.isMonitoring()).toBe(false);
  });

  it('answers summary messages from the panel and popup', async () => {
    const { send, badge } = setup();
    await send({ type: 'summary/replace', tabId: 9, summary: withErrors });
    expect(await send({ type: 'summary/get', tabId: 9 })).toEqual({ summary: withErrors });
    expect(badge.badges.get(9)?.text).toBe('1');
    await send({ type: 'summary/clear', tabId: 9 });
    expect(await send({ type: 'summary/get', tabId: 9 })).toEqual({ summary: null });
  });

  it('repaints badges when the badge mode setting changes', async () => {
    const { bg, send, badge, settingsStore } = setup();
    await send({ type: 'summary/replace', tabId: 9, summary: withErrors });
    expect(badge.badges.get(9)?.text).toBe('1');
    const next = defaultSettings();
    next.capture.badgeMode = '5xx';
    await settingsStore.save(next);
    await bg.summaries.flush();
    expect(badge.badges.get(9)?.text).toBe('2');
  });

  it('forgets a closed tab', async () => {
    const { bg, send, removeTab } = setup();
    await send({ type: 'summary/replace', tabId: 9, summary: withErrors });
    removeTab(9);
    expect(await bg.summaries.get(9)).toBeNull();
  });
});
