import {
  CaptureSummarizer,
  type CaptureSummary,
  type SummarizeOptions,
} from '../../../core/diff/capture/summary';
import type { Exchange } from '../../../core/exchange/types';
import {
  sameRedaction,
  settingsRedactor,
  type RedactionHolder,
  type Redactor,
} from '../../../core/export/redact';
import { hideKnownValues, KnownValues } from '../../../core/export/known-values';
import { reportedExchange, reportedValues } from '../../../core/export/reported';
import { SESSION_RULES } from '../../../core/rules/registry';
import type { Finding, JsonState } from '../../../core/rules/types';

/**
 * Session rules' findings are left out of the comparison: the HAR side (compare-job.ts) and
 * `status-lens diff` compare what the engine finds per exchange, and a session finding rests on
 * a row's place in its session (the first of an origin, the second of a pair), not on the
 * endpoint. Kept, they showed as "new" on the live side only.
 */
const SESSION_RULE_IDS: ReadonlySet<string> = new Set(SESSION_RULES.map((r) => r.id));

const newShapes = (redact: Redactor) => ({
  withHost: new CaptureSummarizer({ redact }),
  hostless: new CaptureSummarizer({ redact, ignoreHost: true }),
});

/** What a comparison needs of one live row: no body, no headers. */
interface LiveRecord {
  exchange: Pick<Exchange, 'method' | 'url' | 'status' | 'time'>;
  findings: Finding[];
  /** The credential values the row carries by name (reportedValues): hidden in every route of the comparison. */
  known: string[];
}

/**
 * The live capture as "Compare with HAR…" sees it, kept in the analysis worker as rows are
 * analysed. One small record per row (replaced when the row is analysed again, dropped with the
 * row), so counts, findings and latency follow the list exactly; response shapes are inferred
 * from each row's body the first time it is analysed (a body does not change on re-analysis),
 * and are only reset by Clear and by a change of the redaction lists (below). Bodies are never
 * kept. Shapes are kept twice, per endpoint with its host and per endpoint without (the
 * comparison's "ignore host"): a body cannot be read again when the user ticks the box, and one
 * host's shapes are not a part of the host-less ones.
 *
 * Both sides of the comparison hide by the user's redaction lists (settingsRedactor), as exports
 * do: a record is hidden when it is made, by the lists the panel last sent (`redactWith`), and
 * the panel analyses every row again when they change, so each record follows the lists in force.
 */
export class LiveCapture {
  private readonly records = new Map<string, LiveRecord>();
  /** The user's lists as last sent, and the redactor made of them. */
  private lists: RedactionHolder = {};
  private red: Redactor = settingsRedactor(this.lists);
  /** Rows whose body went into `shapes` already. */
  private readonly shaped = new Set<string>();
  /** Shapes per endpoint key, fed by summarizers that are asked only for their shapes. */
  private shapes = newShapes(this.red);

  /**
   * The user's redaction lists from now on. When they change, the shapes start again too: they
   * are kept by endpoint key, a redacted route, and the analysis that follows brings each row's
   * body back.
   */
  redactWith(settings: RedactionHolder): void {
    if (sameRedaction(settings, this.lists)) return;
    this.lists = { ...(settings.redaction ? { redaction: settings.redaction } : {}) };
    this.red = settingsRedactor(this.lists);
    this.shaped.clear();
    this.shapes = newShapes(this.red);
  }

  /** What both sides of a comparison redact by: the live records were hidden by it. */
  get redactor(): Redactor {
    return this.red;
  }

  record(exchange: Exchange, findings: readonly Finding[], json: JsonState | undefined): void {
    const { method, url, status, time } = exchange;
    // Only what the summary reads: the engine's findings also carry sources and pointers. Their
    // messages lose the exchange's named credentials here, where its headers still are.
    const kept = findings
      .filter((f) => !SESSION_RULE_IDS.has(f.rule))
      .map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, source: f.source }));
    const known = reportedValues(exchange, this.red);
    this.records.set(exchange.id, {
      exchange: { method, url, status, time },
      findings: reportedExchange(exchange, kept, this.red, known).findings,
      known,
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
    this.shapes = newShapes(this.red);
  }

  get size(): number {
    return this.records.size;
  }

  /**
   * `known`: the values to hide in every route, shared with the other side of the comparison
   * (compare-job.ts); the rows' own are added to it.
   */
  summary(options: Pick<SummarizeOptions, 'ignoreHost' | 'known'> = {}): CaptureSummary {
    const ignoreHost = options.ignoreHost === true;
    const known = options.known ?? new KnownValues();
    const counts = new CaptureSummarizer({ ignoreHost, redact: this.red, known });
    for (const r of this.records.values()) counts.add(r.exchange as Exchange, r.findings, undefined, r.known);
    const summary = counts.summary();
    const shaped = ignoreHost ? this.shapes.hostless : this.shapes.withHost;
    // Keyed as the counts are: hidden by every value the comparison knows.
    const shapes = new Map(
      shaped.summary().endpoints.map((e) => [hideKnownValues(e.key, known.values), e.shapes]),
    );
    for (const e of summary.endpoints) e.shapes = shapes.get(e.key) ?? [];
    return summary;
  }
}
