import type {
  BadgePort,
  PanelLink,
  PermissionsPort,
  SessionArea,
  SettingsStore,
  Unsubscribe,
  WebRequestSource,
} from '../../adapters/ports';
import type { Message } from '../../messaging/messages';
import { createMonitor } from './monitor';
import { createSettingsCache } from './settings-cache';
import { createSummaryService, type SummaryServiceOptions } from './summary-service';

export interface BackgroundDeps {
  area: SessionArea;
  badge: BadgePort;
  settingsStore: SettingsStore;
  permissions: PermissionsPort;
  webRequest: WebRequestSource;
  onMessage(handler: (message: Message) => Promise<unknown>): void;
  onTabRemoved(listener: (tabId: number) => void): void;
  /** A panel opened on tabId; the returned function runs when it goes away (DevTools closed). */
  onPanelConnected(listener: (tabId: number, link: PanelLink) => () => void): void;
  summaryOptions?: SummaryServiceOptions;
}

/**
 * Everything the worker does, wired synchronously: a worker woken by an event only delivers it
 * to listeners that exist by the end of its first turn.
 */
export function startBackground(deps: BackgroundDeps) {
  const settings = createSettingsCache(deps.settingsStore);
  const summaries = createSummaryService(
    deps.area,
    deps.badge,
    async () => (await settings.get()).capture.badgeMode,
    deps.summaryOptions,
  );
  const monitor = createMonitor({ summaries, settings: settings.get });
  let stopWebRequest: Unsubscribe | null = null;
  const isMonitoring = () => stopWebRequest !== null;

  // Open panels by tab. In memory only: when the worker is stopped their ports break, and each
  // panel reconnects (and re-announces itself) straight away.
  const panels = new Map<number, Set<PanelLink>>();
  deps.onPanelConnected((tabId, link) => {
    const links = panels.get(tabId) ?? new Set<PanelLink>();
    links.add(link);
    panels.set(tabId, links);
    void summaries.claim(tabId);
    return () => {
      links.delete(link);
      if (links.size > 0) return;
      panels.delete(tabId);
      void (async () => {
        const monitored = isMonitoring() && (await settings.get()).capture.monitoring;
        await summaries.release(tabId, monitored);
      })();
    };
  });

  deps.onMessage(async (message) => {
    // "Clear this tab" from the popup also empties the list of a panel open on the tab; otherwise
    // its next summary would bring the numbers straight back.
    if (message.type === 'tab/clear') for (const link of panels.get(message.tabId) ?? []) link.clear();
    return summaries.handle(message);
  });
  deps.onTabRemoved((tabId) => {
    panels.delete(tabId);
    void summaries.remove(tabId);
  });
  settings.onChange((next, previous) => {
    if (previous === null || previous.capture.badgeMode !== next.capture.badgeMode)
      void summaries.renderAll();
    if (previous?.capture.monitoring && !next.capture.monitoring) void summaries.dropMonitored();
  });

  // webRequest is there only while the optional permission is granted: listen when it is present
  // at start-up, start when it is granted, stop when it is withdrawn.
  const attach = () => {
    if (stopWebRequest || !deps.webRequest.available()) return;
    stopWebRequest = deps.webRequest.subscribe((event) => void monitor.handle(event));
  };
  const detach = () => {
    if (!stopWebRequest) return;
    stopWebRequest();
    stopWebRequest = null;
    void summaries.dropMonitored();
  };
  attach();
  deps.permissions.onChanged((granted) => (granted ? attach() : detach()));

  return { summaries, monitor, settings, isMonitoring };
}
