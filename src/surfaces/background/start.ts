import type {
  BadgePort,
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

  deps.onMessage((message) => summaries.handle(message));
  deps.onTabRemoved((tabId) => void summaries.remove(tabId));
  settings.onChange((next, previous) => {
    if (previous === null || previous.capture.badgeMode !== next.capture.badgeMode)
      void summaries.renderAll();
  });

  // webRequest is there only while the optional permission is granted: listen when it is present
  // at start-up, start when it is granted, stop when it is withdrawn.
  let stopWebRequest: Unsubscribe | null = null;
  const attach = () => {
    if (stopWebRequest || !deps.webRequest.available()) return;
    stopWebRequest = deps.webRequest.subscribe((event) => void monitor.handle(event));
  };
  const detach = () => {
    stopWebRequest?.();
    stopWebRequest = null;
  };
  attach();
  deps.permissions.onChanged((granted) => (granted ? attach() : detach()));

  return { summaries, monitor, settings, isMonitoring: () => stopWebRequest !== null };
}
