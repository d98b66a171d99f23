import {
  CaptureSummarizer,
  type CaptureSummary,
  type SummarizeOptions,
} from '../../../core/diff/capture/summary';
import type { Exchange } from '../../../core/exchange/types';
import { redactor } from '../../../core/export/redact';
import { reportedExchange } from '../../../core/export/reported';
import { SESSION_RULES } from '../../../core/rules/registry';
import type { Finding, JsonState } from '../../../core/rules/types';

/**
 * Session rules' findings are left out of the comparison: the HAR side (compare-job.ts) and
 * `status-lens diff` compare what the engine finds per exchange, and a session finding rests on
 * a row's place in its session (the first of an origin, the second of a pair), not on the
 * endpoint. Kept, they showed as "new" on the live side only.
 */
const SESSION_RULE_IDS: ReadonlySet<string> = new Set(SESSION_RULES.map((r) => r.id));

const newShapes = () => ({
  withHost: new CaptureSummarizer(),
  hostless: new CaptureSummarizer({ ignoreHost: true }),
});

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
 * and are only reset by Clear. Bodies are never kept. Shapes are kept twice, per endpoint with
 * its host and per endpoint without (the comparison's "ignore host"): a body cannot be read
 * again when the user ticks the box, and one host's shapes are not a part of the host-less ones.
 */
/** The comparison's summaries redact with the built-in vocabulary, as CaptureSummarizer's default does. */
const BUILT_IN = redactor({ headers: [], queryParams: [] });

export class LiveCapture {
  private readonly records = new Map<string, LiveRecord>();
  /** Rows whose body went into `shapes` already. */
  private readonly shaped = new Set<string>();
  /** Shapes per endpoint key, fed by summarizers that are asked only for their shapes. */
  private shapes = newShapes();

  record(exchange: Exchange, findings: readonly Finding[], json: JsonState | undefined): void {
    const { method, url, status, time } = exchange;
    // Only what the summary reads: the engine's findings also carry sources and pointers. Their
    // messages lose the exchange's named credentials here, where its headers still are.
    const kept = findings
      .filter((f) => !SESSION_RULE_IDS.has(f.rule))
      .map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, source: f.source }));
    this.records.set(exchange.id, {
      exchange: { method, url, status, time },
      findings: reportedExchange(exchange, kept, BUILT_IN).findings,
    });
    if (json?.kind === 'ok' && !this.shaped.has(exchange.id)) {
      this.shaped.add(exchange.id);
      this.shapes.withHost.add(exchange, [], json);
      this.shapes.hostless.add(exchange, [], json);
    }
  }

  forget(ids: readonly string[]): void {
    for (const id of ids) this.records.delete(id);
  }

  clear(): void {
    this.records.clear();
    this.shaped.clear();
    this.shapes = newShapes();
  }

  get size(): number {
    return this.records.size;
  }

  summary(options: Pick<SummarizeOptions, 'ignoreHost'> = {}): CaptureSummary {
    const ignoreHost = options.ignoreHost === true;
    const counts = new CaptureSummarizer({ ignoreHost });
    for (const r of this.records.values()) counts.add(r.exchange as Exchange, r.findings, undefined);
    const summary = counts.summary();
    const shaped = ignoreHost ? this.shapes.hostless : this.shapes.withHost;
    const shapes = new Map(shaped.summary().endpoints.map((e) => [e.key, e.shapes]));
    for (const e of summary.endpoints) e.shapes = shapes.get(e.key) ?? [];
    return summary;
  }
}
