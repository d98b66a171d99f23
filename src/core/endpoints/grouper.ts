import { statusFamily, type StatusFamily } from '../exchange/family';
import type { Exchange } from '../exchange/types';
import type { Finding, Severity } from '../rules/types';
import { exchangeRoute } from './route-template';

/** What grouping needs of one exchange, derived once (the route template is the costly part). */
export interface EndpointRecord {
  key: string;
  method: string;
  host: string;
  path: string;
  family: StatusFamily;
  /** Total time in ms, -1 when the recorder did not say. */
  time: number;
  /** One entry per finding. */
  findings: { rule: string; severity: Severity }[];
}

export interface EndpointGroup {
  key: string;
  method: string;
  host: string;
  path: string;
  count: number;
  families: Record<StatusFamily, number>;
  /** Rule id → count. */
  rules: Record<string, number>;
  /** Rule id → the worst severity its findings here have (for the severity marks). */
  ruleSeverity: Record<string, Severity>;
  findings: Record<Severity, number>;
  /** Calls that did not succeed (4xx, 5xx, failed), over all calls: 0…1. */
  errorRate: number;
  /** Median and 95th-percentile total time in ms (nearest rank) of the calls with a known time. */
  p50?: number;
  p95?: number;
}

/** How an endpoint is named everywhere (Endpoints view, `status-lens diff`): `GET api.example.com/users/{id}`. */
export function endpointKey(method: string, host: string, path: string): string {
  return `${method} ${host}${path}`;
}

export function endpointRecord(exchange: Exchange, findings: readonly Finding[]): EndpointRecord {
  const { host, path } = exchangeRoute(exchange.url);
  return {
    key: endpointKey(exchange.method, host, path),
    method: exchange.method,
    host,
    path,
    family: statusFamily(exchange.status),
    time: Number.isFinite(exchange.time) && exchange.time >= 0 ? exchange.time : -1,
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity })),
  };
}

/** Server errors and failed calls: what breaks for users, so it ranks an endpoint first. */
const broken = (g: Pick<EndpointGroup, 'families'>) => g.families['5xx'] + g.families.failed;

/** Worst endpoints first: 5xx and failed calls, then error findings, then warnings, then volume. */
export function compareGroups(a: EndpointGroup, b: EndpointGroup): number {
  return (
    broken(b) - broken(a) ||
    b.findings.error - a.findings.error ||
    b.findings.warning - a.findings.warning ||
    b.count - a.count ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Nearest-rank percentile of ascending `sorted` (non-empty). */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** A group while it is counted: the times behind its percentiles stay here, never in a snapshot. */
interface Tallied {
  group: EndpointGroup;
  /** Rule id + severity → count, so a rule's worst severity stays right as records leave. */
  bySeverity: Map<string, number>;
  times: number[];
  /** `times` ascending, made when a snapshot needs it; dropped on every change. */
  sorted: number[] | null;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];
const failing = (f: Record<StatusFamily, number>) => f['4xx'] + f['5xx'] + f.failed;

/** Counts records into groups and takes them out again, so a change costs one record, not all. */
export class GroupTally {
  private readonly tallied = new Map<string, Tallied>();

  add(r: EndpointRecord): void {
    let t = this.tallied.get(r.key);
    if (!t) {
      t = {
        group: {
          key: r.key,
          method: r.method,
          host: r.host,
          path: r.path,
          count: 0,
          families: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0, unknown: 0 },
          rules: {},
          ruleSeverity: {},
          findings: { error: 0, warning: 0, info: 0 },
          errorRate: 0,
        },
        bySeverity: new Map(),
        times: [],
        sorted: null,
      };
      this.tallied.set(r.key, t);
    }
    const g = t.group;
    g.count++;
    g.families[r.family]++;
    if (r.time >= 0) {
      t.times.push(r.time);
      t.sorted = null;
    }
    for (const f of r.findings) {
      g.rules[f.rule] = (g.rules[f.rule] ?? 0) + 1;
      g.findings[f.severity]++;
      const k = `${f.rule}\u0000${f.severity}`;
      t.bySeverity.set(k, (t.bySeverity.get(k) ?? 0) + 1);
    }
  }

  remove(r: EndpointRecord): void {
    const t = this.tallied.get(r.key);
    if (!t) return;
    const g = t.group;
    if (--g.count <= 0) {
      this.tallied.delete(r.key);
      return;
    }
    g.families[r.family]--;
    if (r.time >= 0) {
      const i = t.times.indexOf(r.time);
      if (i >= 0) {
        t.times[i] = t.times[t.times.length - 1]!;
        t.times.pop();
        t.sorted = null;
      }
    }
    for (const f of r.findings) {
      if (--g.rules[f.rule]! <= 0) delete g.rules[f.rule];
      g.findings[f.severity]--;
      const k = `${f.rule}\u0000${f.severity}`;
      const n = (t.bySeverity.get(k) ?? 0) - 1;
      if (n <= 0) t.bySeverity.delete(k);
      else t.bySeverity.set(k, n);
    }
  }

  clear(): void {
    this.tallied.clear();
  }

  /** A copy of one group with its derived numbers (the tally keeps changing). */
  private view(t: Tallied): EndpointGroup {
    const g = t.group;
    const ruleSeverity: Record<string, Severity> = {};
    for (const rule of Object.keys(g.rules))
      ruleSeverity[rule] = SEVERITY_ORDER.find((s) => t.bySeverity.has(`${rule}\u0000${s}`)) ?? 'info';
    const out: EndpointGroup = {
      key: g.key,
      method: g.method,
      host: g.host,
      path: g.path,
      count: g.count,
      families: { ...g.families },
      rules: { ...g.rules },
      ruleSeverity,
      findings: { ...g.findings },
      errorRate: g.count > 0 ? failing(g.families) / g.count : 0,
    };
    if (t.times.length > 0) {
      t.sorted ??= [...t.times].sort((a, b) => a - b);
      out.p50 = percentile(t.sorted, 50);
      out.p95 = percentile(t.sorted, 95);
    }
    return out;
  }

  /** The `limit` worst groups, copied, and how many there are. Percentiles only for those shown. */
  top(limit: number): { groups: EndpointGroup[]; total: number } {
    const all = [...this.tallied.values()].sort((a, b) => compareGroups(a.group, b.group));
    return { groups: all.slice(0, limit).map((t) => this.view(t)), total: all.length };
  }
}

/** All exchanges grouped at once (tests, the hostile-input suite). The panel groups incrementally. */
export function groupEndpoints(
  items: readonly { exchange: Exchange; findings: readonly Finding[] }[],
): EndpointGroup[] {
  const tally = new GroupTally();
  for (const { exchange, findings } of items) tally.add(endpointRecord(exchange, findings));
  return tally.top(Number.POSITIVE_INFINITY).groups;
}

/**
 * The Endpoints view's model where the analysis runs (the worker). It keeps one record per
 * exchange it has seen analysed, and the set of ids the panel's filters currently let through;
 * groups follow both incrementally — a row arriving, a row's findings changing, the filter
 * changing — so nothing is ever regrouped on the panel's thread.
 */
export class EndpointIndex {
  private readonly records = new Map<string, EndpointRecord>();
  private visible = new Set<string>();
  private readonly tally = new GroupTally();

  /** An exchange was analysed (again): its record replaces the old one in the groups. */
  upsert(id: string, record: EndpointRecord): void {
    const old = this.records.get(id);
    this.records.set(id, record);
    if (!this.visible.has(id)) return;
    if (old) this.tally.remove(old);
    this.tally.add(record);
  }

  /** Rows the panel no longer holds (the retention cap dropped them). */
  forget(ids: readonly string[]): void {
    for (const id of ids) {
      const r = this.records.get(id);
      this.records.delete(id);
      if (this.visible.delete(id) && r) this.tally.remove(r);
    }
  }

  /** Ids that pass the panel's filters: all of them (`reset`), or rows just appended. */
  show(ids: readonly string[], reset: boolean): void {
    if (reset) {
      this.visible = new Set();
      this.tally.clear();
    }
    for (const id of ids) {
      if (this.visible.has(id)) continue;
      this.visible.add(id);
      const r = this.records.get(id);
      // Not analysed yet: it is counted when its record arrives.
      if (r) this.tally.add(r);
    }
  }

  /** The Endpoints view closed: keep the records, stop tracking what is shown. */
  hide(): void {
    this.visible = new Set();
    this.tally.clear();
  }

  clear(): void {
    this.records.clear();
    this.hide();
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  get size(): number {
    return this.records.size;
  }

  snapshot(limit: number): { groups: EndpointGroup[]; total: number } {
    return this.tally.top(limit);
  }
}
