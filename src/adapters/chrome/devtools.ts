import type { DevtoolsEnvironment, DevtoolsSearch, PanelWindowLink, ThemeName } from '../ports';
import { extensionPanelSearch, panelWindowLink } from './devtools-search';

const themeOf = (name: string | undefined): ThemeName => (name === 'dark' ? 'dark' : 'light');

/** What the devtools page gets once its panel exists. */
export interface RegisteredPanel {
  /** DevTools' search bar over the panel. */
  search: DevtoolsSearch;
  /** The panel page's window, once shown. */
  panelWindow: PanelWindowLink;
}

/** Registers the panel. The path is relative to the extension root, as the API requires. */
export function registerPanel(
  title: string,
  iconPath: string,
  pagePath: string,
  onCreated?: (panel: RegisteredPanel) => void,
): void {
  chrome.devtools.panels.create(title, iconPath, pagePath, (panel) => {
    // The window link listens to onShown from the start: the first search comes after a show.
    onCreated?.({ search: extensionPanelSearch(panel), panelWindow: panelWindowLink(panel) });
  });
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
