import { describe, expect, it, vi } from 'vitest';
import {
  MemoryBadge,
  MemoryPermissions,
  MemorySessionArea,
  MemorySettingsStore,
  MemoryWebRequestSource,
} from '../../../src/adapters/memory';
import type { PanelLink, WebRequestEvent } from '../../../src/adapters/ports';
import { defaultSettings } from '../../../src/core/settings/schema';
import { addToSummary, emptySummary, type TabSummary } from '../../../src/core/summary/summary';
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
  let panelConnected: ((tabId: number, link: PanelLink) => () => void) | null = null;
  const bg = startBackground({
    area: new MemorySessionArea(),
    badge,
    settingsStore,
    permissions,
    webRequest,
    onMessage: (h) => (handler = h),
    onTabRemoved: (l) => (tabRemoved = l),
    onPanelConnected: (l) => (panelConnected = l),
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
    /** A panel opens on the tab; returns its clear requests and the way to close it. */
    openPanel(tabId: number) {
      const clears: number[] = [];
      const close = panelConnected!(tabId, { clear: () => clears.push(tabId) });
      return { clears, close };
    },
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

const total = (s: TabSummary | null) => Object.values(s?.families ?? {}).reduce((a, b) => a + b, 0);

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

  it('keeps a closed tab closed when its aborted requests report late', async () => {
    const { bg, webRequest, removeTab } = setup();
    webRequest.emit(done500);
    removeTab(4);
    webRequest.emit({ ...done500, requestId: 'late', kind: 'failed', error: 'net::ERR_ABORTED' });
    await bg.monitor.handle({ ...done500, requestId: 'later' });
    await bg.summaries.flush();
    expect(await bg.summaries.get(4)).toBeNull();
    expect(await bg.summaries.get(4)).toBeNull();
  });

  it('drops a panel’s numbers when DevTools closes and nothing else watches the tab', async () => {
    const { bg, send, badge, webRequest, permissions, openPanel } = setup({ monitoring: false });
    webRequest.isAvailable = false;
    permissions.setGranted(false);
    const panel = openPanel(9);
    await send({ type: 'summary/replace', tabId: 9, summary: withErrors });
    expect(badge.badges.get(9)?.text).toBe('1');
    panel.close();
    await vi.waitFor(async () => expect(badge.badges.has(9)).toBe(false));
    expect(await bg.summaries.get(9)).toBeNull();
  });

  it('hands a tab to monitoring when DevTools closes, which goes on counting', async () => {
    const { bg, send, webRequest, openPanel } = setup({ monitoring: true });
    const panel = openPanel(4);
    await send({ type: 'summary/replace', tabId: 4, summary: withErrors });
    // While the panel is open its summary is the whole truth; monitoring stands aside.
    webRequest.emit(done500);
    await bg.monitor.handle({ ...done500, requestId: 'a' });
    expect(total(await bg.summaries.get(4))).toBe(3);
    panel.close();
    await vi.waitFor(async () => {
      await bg.monitor.handle({ ...done500, requestId: `b${Math.random()}` });
      expect(total(await bg.summaries.get(4))).toBeGreaterThan(3);
    });
  });

  it('"Clear this tab" from the popup also clears the list of a panel open on it', async () => {
    const { bg, send, openPanel } = setup();
    const panel = openPanel(9);
    const other = openPanel(10);
    await send({ type: 'summary/replace', tabId: 9, summary: withErrors });
    await send({ type: 'tab/clear', tabId: 9 });
    expect(panel.clears).toEqual([9]);
    expect(other.clears).toEqual([]);
    expect(await bg.summaries.get(9)).toBeNull();
    // The panel's own Clear does not echo back to it.
    await send({ type: 'summary/clear', tabId: 9 });
    expect(panel.clears).toEqual([9]);
  });

  it('forgets what only monitoring counted when monitoring is switched off', async () => {
    const { bg, send, badge, webRequest, settingsStore } = setup({ monitoring: true });
    await send({ type: 'summary/replace', tabId: 9, summary: withErrors });
    webRequest.emit({ ...done500, tabId: 4 });
    await bg.monitor.handle({ ...done500, requestId: 'x' });
    await bg.summaries.flush();
    expect(badge.badges.has(4)).toBe(false); // 5xx counted; errors mode shows none for a plain 500
    expect(total(await bg.summaries.get(4))).toBe(2);
    const off = defaultSettings();
    off.capture.monitoring = false;
    await settingsStore.save(off);
    await vi.waitFor(async () => expect(await bg.summaries.get(4)).toBeNull());
    // The panel's tab is not monitoring's to forget.
    expect(total(await bg.summaries.get(9))).toBe(3);
    expect(badge.badges.get(9)?.text).toBe('1');
  });

  it('forgets what only monitoring counted when its permission is withdrawn', async () => {
    const { bg, webRequest, permissions } = setup({ monitoring: true });
    await bg.monitor.handle(done500);
    await bg.summaries.flush();
    expect(total(await bg.summaries.get(4))).toBe(1);
    webRequest.isAvailable = false;
    permissions.setGranted(false);
    await vi.waitFor(async () => expect(await bg.summaries.get(4)).toBeNull());
  });
});
