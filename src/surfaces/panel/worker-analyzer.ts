import type { Analyzer, AnalysisResult } from './analyzer';
import { createInlineAnalyzer } from './analyzer';
import { isFromWorker, type ToWorker } from './worker-protocol';

export function createWorkerAnalyzer(): Analyzer {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return createInlineAnalyzer();
  }
  const listeners = new Set<(r: AnalysisResult[]) => void>();
  worker.onmessage = (event: MessageEvent<unknown>) => {
    if (!isFromWorker(event.data)) return;
    for (const l of listeners) l(event.data.results);
  };
  const post = (m: ToWorker) => worker.postMessage(m);
  return {
    configure: (settings) => post({ type: 'configure', settings: { profiles: settings.profiles, rules: settings.rules } }),
    analyze: (exchanges) => post({ type: 'analyze', exchanges: [...exchanges] }),
    onResults(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      worker.terminate();
    },
  };
}
