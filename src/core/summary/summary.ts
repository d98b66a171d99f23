import { statusFamily, type StatusFamily } from '../exchange/family';
import { SEVERITY_RANK, type Finding, type Severity } from '../rules/types';

/** A problem response as the popup lists it: never a body, never headers. */
export interface ProblemResponse {
  method: string;
  path: string;
  status: number;
  worst?: { rule: string; severity: Severity; message: string };
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
}

export const RECENT_LIMIT = 20;

export function emptySummary(now = 0): TabSummary {
  return {
    families: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, failed: 0, unknown: 0 },
    findings: { error: 0, warning: 0, info: 0 },
    rules: {},
    recent: [],
    updatedAt: now,
  };
}

export interface SummaryInput {
  method: string;
  url: string;
  status: number;
  findings: readonly Pick<Finding, 'rule' | 'severity' | 'message'>[];
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
  for (const input of inputs) {
    summary.families[statusFamily(input.status)]++;
    let worst: SummaryInput['findings'][number] | undefined;
    for (const f of input.findings) {
      summary.findings[f.severity]++;
      summary.rules[f.rule] = (summary.rules[f.rule] ?? 0) + 1;
      if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst.severity]) worst = f;
    }
    if (isProblem(input)) {
      const item: ProblemResponse = {
        method: input.method,
        path: pathOf(input.url).slice(0, 300),
        status: input.status,
      };
      if (worst)
        item.worst = { rule: worst.rule, severity: worst.severity, message: worst.message.slice(0, 300) };
      summary.recent.push(item);
      if (summary.recent.length > RECENT_LIMIT)
        summary.recent.splice(0, summary.recent.length - RECENT_LIMIT);
    }
  }
  summary.updatedAt = now;
  return summary;
}

export function topRules(summary: TabSummary, limit = 5): { rule: string; count: number }[] {
  return Object.entries(summary.rules)
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
    .slice(0, limit);
}

export function worstInSummary(summary: TabSummary): Severity | undefined {
  if (summary.findings.error > 0) return 'error';
  if (summary.findings.warning > 0) return 'warning';
  if (summary.findings.info > 0) return 'info';
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural check for summaries read back from storage or received in a message. */
export function isTabSummary(v: unknown): v is TabSummary {
  return (
    isObject(v) &&
    isObject(v.families) &&
    isObject(v.findings) &&
    isObject(v.rules) &&
    Array.isArray(v.recent) &&
    typeof v.updatedAt === 'number'
  );
}
