import type { DevtoolsSearch, PanelWindowLink, Unsubscribe } from '../../adapters/ports';

/**
 * Hands what the user does in DevTools' search bar (Ctrl/⌘+F over our panel) to the panel page,
 * which puts the text in its filter box. The devtools page is the only one DevTools tells.
 */
export function relaySearch(search: DevtoolsSearch, panel: PanelWindowLink): Unsubscribe {
  return search.onSearch(({ action, query }) => panel.post({ type: 'panel/search', action, query }));
}
