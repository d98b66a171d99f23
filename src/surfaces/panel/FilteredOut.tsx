import { listOf } from '../../core/text/list';
import { countOf } from '../../core/text/plural';
import { countThrough, selectFamilyCounts, selectVisibleRows } from '../../state/panel-selectors';
import type { Filter, PanelState } from '../../state/panel-store';
import { usePanel, usePanelApi } from './panel-context';

/**
 * The status chips' empty state: none of the requests the other filters leave has the chosen
 * status. What those requests are comes first, as a qualifier of "requests", so the sentence
 * reads in one breath ("None of the 4 requests matching the search with API only on is a 5xx
 * response") instead of naming the filters as the verb's subject ("… among the 1 request API
 * only and the search let through", a new user's review, finding 11).
 */
export function noSuchStatus(o: {
  families: readonly string[];
  /** The requests the search and toggles let through. */
  count: number;
  search: boolean;
  /** The toggles that are on, by name. */
  toggles: readonly string[];
}): string {
  const fams = listOf(o.families, 'or');
  const qualifier =
    (o.search ? ' matching the search' : '') + (o.toggles.length > 0 ? ` with ${listOf(o.toggles)} on` : '');
  return o.count === 1
    ? `The one request${qualifier} is not a ${fams} response.`
    : `None of the ${o.count} requests${qualifier} is a ${fams} response.`;
}

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
    const text = noSuchStatus({
      families: f.families,
      count: on.length > 0 || searching ? throughToggles : total,
      search: searching,
      toggles: on.map((t) => t.name),
    });
    return { text, remedies: [{ label: 'Clear the status chips', change: { families: [] } }] };
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
