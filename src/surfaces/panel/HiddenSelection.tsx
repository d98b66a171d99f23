import { selectVisibleRows } from '../../state/panel-selectors';
import type { Filter, PanelState } from '../../state/panel-store';
import { usePanel } from './panel-context';

/**
 * Whether the selected request is one the filters now hide, memoised on (visible list,
 * selection): the detail must not show a row the list does not, as if it were still selected.
 */
function createHiddenSelectionSelector() {
  let lastVisible: unknown = null;
  let lastId: string | null = null;
  let result = false;
  return (s: PanelState): boolean => {
    const visible = selectVisibleRows(s);
    if (visible === lastVisible && s.selectedId === lastId) return result;
    lastVisible = visible;
    lastId = s.selectedId;
    const id = s.selectedId;
    result =
      id !== null && !visible.some((r) => r.exchange.id === id) && s.rows.some((r) => r.exchange.id === id);
    return result;
  };
}

export const selectSelectionHidden = createHiddenSelectionSelector();

/** "Clear the filter": what the hidden-selection notes clear (API only stays as the user set it). */
export const CLEAR_FILTER: Readonly<Partial<Filter>> = { query: '', families: [], findingsOnly: false };
export const CLEAR_FILTER_TITLE = 'Clear the search box, the status chips and Findings only';

/** What the detail pane says instead of the request, when the filters hide the selected one. */
export function HiddenSelection() {
  const select = usePanel((s) => s.select);
  const setFilter = usePanel((s) => s.setFilter);
  return (
    <div className="detail detail-empty detail-hidden" role="status">
      <p>The selected request is hidden by the current filter.</p>
      <p>
        <button type="button" onClick={() => select(null)}>
          Close
        </button>{' '}
        <button type="button" onClick={() => setFilter(CLEAR_FILTER)} title={CLEAR_FILTER_TITLE}>
          Clear the filter
        </button>
      </p>
    </div>
  );
}
