import { isMessage, type Message } from '../../messaging/messages';

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
