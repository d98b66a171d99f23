import type { TabsPort } from '../ports';

export function chromeTabs(): TabsPort {
  return {
    async activeTabId() {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    },
    openOptions: () => void chrome.runtime.openOptionsPage(),
  };
}
