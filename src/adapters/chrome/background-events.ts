import { isMessage, PANEL_PORT, type Message } from '../../messaging/messages';
import type { PanelLink } from '../ports';

/**
 * Routes runtime messages to a handler. Only messages from this extension that pass the type
 * guard are handled; the reply goes back through sendResponse, so the listener returns true.
 */
export function onMessage(handler: (message: Message) => Promise<unknown>): void {
  chrome.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || !isMessage(raw)) return false;
    handler(raw).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  chrome.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/**
 * Panels announce themselves on a long-lived port; its disconnection is how the worker learns
 * that DevTools closed (there is no event for that). The first valid `panel/attach` names the tab.
 */
export function onPanelConnected(listener: (tabId: number, link: PanelLink) => () => void): void {
  chrome.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT || port.sender?.id !== chrome.runtime.id) return;
    let detach: (() => void) | null = null;
    port.onMessage.addListener((raw: unknown) => {
      if (detach || !isMessage(raw) || raw.type !== 'panel/attach') return;
      const tabId = raw.tabId;
      const clear: Message = { type: 'panel/clear', tabId };
      detach = listener(tabId, {
        clear: () => {
          try {
            port.postMessage(clear);
          } catch {
            // The panel went away between the click and now; its list went with it.
          }
        },
      });
    });
    port.onDisconnect.addListener(() => {
      detach?.();
      detach = null;
    });
  });
}
