import type { ContractStore } from '../../adapters/ports';
import type { PanelStore } from '../../state/panel-store';
import type { Analyzer } from './analyzer';
import { readUntilRead } from '../../adapters/contract-storage/retry';
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
    // An import running judges the entries it reads from now on by them; the rows it judged by
    // the old ones and had not delivered yet are judged again as they arrive (importer.ts).
    analyzer.setContracts(docs);
    if (docs.length === 0) store.getState().setContracts(null);
    // Each row in its own session, which keeps what it said of it: no session rule changed.
    analyseAgain(analyzer, store.getState().rows, false);
  };
  /** The status bar's word that the descriptions could not be read, while it is shown. */
  let said: string | null = null;
  const unreadable = (message: string) => {
    if (!live) return;
    said = message;
    store.getState().setNotice(message);
  };
  const read = (stored: Parameters<Analyzer['setContracts']>[0]) => {
    // Read at last: the word that they could not be is over (unless something else was said since).
    if (said !== null && store.getState().notice === said) store.getState().setNotice(null);
    said = null;
    apply(stored);
  };
  // A change that arrives while the first read is in flight is newer than what it returns.
  let changed = false;
  let stopFirst = () => {};
  const off = contracts.subscribe(
    (docs) => {
      changed = true;
      stopFirst();
      read(docs);
    },
    (reason) => {
      changed = true;
      stopFirst();
      unreadable(
        `The OpenAPI descriptions changed but could not be read (${reason}): the panel still judges by the ones it had, and tries again.`,
      );
    },
  );
  stopFirst = readUntilRead(
    () => contracts.list(),
    (docs) => changed || read(docs),
    (reason) =>
      changed ||
      unreadable(
        `The stored OpenAPI descriptions could not be read (${reason}): the panel judges without them, and tries again.`,
      ),
  );
  return () => {
    live = false;
    stopFirst();
    off();
    offStatus();
  };
}
