import type { ContractStore } from '../../adapters/ports';
import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';
import { analyseAgain } from './analyse-again';

/**
 * Keeps the analyzer judging by the stored OpenAPI descriptions that are switched on: on open
 * and whenever any context (the options page, this toolbar) changes them, they are prepared in
 * the worker and every row is analysed again, as a settings change does. One switched off gives
 * no findings, coverage or load problems until it is switched back on.
 */
export function followContracts(contracts: ContractStore, analyzer: Analyzer, store: PanelStore): () => void {
  const offStatus = analyzer.onContracts((status) => store.getState().setContracts(status));
  let live = true;
  const apply = (stored: Parameters<Analyzer['setContracts']>[0]) => {
    if (!live) return;
    const docs = stored.filter((d) => !d.off);
    store.getState().setContractsOff(stored.filter((d) => d.off).map((d) => d.name));
    // Said before the analyzer hears of them: an import it is running judges by the old ones.
    store.getState().contractsSent();
    analyzer.setContracts(docs);
    if (docs.length === 0) store.getState().setContracts(null);
    // Each row in its own session, which keeps what it said of it: no session rule changed.
    analyseAgain(analyzer, store.getState().rows, false);
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
