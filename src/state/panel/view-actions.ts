import type { PanelState, SortColumn } from './types';

/** The sort a column header starts with: worst findings, biggest and slowest first; the rest ascending. */
const FIRST_DESCENDING: ReadonlySet<SortColumn> = new Set(['findings']);

/**
 * What the list shows and how: the selection, filter, sort, view, detail tab, the Codes view and
 * the worker's search answer; and the settings, whose API-only switch starts the filter's toggle.
 */
export function viewActions(
  set: (partial: Partial<PanelState>) => void,
  get: () => PanelState,
): Pick<
  PanelState,
  | 'select'
  | 'follow'
  | 'setFilter'
  | 'toggleFamily'
  | 'setSort'
  | 'setView'
  | 'setEndpointsMode'
  | 'dismissSuggestion'
  | 'addDismissed'
  | 'setDetailTab'
  | 'showCode'
  | 'setCodesQuery'
  | 'setSearch'
  | 'setSettings'
> {
  /** Whether the user has clicked "API only" in this panel. */
  let apiOnlyChosen = false;
  return {
    select(id) {
      set({ selectedId: id, linked: null, focusPointer: null });
    },
    follow(id, from) {
      set({ selectedId: id, linked: { id, from }, focusPointer: null });
    },
    setFilter(patch) {
      if (patch.apiOnly !== undefined) apiOnlyChosen = true;
      set({ filter: { ...get().filter, ...patch } });
    },
    toggleFamily(family) {
      const fams = get().filter.families;
      set({
        filter: {
          ...get().filter,
          families: fams.includes(family) ? fams.filter((f) => f !== family) : [...fams, family],
        },
      });
    },
    setSort(column) {
      const s = get().sort;
      const first = FIRST_DESCENDING.has(column);
      if (s.column !== column) set({ sort: { column, descending: first } });
      else if (s.descending === first) set({ sort: { column, descending: !first } });
      else set({ sort: { column: 'seq', descending: false } });
    },
    setView: (view) => set({ view }),
    setEndpointsMode: (endpointsMode) => set({ endpointsMode }),
    dismissSuggestion(key) {
      const had = get().dismissedSuggestions;
      if (!had.includes(key)) set({ dismissedSuggestions: [...had, key] });
    },
    addDismissed(keys) {
      const had = get().dismissedSuggestions;
      const added = keys.filter((k) => !had.includes(k));
      if (added.length > 0) set({ dismissedSuggestions: [...had, ...added] });
    },
    setDetailTab: (tab, focusPointer = null) => set({ detailTab: tab, focusPointer }),
    setSettings(next) {
      const prev = get().settings;
      const patch: Partial<PanelState> = { settings: next };
      // The stored setting is where the toggle starts; once the user clicks it here, settings
      // arriving later (another page's save, a slow read) do not undo the click.
      if (!apiOnlyChosen && prev.capture.apiOnly !== next.capture.apiOnly)
        patch.filter = { ...get().filter, apiOnly: next.capture.apiOnly };
      set(patch);
    },
    showCode: (code) => set({ view: 'codes', codesQuery: code }),
    setCodesQuery: (codesQuery) => set({ codesQuery }),
    setSearch: (search) => set({ search }),
  };
}
