import type { Exchange } from '../exchange/types';
import type { Settings } from '../settings/schema';
import { RULES } from '../rules/registry';
import {
  SEVERITY_RANK,
  type Analysis,
  type EngineProblem,
  type Finding,
  type ProfileId,
  type Rule,
  type Severity,
} from '../rules/types';
import type { PreparedContract } from '../contract/types';
import { summarizeMatch } from '../contract/coverage';
import { buildContext, DEFAULT_LIMITS, type EngineLimits } from './context';

export interface ActiveRule {
  rule: Rule;
  /** The user's severity override, if any. */
  override?: Severity;
}

/** Which rules run under these settings, with their severity overrides. Compute once, reuse per exchange. */
export function activeRules(
  settings: Pick<Settings, 'profiles' | 'rules'>,
  rules: readonly Rule[] = RULES,
): ActiveRule[] {
  const profiles = new Set<ProfileId>(settings.profiles);
  const out: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = Object.prototype.hasOwnProperty.call(settings.rules, rule.id)
      ? settings.rules[rule.id]
      : undefined;
    if (setting === 'off') continue;
    if (rule.group === 'opt-in' && setting === undefined) continue;
    if (rule.group !== 'core' && rule.group !== 'opt-in' && !profiles.has(rule.group)) continue;
    out.push(setting === undefined ? { rule } : { rule, override: setting });
  }
  return out;
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.rule.localeCompare(b.rule);
}

/**
 * Runs the active rules over one exchange. A rule that throws becomes an engine problem for
 * this exchange; the others still run. Findings come back worst first. `contracts` are the
 * prepared OpenAPI descriptions the contract/* rules judge by (none: they stay silent).
 */
export function analyzeExchange(
  exchange: Exchange,
  active: readonly ActiveRule[],
  limits: EngineLimits = DEFAULT_LIMITS,
  contracts: readonly PreparedContract[] = [],
): Analysis {
  const findings: Finding[] = [];
  const problems: EngineProblem[] = [];
  let ctx;
  try {
    ctx = buildContext(exchange, limits, contracts);
  } catch (e) {
    return { findings, problems: [{ rule: '(engine)', message: String((e as Error)?.message ?? e) }] };
  }
  for (const { rule, override } of active) {
    try {
      for (const report of rule.check(ctx)) {
        const finding: Finding = {
          rule: rule.id,
          severity: override ?? report.severity ?? rule.severity,
          message: report.message,
          source: rule.source,
        };
        if (report.pointer !== undefined) finding.pointer = report.pointer;
        findings.push(finding);
      }
    } catch (e) {
      problems.push({ rule: rule.id, message: String((e as Error)?.message ?? e) });
    }
  }
  findings.sort(compareFindings);
  return ctx.contract
    ? { findings, problems, contract: summarizeMatch(ctx.contract, exchange.method) }
    : { findings, problems };
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings)
    if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

export { DEFAULT_LIMITS, type EngineLimits };
