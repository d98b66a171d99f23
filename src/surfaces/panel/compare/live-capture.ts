import { CaptureSummarizer, type CaptureSummary } from '../../../core/diff/capture/summary';
import type { Exchange } from '../../../core/exchange/types';
import type { Finding, JsonState } from '../../../core/rules/types';

/** What a comparison needs of one live row: no body, no headers. */
interface LiveRecord {
  exchange: Pick<Exchange, 'method' | 'url' | 'status' | 'time'>;
  findings: Finding[];
}

/**
 * The live capture as "Compare with HAR…" sees it, kept in the analysis worker as rows are
 * analysed. One small record per row (replaced when the row is analysed again, dropped with the
 * row), so counts, findings and latency follow the list exactly; response shapes are inferred
 * from each row's body the first time it is analysed (a body does not change on re-analysis),
 * and are only reset by Clear. Bodies are never kept.
 */
export class LiveCapture {
  private readonly records = new Map<string, LiveRecord>();
  /** Rows whose body went into `shapes` already. */
  private readonly shaped = new Set<string>();
  /** Shapes per endpoint key, fed by a summarizer that is asked only for its shapes. */
  private shapes = new CaptureSummarizer();

  record(exchange: Exchange, findings: readonly Finding[], json: JsonState | undefined): void {
    const { method, url, status, time } = exchange;
    this.records.set(exchange.id, {
      exchange: { method, url, status, time },
      // Only what the summary reads: the engine's findings also carry sources and pointers.
      findings: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        source: f.source,
      })),
    });
    if (json?.kind === 'ok' && !this.shaped.has(exchange.id)) {
      this.shaped.add(exchange.id);
      this.shapes.add(exchange, [], json);
    }
  }

  forget(ids: readonly string[]): void {
    for (const id of ids) this.records.delete(id);
  }

  clear(): void {
    this.records.clear();
    this.shaped.clear();
    this.shapes = new CaptureSummarizer();
  }

  get size(): number {
    return this.records.size;
  }

  summary(): CaptureSummary {
    const counts = new CaptureSummarizer();
    for (const r of this.records.values()) counts.add(r.exchange as Exchange, r.findings, undefined);
    const summary = counts.summary();
    const shapes = new Map(this.shapes.summary().endpoints.map((e) => [e.key, e.shapes]));
    for (const e of summary.endpoints) e.shapes = shapes.get(e.key) ?? [];
    return summary;
  }
}
