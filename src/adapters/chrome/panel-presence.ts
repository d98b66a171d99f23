import { isMessage, PANEL_PORT, type Message } from '../../messaging/messages';
import type { PanelPresence } from '../ports';

/** How long to wait before reconnecting a port the worker dropped. */
const RECONNECT_MS = 200;

/**
 * Holds a port to the background for as long as the panel lives. Chrome stops an idle service
 * worker and breaks its ports with it; the panel then reconnects, which wakes the worker, and
 * announces itself again. A port that cannot be opened at all (the extension was reloaded or
 * removed under an open DevTools) ends the attempt.
 */
export function chromePanelPresence(): PanelPresence {
  return {
    attach(tabId, onClearRequested) {
      let port: chrome.runtime.Port | null = null;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const connect = () => {
        timer = null;
        try {
          port = chrome.runtime.connect({ name: PANEL_PORT });
        } catch {
          return;
        }
        port.onMessage.addListener((raw: unknown) => {
          if (isMessage(raw) && raw.type === 'panel/clear' && raw.tabId === tabId) onClearRequested();
        });
        port.onDisconnect.addListener(() => {
          port = null;
          if (!stopped) timer = setTimeout(connect, RECONNECT_MS);
        });
        const hello: Message = { type: 'panel/attach', tabId };
        port.postMessage(hello);
      };
      connect();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        port?.disconnect();
      };
    },
  };
}
