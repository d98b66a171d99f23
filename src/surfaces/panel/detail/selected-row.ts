import type { PanelState, Row } from '../../../state/panel-store';

/**
 * The selected row, memoised on (rows, selectedId): selectors run on every store change and the
 * list can hold 20,000 rows, so the lookup is redone only when one of its inputs changed.
 */
export function createSelectedRowSelector() {
  let lastRows: readonly Row[] | null = null;
  let lastId: string | null = null;
  let result: Row | undefined;
  return (s: PanelState): Row | undefined => {
    if (s.rows === lastRows && s.selectedId === lastId) return result;
    lastRows = s.rows;
    lastId = s.selectedId;
    result = s.selectedId === null ? undefined : s.rows.find((r) => r.exchange.id === s.selectedId);
    return result;
  };
}
