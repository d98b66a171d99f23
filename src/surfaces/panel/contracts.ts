import type { ContractStore } from '../../adapters/ports';
import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';

/**
 * Keeps the analyzer judging by the stored OpenAPI descriptions: on open and whenever any
 * context (the options page, this toolbar) changes them, they are prepared in the worker and
 * every row is analysed again, as a settings change does.
 */
export function followContracts(contracts: ContractStore, analyzer: Analyzer, store: PanelStore): () => void {
  const offStatus = analyzer.onContracts((status) => store.getState().setContracts(status));
  let live = true;
  const apply = (docs: Parameters<Analyzer['setContracts']>[0]) => {
    if (!live) return;
    analyzer.setContracts(docs);
    if (docs.length === 0) store.getState().setContracts(null);
    const rows = store.getState().rows;
    if (rows.length > 0) analyzer.analyze(rows.map((r) => r.exchange));
  };
  // A change that arrives while the first read is in flight is newer than what it returns.
  let changed = false;
  const off = contracts.subscribe((docs) => {
    changed = true;
    apply(docs);
  });
  void contracts.list().then(
    (docs) => changed || apply(docs),
    () => changed || apply([]),
  );
  return () => {
    live = false;
    off();
    offStatus();
  };
}
