import { selectVisibleRows } from '../../state/panel-selectors';
import type { PanelState } from '../../state/panel-store';
import { REVEAL, selectHiddenCause } from './hidden-cause';
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

/** What the detail pane says instead of the request, when the filters hide the selected one. */
export function HiddenSelection() {
  const select = usePanel((s) => s.select);
  const setFilter = usePanel((s) => s.setFilter);
  const cause = usePanel(selectHiddenCause);
  const reveal = REVEAL[cause ?? 'filter'];
  return (
    <div className="detail detail-empty detail-hidden" role="status">
      <p>The selected request is hidden by {reveal.by}.</p>
      <p>
        <button type="button" onClick={() => select(null)}>
          Close
        </button>{' '}
        <button type="button" onClick={() => setFilter(reveal.change)} title={reveal.title}>
          {reveal.label}
        </button>
      </p>
    </div>
  );
}
