import { statusFamily, type StatusFamily } from '../exchange/family';
import { SEVERITY_RANK, type Finding, type Severity } from '../rules/types';
import { failureReason } from './failure-reason';
import { isJsonObject as isObject } from '../json/walk';

/** A problem response as the popup lists it: never a body, never headers. */
export interface ProblemResponse {
  method: string;
  path: string;
  status: number;
  worst?: { rule: string; severity: Severity; message: string };
  /** Why it failed, for failed calls and 5xx: "Connection Refused · net::ERR_CONNECTION_REFUSED". */
  reason?: string;
}

/** A tab's health in a few hundred bytes: what the popup and the badge show. */
export interface TabSummary {
  families: Record<StatusFamily, number>;
  findings: Record<Severity, number>;
  /** Rule id → number of findings. */
  rules: Record<string, number>;
  /** Newest last, at most RECENT_LIMIT. */
  recent: ProblemResponse[];
  updatedAt: number;
  /** The inspected page's host (its latest document), for the popup's heading. */
  host?: string;
  /** Failure reason ("CORS Blocked", "Connection Refused", "Server Error (5xx)") → calls. */
  failures?: Record<string, number>;
  /** Rule id → the worst severity its findings had, so the popup ranks by severity, then count. */
  ruleSeverity?: Record<string, Severity>;
  /**
   * How many of these requests (pages, scripts, images, third-party calls) the panel's "API only"
   * view leaves out while it is on: the popup then says why its counts are higher than the
   * panel's. Absent when API only is off there, hides nothing, or no panel reports the tab: the
   * counts then agree, and a sentence about a difference would mislead.
   */
  apiOnlyHides?: number;
}

export const RECENT_LIMIT = 20;

export function emptySummary(now = 0): TabSummary {
  return {
    families: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0, unknown: 0 },
    findings: { error: 0, warning: 0, info: 0 },
    rules: {},
    recent: [],
    updatedAt: now,
    failures: {},
    ruleSeverity: {},
  };
}

export interface SummaryInput {
  method: string;
  url: string;
  status: number;
  findings: readonly Pick<Finding, 'rule' | 'severity' | 'message'>[];
  failure?: string;
  serverStatus?: number;
  /** `document` marks the page itself: its host heads the popup. */
  resourceType?: string;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** A response is a "problem" when it failed, is 4xx/5xx, or has any finding. */
export function isProblem(input: SummaryInput): boolean {
  const fam = statusFamily(input.status);
  return input.findings.length > 0 || fam === '4xx' || fam === '5xx' || fam === 'failed' || fam === 'unknown';
}

/** Adds exchanges to a summary in place (order: oldest first) and returns it. */
export function addToSummary(summary: TabSummary, inputs: readonly SummaryInput[], now: number): TabSummary {
  const failures = (summary.failures ??= {});
  const ruleSeverity = (summary.ruleSeverity ??= {});
  for (const input of inputs) {
    summary.families[statusFamily(input.status)]++;
    if (input.resourceType === 'document' || summary.host === undefined) {
      const host = hostOf(input.url);
      if (host) summary.host = host.slice(0, 200);
    }
    let worst: SummaryInput['findings'][number] | undefined;
    for (const f of input.findings) {
      summary.findings[f.severity]++;
      summary.rules[f.rule] = (summary.rules[f.rule] ?? 0) + 1;
      const had = ruleSeverity[f.rule];
      if (!had || SEVERITY_RANK[f.severity] > SEVERITY_RANK[had]) ruleSeverity[f.rule] = f.severity;
      if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst.severity]) worst = f;
    }
    const failed = failureReason(input);
    if (failed) failures[failed.reason] = (failures[failed.reason] ?? 0) + 1;
    if (isProblem(input)) {
      const item: ProblemResponse = {
        method: input.method,
        path: pathOf(input.url).slice(0, 300),
        status: input.status,
      };
      if (worst)
        item.worst = { rule: worst.rule, severity: worst.severity, message: worst.message.slice(0, 300) };
      if (failed)
        item.reason = (failed.detail ? `${failed.reason} · ${failed.detail}` : failed.reason).slice(0, 200);
      summary.recent.push(item);
      if (summary.recent.length > RECENT_LIMIT)
        summary.recent.splice(0, summary.recent.length - RECENT_LIMIT);
    }
  }
  summary.updatedAt = now;
  return summary;
}

/** The rules to show first: worst severity, then most findings (four errors outrank ten infos). */
export function topRules(
  summary: TabSummary,
  limit = 5,
): { rule: string; count: number; severity?: Severity }[] {
  const sev = summary.ruleSeverity ?? {};
  const rank = (rule: string) => {
    const s = sev[rule];
    return s && Object.hasOwn(SEVERITY_RANK, s) ? SEVERITY_RANK[s] : 0;
  };
  return Object.entries(summary.rules)
    .map(([rule, count]) => {
      const s = Object.hasOwn(sev, rule) ? sev[rule] : undefined;
      return s && SEVERITY_RANK[s] ? { rule, count, severity: s } : { rule, count };
    })
    .sort((a, b) => rank(b.rule) - rank(a.rule) || b.count - a.count || a.rule.localeCompare(b.rule))
    .slice(0, limit);
}

/** Failures by reason, most first. */
export function failuresByReason(summary: TabSummary): { reason: string; count: number }[] {
  return Object.entries(summary.failures ?? {})
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function worstInSummary(summary: TabSummary): Severity | undefined {
  if (summary.findings.error > 0) return 'error';
  if (summary.findings.warning > 0) return 'warning';
  if (summary.findings.info > 0) return 'info';
  return undefined;
}

/** Structural check for summaries read back from storage or received in a message. */
export function isTabSummary(v: unknown): v is TabSummary {
  return (
    isObject(v) &&
    isObject(v.families) &&
    isObject(v.findings) &&
    isObject(v.rules) &&
    Array.isArray(v.recent) &&
    typeof v.updatedAt === 'number' &&
    (v.host === undefined || typeof v.host === 'string') &&
    (v.failures === undefined || isObject(v.failures)) &&
    (v.ruleSeverity === undefined || isObject(v.ruleSeverity)) &&
    (v.apiOnlyHides === undefined || typeof v.apiOnlyHides === 'number')
  );
}
