import { statusFamily, type StatusFamily } from '../exchange/family';
import type { Exchange } from '../exchange/types';
import type { Finding, Severity } from '../rules/types';
import { routeTemplate } from './route-template';

/** What grouping needs of one exchange, derived once (the route template is the costly part). */
export interface EndpointRecord {
  key: string;
  method: string;
  host: string;
  path: string;
  family: StatusFamily;
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
  findings: Record<Severity, number>;
}

/** How an endpoint is named everywhere (Endpoints view, `status-lens diff`): `GET api.example.com/users/{id}`. */
export function endpointKey(method: string, host: string, path: string): string {
  return `${method} ${host}${path}`;
}

export function endpointRecord(exchange: Exchange, findings: readonly Finding[]): EndpointRecord {
  const { host, path } = routeTemplate(exchange.url);
  return {
    key: endpointKey(exchange.method, host, path),
    method: exchange.method,
    host,
    path,
    family: statusFamily(exchange.status),
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity })),
  };
}

/** Worst endpoints first: errors, then warnings, then volume. */
export function compareGroups(a: EndpointGroup, b: EndpointGroup): number {
  return (
    b.findings.error - a.findings.error ||
    b.findings.warning - a.findings.warning ||
    b.count - a.count ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Counts records into groups and takes them out again, so a change costs one record, not all. */
export class GroupTally {
  readonly groups = new Map<string, EndpointGroup>();

  add(r: EndpointRecord): void {
    let g = this.groups.get(r.key);
    if (!g) {
      g = {
        key: r.key,
        method: r.method,
        host: r.host,
        path: r.path,
        count: 0,
        families: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0, unknown: 0 },
        rules: {},
        findings: { error: 0, warning: 0, info: 0 },
      };
      this.groups.set(r.key, g);
    }
    g.count++;
    g.families[r.family]++;
    for (const f of r.findings) {
      g.rules[f.rule] = (g.rules[f.rule] ?? 0) + 1;
      g.findings[f.severity]++;
    }
  }

  remove(r: EndpointRecord): void {
    const g = this.groups.get(r.key);
    if (!g) return;
    if (--g.count <= 0) {
      this.groups.delete(r.key);
      return;
    }
    g.families[r.family]--;
    for (const f of r.findings) {
      if (--g.rules[f.rule]! <= 0) delete g.rules[f.rule];
      g.findings[f.severity]--;
    }
  }

  clear(): void {
    this.groups.clear();
  }

  /** The `limit` worst groups, copied (the tally keeps changing), and how many there are. */
  top(limit: number): { groups: EndpointGroup[]; total: number } {
    const all = [...this.groups.values()].sort(compareGroups);
    return {
      groups: all.slice(0, limit).map((g) => ({
        ...g,
        families: { ...g.families },
        rules: { ...g.rules },
        findings: { ...g.findings },
      })),
      total: all.length,
    };
  }
}

/** All exchanges grouped at once (tests, the hostile-input suite). The panel groups incrementally. */
export function groupEndpoints(
  items: readonly { exchange: Exchange; findings: readonly Finding[] }[],
): EndpointGroup[] {
  const tally = new GroupTally();
  for (const { exchange, findings } of items) tally.add(endpointRecord(exchange, findings));
  return [...tally.groups.values()].sort(compareGroups);
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
