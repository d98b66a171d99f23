import { passesFilter } from '../../state/panel-selectors';
import type { Filter, PanelState } from '../../state/panel-store';

/**
 * What hides the selected request: API only (a page, script, image or third-party call), the
 * rest of the filter (search box, status chips, Findings only), or both. "Clear the filter"
 * alone left API only on, so a row hidden by it stayed hidden and the click did nothing.
 */
export type HiddenCause = 'api-only' | 'filter' | 'both';

/** How a hidden-selection note names the cause, and the one button that shows the row again. */
export interface Reveal {
  /** Completes "… is hidden by ". */
  by: string;
  label: string;
  title: string;
  change: Partial<Filter>;
}

/** The filter without the search box, the status chips and Findings only (API only as the user set it). */
const CLEAR_FILTER: Partial<Filter> = { query: '', families: [], findingsOnly: false };
const CLEAR_FILTER_TITLE = 'Clear the search box, the status chips and Findings only';

export const REVEAL: Readonly<Record<HiddenCause, Reveal>> = {
  // The toolbar's own words for the toggle (FilteredOut.tsx offers "Turn off API only" too).
  'api-only': {
    by: 'API only',
    label: 'Turn off API only',
    title: 'List every request: pages, scripts, images and other calls too',
    change: { apiOnly: false },
  },
  filter: {
    by: 'the current filter',
    label: 'Clear the filter',
    title: CLEAR_FILTER_TITLE,
    change: CLEAR_FILTER,
  },
  both: {
    by: 'API only and the current filter',
    label: 'Show all requests',
    title: `${CLEAR_FILTER_TITLE}, and turn off API only`,
    change: { ...CLEAR_FILTER, apiOnly: false },
  },
};

/**
 * The cause for the selected row, or null when it is shown (or gone). Memoised on what it reads:
 * the notes re-render on every store change, and a search's query is parsed once, not per change.
 */
function createHiddenCauseSelector() {
  let last: unknown[] = [];
  let result: HiddenCause | null = null;
  return (s: PanelState): HiddenCause | null => {
    const inputs = [s.rows, s.filter, s.search, s.selectedId];
    if (inputs.every((v, i) => v === last[i])) return result;
    last = inputs;
    const row = s.selectedId === null ? undefined : s.rows.find((r) => r.exchange.id === s.selectedId);
    result = row ? causeFor(s, row) : null;
    return result;
  };
}

function causeFor(s: PanelState, row: PanelState['rows'][number]): HiddenCause | null {
  const f = s.filter;
  if (passesFilter(s, row, f)) return null;
  const byApiOnly = f.apiOnly && !row.facts.api;
  // Shown once API only is off: API only alone hides it.
  if (byApiOnly && passesFilter(s, row, { ...f, apiOnly: false })) return 'api-only';
  return byApiOnly ? 'both' : 'filter';
}

export const selectHiddenCause = createHiddenCauseSelector();
