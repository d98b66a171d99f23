import type { DevtoolsEnvironment, ThemeName } from '../ports';

const themeOf = (name: string | undefined): ThemeName => (name === 'dark' ? 'dark' : 'light');

/** Registers the panel. The path is relative to the extension root, as the API requires. */
export function registerPanel(title: string, iconPath: string, pagePath: string): void {
  chrome.devtools.panels.create(title, iconPath, pagePath);
}

export function devtoolsEnvironment(): DevtoolsEnvironment {
  const panels = chrome.devtools.panels;
  return {
    inspectedTabId: chrome.devtools.inspectedWindow.tabId,
    theme: themeOf(panels.themeName),
    onThemeChanged(listener) {
      // Chrome keeps one handler per page; older versions lack the method altogether.
      if (typeof panels.setThemeChangeHandler !== 'function') return () => {};
      panels.setThemeChangeHandler((name) => listener(themeOf(name)));
      return () => panels.setThemeChangeHandler();
    },
  };
}
