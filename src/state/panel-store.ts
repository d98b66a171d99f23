import { createStore } from 'zustand/vanilla';
import { defaultSettings } from '../core/settings/schema';
import { rowActions } from './panel/row-actions';
import type { PanelState, PanelStore } from './panel/types';
import { viewActions } from './panel/view-actions';

export type {
  DetailTab,
  Filter,
  PanelState,
  PanelStore,
  PanelView,
  Row,
  SortColumn,
  WorkerSearch,
} from './panel/types';

/**
 * The panel's store. Its shape is in src/state/panel/types.ts; the list's actions (rows
 * arriving, analysed, cleared) in row-actions.ts, over row-order.ts's request order; how the
 * list is shown (filter, sort, selection, views) in view-actions.ts.
 */
export function createPanelStore(
  initial: Partial<Pick<PanelState, 'settings' | 'preserveLog'>> = {},
): PanelStore {
  const settings = initial.settings ?? defaultSettings();
  return createStore<PanelState>()((set, get) => ({
    rows: [],
    rowsAppendedTo: null,
    rowsDroppedFromFront: 0,
    dropped: 0,
    selectedId: null,
    linked: null,
    recording: true,
    preserveLog: initial.preserveLog ?? settings.capture.preserveLog,
    compareIgnoreHost: false,
    filter: { families: [], query: '', apiOnly: settings.capture.apiOnly, findingsOnly: false },
    sort: { column: 'seq', descending: false },
    view: 'requests',
    endpointsMode: 'routes',
    dismissedSuggestions: [],
    detailTab: 'overview',
    focusPointer: null,
    settings,
    notice: null,
    contracts: null,
    contractsOff: [],
    codesQuery: '',
    search: null,
    generation: 0,
    seenCodes: {},
    markCodeSeen(code) {
      if (get().seenCodes[code]) return;
      set({ seenCodes: { ...get().seenCodes, [code]: true } });
    },
    setRecording: (on) => set({ recording: on }),
    setPreserveLog: (on) => set({ preserveLog: on }),
    setCompareIgnoreHost: (on) => set({ compareIgnoreHost: on }),
    setNotice: (notice) => set({ notice }),
    setContracts: (contracts) =>
      set({
        contracts:
          contracts && (contracts.outlines.length > 0 || contracts.problems.length > 0) ? contracts : null,
      }),
    setContractsOff: (contractsOff) => set({ contractsOff }),
    ...rowActions(set, get),
    ...viewActions(set, get),
  }));
}
