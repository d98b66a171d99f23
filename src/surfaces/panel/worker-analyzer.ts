import type { Analyzer, AnalysisResult } from './analyzer';
import { createInlineAnalyzer } from './analyzer';
import type { ImportBatch } from './har-import';
import { isFromWorker, type ToWorker } from './worker-protocol';

export function createWorkerAnalyzer(): Analyzer {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return createInlineAnalyzer();
  }
  const listeners = new Set<(r: AnalysisResult[]) => void>();
  const importListeners = new Set<(b: ImportBatch) => void>();
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const msg = event.data;
    if (!isFromWorker(msg)) return;
    if (msg.type === 'results') for (const l of listeners) l(msg.results);
    else for (const l of importListeners) l(msg.batch);
  };
  const post = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  return {
    configure: (settings) =>
      post({ type: 'configure', settings: { profiles: settings.profiles, rules: settings.rules } }),
    analyze: (exchanges) => post({ type: 'analyze', exchanges: [...exchanges] }),
    importHar: (data, opts) => post({ type: 'import', data, opts }, [data]),
    onResults(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onImport(listener) {
      importListeners.add(listener);
      return () => importListeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      importListeners.clear();
      worker.terminate();
    },
  };
}
