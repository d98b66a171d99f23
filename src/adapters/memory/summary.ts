import type { TabSummary } from '../../core/summary/summary';
import type { SummarySink, SummarySource } from '../ports';

export class MemorySummarySink implements SummarySink {
  replaced: { tabId: number; summary: TabSummary }[] = [];
  cleared: number[] = [];
  replace(tabId: number, summary: TabSummary) {
    this.replaced.push({ tabId, summary: structuredClone(summary) });
  }
  clear(tabId: number) {
    this.cleared.push(tabId);
  }
}

export class MemorySummarySource implements SummarySource {
  private summaries = new Map<number, TabSummary>();
  private listeners = new Set<{ tabId: number; fn: (s: TabSummary | null) => void }>();
  async get(tabId: number) {
    return this.summaries.get(tabId) ?? null;
  }
  subscribe(tabId: number, fn: (s: TabSummary | null) => void) {
    const l = { tabId, fn };
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }
  async clear(tabId: number) {
    this.set(tabId, null);
  }
  /** Test side: the background stored a new summary. */
  set(tabId: number, summary: TabSummary | null) {
    if (summary) this.summaries.set(tabId, summary);
    else this.summaries.delete(tabId);
    for (const l of this.listeners) if (l.tabId === tabId) l.fn(summary);
  }
}
