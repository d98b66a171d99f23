import { parseQuery } from '../../core/filter/query';
import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';

/**
 * Follows the search box's `body:` term: a new text starts a search where the analysis runs (the
 * worker), the answers land in the store (`bodySearch`), and the list filters by them. Answers to
 * an older search (the user typed on) are dropped. Rows cleared meanwhile are forgotten by the
 * worker with the Endpoints messages, so their ids never come back.
 */
export function followBodySearch(analyzer: Analyzer, store: PanelStore): () => void {
  let searchId = 0;
  let needle: string | null = null;

  const sync = () => {
    const next = parseQuery(store.getState().filter.query).bodyNeedle;
    if (next === needle) return;
    needle = next;
    searchId++;
    store
      .getState()
      .setBodySearch(
        next === null ? null : { needle: next, matches: new Set(), scanned: 0, total: 0, done: false },
      );
    analyzer.searchBodies(searchId, next);
  };

  const offStore = store.subscribe((state, previous) => {
    if (state.filter.query !== previous.filter.query) sync();
  });
  const offAnswers = analyzer.onBodySearch((u) => {
    const current = store.getState().bodySearch;
    if (u.searchId !== searchId || !current) return;
    const matches = u.matches.length > 0 ? new Set([...current.matches, ...u.matches]) : current.matches;
    store.getState().setBodySearch({ ...current, matches, scanned: u.scanned, total: u.total, done: u.done });
  });
  sync();
  return () => {
    offStore();
    offAnswers();
  };
}
