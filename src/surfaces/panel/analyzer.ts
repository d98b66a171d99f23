import { activeRules, analyzeExchange, DEFAULT_LIMITS, type ActiveRule } from '../../core/engine/analyze';
import { prepareAll, type ContractDoc, type ContractsStatus } from '../../core/contract/load';
import type { PreparedContract } from '../../core/contract/types';
import type { Exchange } from '../../core/exchange/types';
import type { Analysis } from '../../core/rules/types';
import type { Settings } from '../../core/settings/schema';
import { importHar, type ImportBatch, type ImportOptions } from './har-import';

export interface AnalysisResult {
  id: string;
  analysis: Analysis;
}

/** Runs the core engine somewhere (a Worker in the panel, inline in tests) and reports results in batches. */
export interface Analyzer {
  configure(settings: Pick<Settings, 'profiles' | 'rules'>): void;
  /** The OpenAPI descriptions to judge by; prepared where the analysis runs. */
  setContracts(docs: readonly ContractDoc[]): void;
  /** What preparing them found: outlines for the coverage view, problems to show. */
  onContracts(listener: (status: ContractsStatus) => void): () => void;
  analyze(exchanges: readonly Exchange[]): void;
  onResults(listener: (results: AnalysisResult[]) => void): () => void;
  /**
   * Parses and analyses a HAR file; the buffer is transferred, not copied. `reread` gets the
   * bytes again, should the import have to be run somewhere else (the worker failed).
   */
  importHar(data: ArrayBuffer, opts: ImportOptions, reread?: () => Promise<ArrayBuffer>): void;
  onImport(listener: (batch: ImportBatch) => void): () => void;
  /** Stops an import between slices; no batch of it is delivered afterwards. */
  cancelImport(importId: string): void;
  /** Things the user should know about the analyzer itself (it fell back to the panel thread). */
  onNotice(listener: (message: string) => void): () => void;
  dispose(): void;
}

/** Same engine on the calling thread. Used where Workers are unavailable (tests, a failed Worker start). */
export function createInlineAnalyzer(): Analyzer {
  let active: ActiveRule[] = activeRules({ profiles: [], rules: {} });
  let contracts: PreparedContract[] = [];
  const contractListeners = new Set<(s: ContractsStatus) => void>();
  const listeners = new Set<(r: AnalysisResult[]) => void>();
  const importListeners = new Set<(b: ImportBatch) => void>();
  const running = new Set<string>();
  const cancelled = new Set<string>();
  return {
    configure(settings) {
      active = activeRules(settings);
    },
    setContracts(docs) {
      const prepared = prepareAll(docs);
      contracts = prepared.contracts;
      for (const l of contractListeners) l(prepared.status);
    },
    onContracts(listener) {
      contractListeners.add(listener);
      return () => contractListeners.delete(listener);
    },
    analyze(exchanges) {
      const results = exchanges.map((ex) => ({
        id: ex.id,
        analysis: analyzeExchange(ex, active, DEFAULT_LIMITS, contracts),
      }));
      for (const l of listeners) l(results);
    },
    onResults(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    importHar(data, opts) {
      const id = opts.importId;
      running.add(id);
      void importHar(
        data,
        opts,
        active,
        (batch) => {
          if (cancelled.has(id)) return;
          for (const l of importListeners) l(batch);
        },
        undefined,
        () => cancelled.has(id),
        contracts,
      ).finally(() => {
        running.delete(id);
        cancelled.delete(id);
      });
    },
    cancelImport(importId) {
      if (running.has(importId)) cancelled.add(importId);
    },
    onNotice() {
      return () => {};
    },
    onImport(listener) {
      importListeners.add(listener);
      return () => importListeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      importListeners.clear();
      contractListeners.clear();
    },
  };
}
