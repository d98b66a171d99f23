import { listOf } from '../../core/text/list';
import { countOf } from '../../core/text/plural';
import { selectVisibleRows } from '../../state/panel-selectors';
import type { Filter, PanelState } from '../../state/panel-store';
import { usePanel } from './panel-context';

/** A filter that can hide rows: its name in the sentence, its button, and what turns it off. */
interface Hider {
  name: string;
  clear: string;
  off: Partial<Filter>;
}

/** The filters now on, in the toolbar's order. */
function hidersOf(f: Filter): Hider[] {
  const on: Hider[] = [];
  if (f.apiOnly) on.push({ name: 'API only', clear: 'Turn off API only', off: { apiOnly: false } });
  if (f.findingsOnly)
    on.push({ name: 'Findings only', clear: 'Turn off Findings only', off: { findingsOnly: false } });
  if (f.families.length > 0)
    on.push({ name: 'the status chips', clear: 'Clear the status chips', off: { families: [] } });
  if (f.query.trim() !== '') on.push({ name: 'the search', clear: 'Clear the search', off: { query: '' } });
  return on;
}

/** Requests held, none shown, and no worker search still looking: the filters hide them all. */
const selectAllHidden = (s: PanelState): boolean =>
  s.rows.length > 0 && selectVisibleRows(s).length === 0 && !(s.search && !s.search.done);

/**
 * In the list's place when the filters hide every request (an import of HTML form posts under
 * API only, say): says how many and by what, with a button to show them. The status bar's
 * "0 of 31 shown" is easy to miss, and a side-docked panel keeps the toggles behind a ⋯ menu.
 */
export function FilteredOut() {
  const allHidden = usePanel(selectAllHidden);
  const total = usePanel((s) => s.rows.length);
  const filter = usePanel((s) => s.filter);
  const setFilter = usePanel((s) => s.setFilter);
  if (!allHidden) return null;
  const hiders = hidersOf(filter);
  if (hiders.length === 0) return null;
  const names = hiders.map((h) => h.name);
  const showAll = Object.assign({}, ...hiders.map((h) => h.off)) as Partial<Filter>;
  return (
    <div className="empty-state filtered-out" role="status">
      <p>
        {countOf(total, 'request')} hidden by {listOf(names)}.
      </p>
      <p className="filtered-out-actions">
        <button type="button" onClick={() => setFilter(showAll)}>
          Show all requests
        </button>
        {hiders.length > 1 &&
          hiders.map((h) => (
            <button key={h.name} type="button" onClick={() => setFilter(h.off)}>
              {h.clear}
            </button>
          ))}
      </p>
    </div>
  );
}
