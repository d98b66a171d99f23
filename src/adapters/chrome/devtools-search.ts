import { isDevtoolsSearchAction, isMessage, type Message } from '../../messaging/messages';
import type { DevtoolsSearch, DevtoolsSearchEvent, PanelWindowLink } from '../ports';

type ExtensionPanel = chrome.devtools.panels.ExtensionPanel;

/**
 * DevTools' search bar over our panel. Chrome keeps Ctrl/⌘+F for that bar (the key is forwarded
 * out of the panel's frame), and tells the panel's creator what the user does there through
 * onSearch: performSearch with the text at each keystroke, nextSearchResult (Enter, ↓),
 * previousSearchResult (Shift+Enter, ↑), cancelSearch (Escape, bar closed).
 */
export function extensionPanelSearch(panel: ExtensionPanel): DevtoolsSearch {
  return {
    onSearch(listener) {
      const handler = (action: string, queryString?: string) => {
        if (!isDevtoolsSearchAction(action)) return;
        listener({ action, query: action === 'performSearch' ? (queryString ?? '') : '' });
      };
      panel.onSearch.addListener(handler);
      return () => panel.onSearch.removeListener(handler);
    },
  };
}

/**
 * The panel's window, as onShown last handed it over. The devtools page and the panel are
 * same-origin frames in one DevTools window, so a postMessage reaches exactly this panel (a
 * runtime message would wake the service worker and reach every open panel).
 */
export function panelWindowLink(panel: ExtensionPanel): PanelWindowLink {
  let target: Window | null = null;
  panel.onShown.addListener((win: Window) => {
    target = win;
  });
  return {
    post(message: Message) {
      // Before the panel was first shown there is nobody to tell (DevTools only searches a shown panel).
      target?.postMessage(message, location.origin);
    },
  };
}

/**
 * The panel's end: `panel/search` messages the devtools page posted to this window. Only this
 * extension's own pages (same origin) are listened to, and only messages the guard accepts.
 */
export function panelSearchInbox(win: Window = window): DevtoolsSearch {
  return {
    onSearch(listener: (event: DevtoolsSearchEvent) => void) {
      const onMessage = (e: MessageEvent) => {
        if (e.origin !== win.location.origin || !isMessage(e.data) || e.data.type !== 'panel/search') return;
        listener({ action: e.data.action, query: e.data.query });
      };
      win.addEventListener('message', onMessage);
      return () => win.removeEventListener('message', onMessage);
    },
  };
}
