import { startMs } from '../../core/exchange/start';
import { exchangeFacts } from '../../core/filter/query';
import { insertInOrder } from './row-order';
import type { PanelState } from './types';

/** The listed requests: arriving, completed, analysed, cleared (`rows` and what goes with them). */
export function rowActions(
  set: (partial: Partial<PanelState>) => void,
  get: () => PanelState,
): Pick<PanelState, 'addRows' | 'updateExchanges' | 'applyAnalyses' | 'clearAnalyses' | 'clear'> {
  let seq = 0;
  /** The latest start seen: a row without one is placed as if it started then. */
  let latestStart = Number.NEGATIVE_INFINITY;
  return {
    addRows(incoming) {
      if (incoming.length === 0) return;
      const { rows, settings, dropped, selectedId } = get();
      const added = incoming.map((r) => {
        let start = startMs(r.exchange.startedAt);
        if (Number.isNaN(start)) start = latestStart === Number.NEGATIVE_INFINITY ? 0 : latestStart;
        else latestStart = Math.max(latestStart, start);
        return { ...r, facts: exchangeFacts(r.exchange), seq: seq++, start };
      });
      const merged = insertInOrder(rows, added);
      let next = merged.rows;
      let drop = 0;
      // Retention cap: keep memory bounded on long sessions by dropping the oldest.
      const cap = settings.capture.retentionCap;
      if (cap > 0 && next.length > cap) {
        drop = next.length - cap;
        next = next.slice(drop);
      }
      const stillSelected = selectedId !== null && next.some((r) => r.exchange.id === selectedId);
      set({
        rows: next,
        rowsAppendedTo: merged.appended ? rows : null,
        rowsDroppedFromFront: merged.appended ? drop : 0,
        dropped: dropped + drop,
        selectedId: stillSelected ? selectedId : null,
      });
    },
    updateExchanges(updated) {
      if (updated.length === 0) return;
      const byId = new Map(updated.map((u) => [u.exchange.id, u]));
      let matched = false;
      const rows = get().rows.map((row) => {
        const u = byId.get(row.exchange.id);
        if (!u) return row;
        matched = true;
        const { bodyNote: _note, ...kept } = row;
        return {
          ...kept,
          exchange: u.exchange,
          facts: exchangeFacts(u.exchange),
          ...(u.bodyNote !== undefined ? { bodyNote: u.bodyNote } : {}),
        };
      });
      if (matched) set({ rowsAppendedTo: null, rowsDroppedFromFront: 0, rows });
    },
    applyAnalyses(results) {
      if (results.length === 0) return;
      const byId = new Map(results.map((r) => [r.id, r.analysis]));
      let matched = false;
      const rows = get().rows.map((row) => {
        const a = byId.get(row.exchange.id);
        if (!a) return row;
        matched = true;
        return { ...row, analysis: a };
      });
      if (matched) set({ rowsAppendedTo: null, rowsDroppedFromFront: 0, rows });
    },
    clearAnalyses() {
      set({
        rowsAppendedTo: null,
        rowsDroppedFromFront: 0,
        rows: get().rows.map(({ analysis: _a, ...row }) => row),
      });
    },
    clear() {
      latestStart = Number.NEGATIVE_INFINITY;
      set({
        rows: [],
        rowsAppendedTo: null,
        rowsDroppedFromFront: 0,
        dropped: 0,
        selectedId: null,
        notice: null,
        generation: get().generation + 1,
      });
    },
  };
}
