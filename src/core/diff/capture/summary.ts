import { FAMILIES, statusFamily, type StatusFamily } from '../../exchange/family';
import type { Exchange } from '../../exchange/types';
import { endpointKey } from '../../endpoints/grouper';
import { exchangeRoute } from '../../endpoints/route-template';
import { hideKnownValues, knownSecretValues, KnownValues, longestFirst } from '../../export/known-values';
import { asRedactor, redactUrl, type Redactor, type RedactorLike } from '../../export/redact';
import { hideQuoted, reportedValues } from '../../export/reported';
import type { JsonState } from '../../rules/types';
import { SEVERITY_RANK, type Finding, type Severity } from '../../rules/types';
import { redactText } from '../../secrets/redact-text';
import { clip } from '../../text/clip';
import { LatencySketch, type LatencyQuantiles } from './latency';
import { ShapeTally, type ShapeSummary } from './shape';

/**
 * One capture boiled down per endpoint (route template), in memory that does not grow with the
 * number of requests: status counts, findings by rule, the response shape per status family and
 * a latency sketch. `status-lens diff` summarises each HAR as it streams past; the panel's
 * worker summarises the live capture and an imported HAR the same way, then both compare the
 * summaries (compare.ts).
 */

/** Endpoints kept per capture; requests to further ones are counted, not summarised. */
export const MAX_ENDPOINTS = 5_000;
const MAX_CACHED_ROUTES = 4_096;
/** A finding's example message, as kept per endpoint and rule. */
const MAX_EXAMPLE = 200;

export interface RuleTally {
  rule: string;
  /** The worst severity it had on this endpoint. */
  severity: Severity;
  /** Findings (an exchange may have several of one rule). */
  count: number;
  /** The first message, as an example (already redacted by the engine). */
  example: string;
}

export interface StatusCount {
  /** 0: no response (failed). */
  status: number;
  count: number;
}

export interface FamilyShape extends ShapeSummary {
  family: StatusFamily;
}

export interface EndpointSummary {
  /** `GET api.example.com/users/{id}` (the Endpoints view's key). */
  key: string;
  method: string;
  host: string;
  path: string;
  /** Requests. */
  count: number;
  /** Sorted by status. */
  statuses: StatusCount[];
  /** Sorted by rule id. */
  findings: RuleTally[];
  /** One per status family that had JSON bodies, in family order. */
  shapes: FamilyShape[];
  latency?: LatencyQuantiles;
}

/** Plain data (posted between threads, compared, never holding a body). */
export interface CaptureSummary {
  /** Requests summarised. */
  exchanges: number;
  /** Requests to endpoints past MAX_ENDPOINTS, counted only. */
  unsummarised: number;
  /** Sorted by key. */
  endpoints: EndpointSummary[];
}

class EndpointTally {
  count = 0;
  readonly statuses = new Map<number, number>();
  readonly rules = new Map<string, RuleTally>();
  readonly shapes = new Map<StatusFamily, ShapeTally>();
  readonly latency = new LatencySketch();

  constructor(
    public key: string,
    readonly method: string,
    readonly host: string,
    public path: string,
  ) {}

  /** Takes in another endpoint's requests: the two were found to be one (CaptureSummarizer.hideLate). */
  absorb(other: EndpointTally): void {
    this.count += other.count;
    for (const [status, n] of other.statuses) this.statuses.set(status, (this.statuses.get(status) ?? 0) + n);
    for (const [rule, r] of other.rules) {
      const mine = this.rules.get(rule);
      if (!mine) this.rules.set(rule, r);
      else {
        mine.count += r.count;
        if (SEVERITY_RANK[r.severity] > SEVERITY_RANK[mine.severity]) mine.severity = r.severity;
      }
    }
    for (const [family, shape] of other.shapes) {
      const mine = this.shapes.get(family);
      if (mine) mine.absorb(shape);
      else this.shapes.set(family, shape);
    }
    this.latency.absorb(other.latency);
  }

  /** `known`: the capture's known values, hidden in member names too (a session id used as a key). */
  summary(known: readonly string[]): EndpointSummary {
    const out: EndpointSummary = {
      key: this.key,
      method: this.method,
      host: this.host,
      path: this.path,
      count: this.count,
      statuses: [...this.statuses]
        .map(([status, count]) => ({ status, count }))
        .sort((a, b) => a.status - b.status),
      findings: [...this.rules.values()]
        .map((r) => ({ ...r }))
        .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)),
      shapes: FAMILIES.flatMap((family) => {
        const s = this.shapes.get(family)?.summary();
        if (!s) return [];
        // Member names come from the bodies: a credential used as a key must not reach a report.
        for (const m of s.members) m.path = hideKnownValues(redactText(m.path), known);
        return [{ family, ...s }];
      }),
    };
    const latency = this.latency.quantiles();
    if (latency) out.latency = latency;
    return out;
  }
}

export interface SummarizeOptions {
  /** Query parameter names (or a redactor) for the URL redaction every report applies. */
  redact?: RedactorLike;
  /** Endpoints kept (tests lower it). */
  maxEndpoints?: number;
  /**
   * Name endpoints by method and route template alone (host ''), so that captures of one API
   * from two hosts (staging and production) compare endpoint by endpoint.
   */
  ignoreHost?: boolean;
  /**
   * The credential values the capture's exchanges carry by name, gathered as they are added and
   * hidden in every route and example (redacted once, redacted everywhere, as lint's report).
   * Shared by the two captures of a comparison, so each hides what either carries: the same
   * endpoint then has one key on both sides. Default: this capture's own.
   */
  known?: KnownValues;
}

export class CaptureSummarizer {
  private endpoints = new Map<string, EndpointTally>();
  /**
   * URL (without query) → its redacted route template: pages call the same URLs again and again.
   * Each hidden by `routesFor`, the known values when it was made.
   */
  private readonly routes = new Map<string, { host: string; path: string }>();
  private routesFor: readonly string[] | undefined;
  private exchanges = 0;
  private unsummarised = 0;

  private readonly red: Redactor;
  private readonly known: KnownValues;
  /** The known values every key and example has been hidden by (hideLate). */
  private hiddenBy: readonly string[] = [];

  constructor(private readonly options: SummarizeOptions = {}) {
    this.red = asRedactor(options.redact);
    this.known = options.known ?? new KnownValues();
  }

  /** The route a URL's scheme, host and path name, redacted, and hidden by `values`. */
  private route(base: string, values: readonly string[]): { host: string; path: string } {
    return exchangeRoute(hideKnownValues(redactUrl(base, this.red), values));
  }

  /**
   * One analysed exchange: its findings, and the body's JSON as the engine parsed it (so a body
   * is parsed once, for the rules and the shape alike). `values`: its reportedValues when the
   * caller has them; else read from its headers (the panel's live records have none: their
   * findings were hidden when recorded).
   */
  add(
    exchange: Exchange,
    findings: readonly Finding[],
    json: JsonState | undefined,
    values: readonly string[] = Array.isArray(exchange.requestHeaders)
      ? reportedValues(exchange, this.red)
      : [],
  ): void {
    if (values.length > 0) this.known.add(values);
    // The cached routes were hidden by the values as they were: one added since (here, or by the
    // other capture of a comparison) empties the cache.
    if (this.routesFor !== this.known.values) {
      this.routes.clear();
      this.routesFor = this.known.values;
    }
    // Only scheme, host and path name an endpoint; they are redacted (a token in a path
    // segment), and the capture's named credentials hidden, before they become a key that
    // reports print.
    const base = exchange.url.split(/[?#]/, 1)[0]!;
    let route: { host: string; path: string } | undefined;
    if (this.known.holdsAll(values)) {
      route = this.routes.get(base);
      if (!route) {
        route = this.route(base, this.known.values);
        if (this.routes.size >= MAX_CACHED_ROUTES) this.routes.clear();
        this.routes.set(base, route);
      }
    } else {
      // Past the bound on known values (MAX_VALUES): its own are hidden all the same, uncached.
      route = this.route(base, [...values, ...this.known.values].sort(longestFirst));
    }
    const host = this.options.ignoreHost ? '' : route.host;
    const { path } = route;
    const key = endpointKey(exchange.method, host, path);
    let t = this.endpoints.get(key);
    if (!t) {
      if (this.endpoints.size >= (this.options.maxEndpoints ?? MAX_ENDPOINTS)) {
        this.unsummarised++;
        return;
      }
      t = new EndpointTally(key, exchange.method, host, path);
      this.endpoints.set(key, t);
    }
    this.exchanges++;
    t.count++;
    t.statuses.set(exchange.status, (t.statuses.get(exchange.status) ?? 0) + 1);
    let known: readonly string[] | undefined;
    for (const f of findings) {
      const r = t.rules.get(f.rule);
      if (!r) {
        // A message may quote a credential the exchange sends under a name (a database error
        // naming the session id its cookie carries): hidden as every report hides it.
        // The panel's live side passes only method, URL, status and time (live-capture.ts hid its
        // findings' credentials when it recorded them): it has no headers to read.
        known ??= Array.isArray(exchange.requestHeaders) ? knownSecretValues([exchange], this.red) : [];
        t.rules.set(f.rule, {
          rule: f.rule,
          severity: f.severity,
          count: 1,
          example: clip(hideKnownValues(hideKnownValues(f.message, known), this.known.values), MAX_EXAMPLE),
        });
        continue;
      }
      r.count++;
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[r.severity]) r.severity = f.severity;
    }
    if (json?.kind === 'ok') {
      const family = statusFamily(exchange.status);
      let s = t.shapes.get(family);
      if (!s) t.shapes.set(family, (s = new ShapeTally()));
      s.add(json.value);
    }
    t.latency.add(exchange.time);
  }

  /**
   * Keys, paths and examples made before a value was known (a URL that repeats what a later
   * exchange, or the other capture, carries by name) hidden by it now. Two endpoints that then
   * read alike are one.
   */
  private hideLate(): void {
    const values = this.known.values;
    if (values === this.hiddenBy || values.length === 0) return;
    this.hiddenBy = values;
    const endpoints = new Map<string, EndpointTally>();
    for (const t of this.endpoints.values()) {
      t.path = hideKnownValues(t.path, values);
      t.key = endpointKey(t.method, t.host, t.path);
      for (const r of t.rules.values()) r.example = hideQuoted(r.example, values);
      const same = endpoints.get(t.key);
      if (same) same.absorb(t);
      else endpoints.set(t.key, t);
    }
    this.endpoints = endpoints;
  }

  summary(): CaptureSummary {
    this.hideLate();
    return {
      exchanges: this.exchanges,
      unsummarised: this.unsummarised,
      endpoints: [...this.endpoints.values()]
        .map((t) => t.summary(this.known.values))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    };
  }
}
