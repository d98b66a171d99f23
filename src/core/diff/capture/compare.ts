import type { StatusFamily } from '../../exchange/family';
import type { Severity } from '../../rules/types';
import type { LatencyQuantiles } from './latency';
import type { JsonType } from '../../json/walk';
import { ARRAY_ITEMS, type ShapeMember } from './shape';
import type { CaptureSummary, EndpointSummary, RuleTally, StatusCount } from './summary';

/**
 * Two capture summaries compared per endpoint: which endpoints appeared or vanished, and for
 * each endpoint both have, the status mix, findings, response shape and latency. What counts
 * as "changed" is decided here, once, for the CLI's three formats and the panel alike.
 */

/** A status's share of an endpoint's requests moving by this much (0–1) changes its mix. */
export const STATUS_SHARE_CHANGE = 0.1;
/** p50 or p95 changing by this factor, and by at least LATENCY_MIN_MS, is a latency change. */
export const LATENCY_RATIO = 1.25;
export const LATENCY_MIN_MS = 20;

export interface ShapeDrift {
  family: StatusFamily;
  added: { path: string; types: JsonType[] }[];
  removed: { path: string; types: JsonType[] }[];
  changed: { path: string; before: JsonType[]; after: JsonType[] }[];
  /** A side's shape was truncated (too many members, or a body over the walk budget): added/removed may be incomplete. */
  partial: boolean;
}

export interface LatencyChange {
  before: LatencyQuantiles;
  after: LatencyQuantiles;
  /** Set when p50 or p95 moved by LATENCY_RATIO and LATENCY_MIN_MS. */
  verdict?: 'slower' | 'faster';
}

export type EndpointChange = 'appeared' | 'vanished' | 'changed' | 'unchanged';

export interface EndpointDiff {
  key: string;
  method: string;
  host: string;
  path: string;
  change: EndpointChange;
  /** Requests in each capture (0: none). */
  count: { before: number; after: number };
  /** Present when the mix changed: both sides' counts per status. */
  statusMix?: { before: StatusCount[]; after: StatusCount[] };
  /** Rules on this endpoint after that were not before (all of them, for an endpoint that appeared). */
  newFindings: RuleTally[];
  /** Rules on this endpoint before that are gone after (not listed for an endpoint that vanished). */
  resolvedFindings: RuleTally[];
  /** Status families whose shape drifted (only families with JSON bodies in both). */
  shape: ShapeDrift[];
  /** When both captures timed this endpoint. */
  latency?: LatencyChange;
}

export interface CaptureDiff {
  endpoints: EndpointDiff[];
  totals: {
    endpoints: { before: number; after: number; appeared: number; vanished: number; changed: number };
    exchanges: { before: number; after: number };
    /** Requests past the endpoint cap on each side, not compared. */
    unsummarised: { before: number; after: number };
    newFindings: Record<Severity, number>;
    resolvedFindings: Record<Severity, number>;
  };
}

function statusMixChanged(before: EndpointSummary, after: EndpointSummary): boolean {
  const share = (list: StatusCount[], total: number) => new Map(list.map((s) => [s.status, s.count / total]));
  const a = share(before.statuses, before.count);
  const b = share(after.statuses, after.count);
  for (const status of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(status);
    const y = b.get(status);
    // A status seen on one side only (200 → 500) always counts.
    if (x === undefined || y === undefined) return true;
    // (less a rounding error: 15% − 5% is 0.09999… in binary)
    if (Math.abs(x - y) >= STATUS_SHARE_CHANGE - 1e-9) return true;
  }
  return false;
}

function latencyVerdict(before: LatencyQuantiles, after: LatencyQuantiles): LatencyChange['verdict'] {
  const moved = (x: number, y: number) =>
    Math.abs(y - x) >= LATENCY_MIN_MS && (y >= x * LATENCY_RATIO || x >= y * LATENCY_RATIO);
  const p50 = moved(before.p50, after.p50);
  const p95 = moved(before.p95, after.p95);
  if (!p50 && !p95) return undefined;
  const up = (p50 ? after.p50 - before.p50 : 0) + (p95 ? after.p95 - before.p95 : 0);
  return up > 0 ? 'slower' : 'faster';
}

const sameTypes = (a: readonly JsonType[], b: readonly JsonType[]) =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/** Paths under one already listed (a removed object's members) are not listed again. */
function underAny(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => path.startsWith(`${r}/`));
}

/**
 * True when `path` lies under an array's items that `side` saw only empty: the array's own path
 * is there, typed array, but no `…/[]` below it. `"photoUrls": []` shows no item, so an item
 * type the other side saw is neither removed nor added, only unseen (absence of evidence).
 */
function onlyEmptyArrays(path: string, side: ReadonlyMap<string, ShapeMember>): boolean {
  const items = `/${ARRAY_ITEMS}`;
  for (let i = path.indexOf(items); i !== -1; i = path.indexOf(items, i + 1)) {
    // Only a whole segment: `/[]` followed by the end or another segment.
    if (i + items.length < path.length && path[i + items.length] !== '/') continue;
    const array = path.slice(0, i);
    if (side.get(array)?.types.includes('array') && !side.has(array + items)) return true;
  }
  return false;
}

/**
 * Whether one side's lacking `m`, which the other side's shape (of `bodies` bodies) holds, says it
 * went away (or came): only when the lacking side saw more bodies of the family than the other saw
 * without `m`. Fewer bodies may just not have held a member only some bodies carry: when a 200
 * whose body alone had it became a 500 (one GraphQL query failing), it is a status change, not
 * every member of that body removed.
 */
function lackIsEvidence(m: ShapeMember, bodies: number, lackingBodies: number): boolean {
  return lackingBodies > bodies - m.seen;
}

function shapeDrift(before: EndpointSummary, after: EndpointSummary): ShapeDrift[] {
  const out: ShapeDrift[] = [];
  for (const b of before.shapes) {
    const a = after.shapes.find((s) => s.family === b.family);
    if (!a) continue;
    const was = new Map<string, ShapeMember>(b.members.map((m) => [m.path, m]));
    const now = new Map<string, ShapeMember>(a.members.map((m) => [m.path, m]));
    const drift: ShapeDrift = {
      family: b.family,
      added: [],
      removed: [],
      changed: [],
      partial: a.truncated || b.truncated,
    };
    const changedRoots: string[] = [];
    // Sorted by path, so a parent comes before its members.
    for (const m of a.members) {
      const old = was.get(m.path);
      if (old && !sameTypes(old.types, m.types) && !underAny(m.path, changedRoots)) {
        drift.changed.push({ path: m.path, before: old.types, after: m.types });
        changedRoots.push(m.path);
      }
    }
    // What a truncated side lacks may just not have been kept: claim nothing about it.
    if (!b.truncated) {
      const roots: string[] = [...changedRoots];
      for (const m of a.members) {
        if (was.has(m.path) || underAny(m.path, roots) || onlyEmptyArrays(m.path, was)) continue;
        if (!lackIsEvidence(m, a.bodies, b.bodies)) continue;
        drift.added.push({ path: m.path, types: m.types });
        roots.push(m.path);
      }
    }
    if (!a.truncated) {
      const roots: string[] = [...changedRoots];
      for (const m of b.members) {
        if (now.has(m.path) || underAny(m.path, roots) || onlyEmptyArrays(m.path, now)) continue;
        if (!lackIsEvidence(m, b.bodies, a.bodies)) continue;
        drift.removed.push({ path: m.path, types: m.types });
        roots.push(m.path);
      }
    }
    if (drift.added.length + drift.removed.length + drift.changed.length > 0) out.push(drift);
  }
  return out;
}

function ruleDiff(from: readonly RuleTally[], to: readonly RuleTally[]): RuleTally[] {
  const had = new Set(from.map((r) => r.rule));
  return to.filter((r) => !had.has(r.rule));
}

function compareEndpoint(
  before: EndpointSummary | undefined,
  after: EndpointSummary | undefined,
): EndpointDiff {
  const e = (after ?? before)!;
  const d: EndpointDiff = {
    key: e.key,
    method: e.method,
    host: e.host,
    path: e.path,
    change: !before ? 'appeared' : !after ? 'vanished' : 'unchanged',
    count: { before: before?.count ?? 0, after: after?.count ?? 0 },
    newFindings: after ? ruleDiff(before?.findings ?? [], after.findings) : [],
    resolvedFindings: before && after ? ruleDiff(after.findings, before.findings) : [],
    shape: [],
  };
  if (!before || !after) return d;
  if (statusMixChanged(before, after)) d.statusMix = { before: before.statuses, after: after.statuses };
  d.shape = shapeDrift(before, after);
  if (before.latency && after.latency) {
    d.latency = { before: before.latency, after: after.latency };
    const verdict = latencyVerdict(before.latency, after.latency);
    if (verdict) d.latency.verdict = verdict;
  }
  if (
    d.statusMix ||
    d.shape.length > 0 ||
    d.latency?.verdict ||
    d.newFindings.length > 0 ||
    d.resolvedFindings.length > 0
  ) {
    d.change = 'changed';
  }
  return d;
}

const ORDER: Record<EndpointChange, number> = { changed: 0, appeared: 1, vanished: 2, unchanged: 3 };

export function compareCaptures(before: CaptureSummary, after: CaptureSummary): CaptureDiff {
  const was = new Map(before.endpoints.map((e) => [e.key, e]));
  const now = new Map(after.endpoints.map((e) => [e.key, e]));
  const keys = [...new Set([...was.keys(), ...now.keys()])];
  const endpoints = keys.map((k) => compareEndpoint(was.get(k), now.get(k)));
  // Changes first, then by key: the order a reader triages in, and stable between runs.
  endpoints.sort((a, b) => ORDER[a.change] - ORDER[b.change] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });
  const totals: CaptureDiff['totals'] = {
    endpoints: {
      before: before.endpoints.length,
      after: after.endpoints.length,
      appeared: 0,
      vanished: 0,
      changed: 0,
    },
    exchanges: { before: before.exchanges, after: after.exchanges },
    unsummarised: { before: before.unsummarised, after: after.unsummarised },
    newFindings: zero(),
    resolvedFindings: zero(),
  };
  for (const d of endpoints) {
    if (d.change !== 'unchanged') totals.endpoints[d.change]++;
    for (const r of d.newFindings) totals.newFindings[r.severity]++;
    for (const r of d.resolvedFindings) totals.resolvedFindings[r.severity]++;
  }
  return { endpoints, totals };
}

/** Whether any new finding fails the run under --fail-on (the comparison's exit code 1). */
export function newFindingsFail(diff: CaptureDiff, fails: (s: Severity) => boolean): boolean {
  return diff.endpoints.some((d) => d.newFindings.some((r) => fails(r.severity)));
}
