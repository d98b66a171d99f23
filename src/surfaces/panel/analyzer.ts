import { activeRules, analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
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
  analyze(exchanges: readonly Exchange[]): void;
  onResults(listener: (results: AnalysisResult[]) => void): () => void;
  /** Parses and analyses a HAR file; the buffer is transferred, not copied. */
  importHar(data: ArrayBuffer, opts: ImportOptions): void;
  onImport(listener: (batch: ImportBatch) => void): () => void;
  dispose(): void;
}

/** Same engine on the calling thread. Used where Workers are unavailable (tests, a failed Worker start). */
export function createInlineAnalyzer(): Analyzer {
  let active: ActiveRule[] = activeRules({ profiles: [], rules: {} });
  const listeners = new Set<(r: AnalysisResult[]) => void>();
  const importListeners = new Set<(b: ImportBatch) => void>();
  return {
    configure(settings) {
      active = activeRules(settings);
    },
    analyze(exchanges) {
      const results = exchanges.map((ex) => ({ id: ex.id, analysis: analyzeExchange(ex, active) }));
      for (const l of listeners) l(results);
    },
    onResults(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    importHar(data, opts) {
      void importHar(data, opts, active, (batch) => {
        for (const l of importListeners) l(batch);
      });
    },
    onImport(listener) {
      importListeners.add(listener);
      return () => importListeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      importListeners.clear();
    },
  };
}
