import type { DevtoolsEnvironment } from '../ports';

/** Registers the panel. The path is relative to the extension root, as the API requires. */
export function registerPanel(title: string, iconPath: string, pagePath: string): void {
  chrome.devtools.panels.create(title, iconPath, pagePath);
}

export function devtoolsEnvironment(): DevtoolsEnvironment {
  return {
    inspectedTabId: chrome.devtools.inspectedWindow.tabId,
    theme: chrome.devtools.panels.themeName === 'dark' ? 'dark' : 'light',
  };
}
