import type { DevtoolsSearch, Unsubscribe } from '../../adapters/ports';
import type { PanelStore } from '../../state/panel-store';
import { selectVisibleRows } from '../../state/panel-selectors';

/**
 * DevTools' own search bar drives the filter box (issue #16): DevTools keeps Ctrl/⌘+F, so this
 * is what the user reaches for. Typing there (performSearch) puts the text in the filter box;
 * Escape (cancelSearch) gives back the filter the user had before the search began; Enter /
 * Shift+Enter (next / previous result) select the next / previous row the filter shows — every
 * shown row matches, so that is a step through the visible list, wrapping.
 *
 * The box is filled, not focused. Tried in real DevTools: focusing it pulls the keyboard out of
 * DevTools' bar after its first performSearch, so the rest of the word lands in our box, DevTools'
 * bar keeps the first letters, Enter and Escape stop reaching DevTools, and closing the bar later
 * (cancelSearch) would throw away what was typed in the box. Left in DevTools' bar, every key,
 * Enter and Escape keep working; the user clicks the box (or presses `/`) to edit it there.
 */
export function followDevtoolsSearch(search: DevtoolsSearch, store: PanelStore): Unsubscribe {
  /** The filter text before this search began; null while no search is running. */
  let before: string | null = null;
  return search.onSearch(({ action, query }) => {
    const state = store.getState();
    switch (action) {
      case 'performSearch':
        if (before === null) before = state.filter.query;
        if (state.filter.query !== query) state.setFilter({ query });
        // The Codes view has no filter box or list: show the requests the search narrows.
        if (state.view === 'codes') state.setView('requests');
        return;
      case 'cancelSearch':
        if (before === null) return;
        if (state.filter.query !== before) state.setFilter({ query: before });
        before = null;
        return;
      case 'nextSearchResult':
      case 'previousSearchResult': {
        const rows = selectVisibleRows(state);
        if (rows.length === 0) return;
        const at = state.selectedId === null ? -1 : rows.findIndex((r) => r.exchange.id === state.selectedId);
        const step = action === 'nextSearchResult' ? 1 : -1;
        // Nothing selected (or selection hidden): next starts at the first row, previous at the last.
        const next = at < 0 ? (step > 0 ? 0 : rows.length - 1) : (at + step + rows.length) % rows.length;
        state.select(rows[next]!.exchange.id);
        return;
      }
    }
  });
}
