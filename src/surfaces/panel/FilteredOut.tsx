import { listOf } from '../../core/text/list';
import { countOf } from '../../core/text/plural';
import { countThrough, selectFamilyCounts, selectVisibleRows } from '../../state/panel-selectors';
import type { Filter, PanelState } from '../../state/panel-store';
import { usePanel, usePanelApi } from './panel-context';

/** A way to show what is hidden: its button's label and the filter change it makes. */
export interface Remedy {
  label: string;
  change: Partial<Filter>;
}

/** Why the filters hide every request, in words, and what shows them again. */
export interface HiddenReason {
  text: string;
  remedies: Remedy[];
}

const TOGGLES = [
  { key: 'apiOnly', name: 'API only' },
  { key: 'findingsOnly', name: 'Findings only' },
] as const;

const NO_TOGGLES: Partial<Filter> = { apiOnly: false, findingsOnly: false };

/** "Turn off API only", "Turn off API only and Findings only". */
const turnOff = (names: string[]): string => `Turn off ${listOf(names)}`;

/**
 * Why `s.filter` hides all of `s.rows`, weighed filter by filter: the search first (matches it
 * nothing at all?), then the toggles (which of them hide what the search matches?), then the
 * status chips (no such status among what the rest lets through?). Each case names only the
 * filters that do hide the requests, and offers what clears them; null when no filter is on.
 */
export function hiddenReason(s: PanelState): HiddenReason | null {
  const f = s.filter;
  const total = s.rows.length;
  const searching = f.query.trim() !== '';
  const searchOnly: Filter = { ...f, ...NO_TOGGLES, families: [] };
  const matched = searching ? countThrough(s, searchOnly) : total;
  const clearSearch: Remedy = { label: 'Clear the search', change: { query: '' } };
  if (searching && matched === 0) {
    const text =
      total === 1
        ? 'The one request does not match the search.'
        : `None of the ${total} requests matches the search.`;
    return { text, remedies: [clearSearch] };
  }

  // What the search and toggles let through: the chips' counts, which the list keeps already.
  const throughToggles = Object.values(selectFamilyCounts(s)).reduce((a, b) => a + b, 0);
  const on = TOGGLES.filter((t) => f[t.key]);
  if (on.length > 0 && throughToggles === 0) {
    // The toggles that each hide some of what the search matches (all requests, with no
    // search); one toggle on alone hides it all (no pass over the rows while an import runs).
    const hiding =
      on.length === 1 ? on : on.filter((t) => countThrough(s, { ...searchOnly, [t.key]: true }) < matched);
    const names = hiding.map((t) => t.name);
    const off = Object.fromEntries(hiding.map((t) => [t.key, false])) as Partial<Filter>;
    const remedies: Remedy[] = [{ label: turnOff(names), change: off }];
    // Other requests the toggles let through, once the search is cleared.
    if (searching && countThrough(s, { ...f, query: '', families: [] }) > 0) remedies.push(clearSearch);
    const text = searching
      ? `The search matches ${countOf(matched, 'request')}, ${matched === 1 ? '' : 'all '}hidden by ${listOf(names)}.`
      : `${countOf(total, 'request')} hidden by ${listOf(names)}.`;
    return { text, remedies };
  }

  if (f.families.length > 0) {
    const others = [...on.map((t) => t.name), ...(searching ? ['the search'] : [])];
    const fams = listOf(f.families, 'or');
    const among =
      others.length === 0
        ? `the ${countOf(total, 'request')}`
        : `the ${countOf(throughToggles, 'request')} ${listOf(others)} ${others.length === 1 ? 'lets' : 'let'} through`;
    return {
      text: `No ${fams} response among ${among}.`,
      remedies: [{ label: 'Clear the status chips', change: { families: [] } }],
    };
  }
  return null;
}

/** Requests held, none shown, and no worker search still looking: the filters hide them all. */
const selectAllHidden = (s: PanelState): boolean =>
  s.rows.length > 0 && selectVisibleRows(s).length === 0 && !(s.search && !s.search.done);

/**
 * In the list's place when the filters hide every request (an import of HTML form posts under
 * API only, say): says which filter hides them, and how, with the button that shows them. The
 * status bar's "0 of 31 shown" is easy to miss, and a side-docked panel keeps the toggles behind
 * a ⋯ menu. `inline`: in the flow of a view (Endpoints) rather than over the empty list.
 */
export function FilteredOut({ inline = false }: { inline?: boolean }) {
  const allHidden = usePanel(selectAllHidden);
  // Read to render again when they change: the reason is weighed from the store's state.
  usePanel((s) => s.rows);
  usePanel((s) => s.filter);
  usePanel((s) => s.search);
  const setFilter = usePanel((s) => s.setFilter);
  const api = usePanelApi();
  const reason = allHidden ? hiddenReason(api.getState()) : null;
  if (!reason) return null;
  return (
    <div className={inline ? 'filtered-out inline pad' : 'empty-state filtered-out'} role="status">
      <p>{reason.text}</p>
      <p className="filtered-out-actions">
        {reason.remedies.map((r) => (
          <button key={r.label} type="button" onClick={() => setFilter(r.change)}>
            {r.label}
          </button>
        ))}
      </p>
    </div>
  );
}
