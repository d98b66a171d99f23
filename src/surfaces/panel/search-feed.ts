import { parseQuery } from '../../core/filter/query';
import { searchesBodies, searchKey } from '../../core/filter/search-terms';
import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';

/**
 * Follows the search box's `body:` and `/regex/` terms: a change starts a search where the
 * analysis runs (the worker), the answers land in the store (`search`), and the list filters by
 * them. Answers to an older search (the user typed on) are dropped. Rows cleared meanwhile are
 * forgotten by the worker with the Endpoints messages, so their ids never come back.
 */
export function followSearch(analyzer: Analyzer, store: PanelStore): () => void {
  let searchId = 0;
  let key = '';

  const sync = () => {
    const terms = parseQuery(store.getState().filter.query).search;
    const next = searchKey(terms);
    if (next === key) return;
    key = next;
    searchId++;
    store.getState().setSearch(
      terms.length === 0
        ? null
        : {
            key: next,
            readsBodies: searchesBodies(terms),
            matches: new Set(),
            scanned: 0,
            total: 0,
            bodies: 0,
            done: false,
          },
    );
    analyzer.search(searchId, terms.length === 0 ? null : terms);
  };

  const offStore = store.subscribe((state, previous) => {
    if (state.filter.query !== previous.filter.query) sync();
  });
  const offAnswers = analyzer.onSearch((u) => {
    const current = store.getState().search;
    if (u.searchId !== searchId || !current) return;
    const matches = u.matches.length > 0 ? new Set([...current.matches, ...u.matches]) : current.matches;
    store.getState().setSearch({
      ...current,
      matches,
      scanned: u.scanned,
      total: u.total,
      bodies: u.bodies,
      done: u.done,
    });
  });
  sync();
  return () => {
    offStore();
    offAnswers();
  };
}
