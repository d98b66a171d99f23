import { specDefined, type SpecDefined } from '../exchange/spec-defined';
import { recogniseOAuthErrors, type OAuthErrorSighting } from '../catalogue/oauth/recognise';
import type { Exchange } from '../exchange/types';
import { allProfiles } from '../profiles/registry';
import { compileScope, type CompiledScope } from '../profiles/scope';
import { conventionSigns } from '../profiles/signs';
import type { CompiledProfile, ProfileDocument, ProfileScope } from '../profiles/types';
import type { Settings } from '../settings/schema';
import { RULES } from '../rules/registry';
import { redactText } from '../secrets/redact-text';
import {
  SEVERITY_RANK,
  type Analysis,
  type EngineProblem,
  type Finding,
  type ProfileVerdict,
  type Rule,
  type RuleContext,
  type Severity,
} from '../rules/types';
import { extractServerMessage, type ServerMessage } from '../server-message/extract';
import type { PreparedContract } from '../contract/types';
import { summarizeMatch } from '../contract/coverage';
import { reportedPath } from '../export/reported';
import { buildContext, DEFAULT_LIMITS, type EngineLimits } from './context';

/** An enabled profile as the engine asks it: its id and its scope. */
export interface ActiveProfile {
  id: string;
  scope: CompiledScope;
}

/** A profile's `rules` entry for a core rule: off, or another severity, inside that profile's scope. */
export interface Adjustment {
  profile: ActiveProfile;
  setting: 'off' | Severity;
}

export interface ActiveRule {
  rule: Rule;
  /** The user's severity override (or the profile's, for a profile's own rule), if any. */
  override?: Severity;
  /** The profile that runs this rule: it runs only on exchanges in that profile's scope. */
  profile?: ActiveProfile;
  /** Profiles that adjust this core rule inside their scopes. */
  adjustments?: Adjustment[];
}

export type EngineSettings = Pick<Settings, 'profiles' | 'rules'> &
  Partial<Pick<Settings, 'userProfiles' | 'profileScopes' | 'ruleOptions'>>;

/** The scope a profile judges in: the settings' scope for it (`profileScopes`), else its document's. */
export function profileScopeOf(
  settings: Pick<EngineSettings, 'profileScopes'>,
  doc: Pick<ProfileDocument, 'id' | 'scope'>,
): ProfileScope | undefined {
  const scopes = settings.profileScopes ?? {};
  return Object.hasOwn(scopes, doc.id) ? scopes[doc.id] : doc.scope;
}

/** A profile's scope, compiled as the engine asks it (with the spec-defined requests it judges). */
export function compiledScopeOf(
  settings: Pick<EngineSettings, 'profileScopes'>,
  profile: Pick<CompiledProfile, 'doc' | 'judges'>,
): CompiledScope {
  return compileScope(profileScopeOf(settings, profile.doc), profile.judges);
}

/**
 * Which rules run under these settings, with their severity overrides. Core and opt-in rules
 * come from the registry; each enabled profile adds its rules, bound to its scope (the
 * settings' scope for that profile, else its document's). Compute once, reuse per exchange.
 */
export function activeRules(settings: EngineSettings, rules: readonly Rule[] = RULES): ActiveRule[] {
  const userSetting = (id: string) => (Object.hasOwn(settings.rules, id) ? settings.rules[id] : undefined);
  const out: ActiveRule[] = [];
  const core = new Map<string, ActiveRule>();
  /** Opt-in rules the user's settings leave off: a profile may still run one inside its scope. */
  const optIn = new Map<string, Rule>();
  for (const rule of rules) {
    if (rule.group !== 'core' && rule.group !== 'opt-in') continue;
    const setting = userSetting(rule.id);
    if (setting === 'off') continue;
    if (rule.group === 'opt-in' && setting === undefined) {
      optIn.set(rule.id, rule);
      continue;
    }
    const active: ActiveRule = setting === undefined ? { rule } : { rule, override: setting };
    core.set(rule.id, active);
    out.push(active);
  }
  const enabled = new Set(settings.profiles);
  for (const profile of allProfiles(settings.userProfiles ?? [])) {
    const { doc } = profile;
    if (!enabled.has(doc.id)) continue;
    const ap: ActiveProfile = { id: doc.id, scope: compiledScopeOf(settings, profile) };
    const adjustments = doc.rules ?? {};
    for (const rule of profile.rules) {
      const setting =
        userSetting(rule.id) ?? (Object.hasOwn(adjustments, rule.id) ? adjustments[rule.id] : undefined);
      if (setting === 'off') continue;
      out.push(setting === undefined ? { rule, profile: ap } : { rule, profile: ap, override: setting });
    }
    for (const [id, setting] of Object.entries(adjustments)) {
      // An opt-in rule the profile rates runs inside its scope, as one of its own checks: the
      // profile's API keeps that convention (`"http/date": "warning"`).
      const selected = optIn.get(id);
      if (selected && setting !== undefined && setting !== 'off') {
        out.push({ rule: selected, profile: ap, override: setting });
        continue;
      }
      const target = core.get(id);
      // The user's own setting for a core rule wins over any profile's adjustment.
      if (!target || setting === undefined || userSetting(id) !== undefined) continue;
      (target.adjustments ??= []).push({ profile: ap, setting });
    }
  }
  return out;
}

/** The ids of the profiles these active rules run, in order, once each. */
function profilesOf(active: readonly ActiveRule[]): ActiveProfile[] {
  const seen = new Map<string, ActiveProfile>();
  for (const a of active) if (a.profile && !seen.has(a.profile.id)) seen.set(a.profile.id, a.profile);
  return [...seen.values()];
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.rule.localeCompare(b.rule);
}

/**
 * What in-scope profiles' adjustments make of a rule on one exchange: 'off' when any switches it
 * off, else the last one's severity; undefined when none holds the exchange. Core rules
 * (analyzeExchange) and session rules (session/analyser.ts) are adjusted alike.
 */
export function adjustedSetting(
  adjustments: readonly Adjustment[],
  inScope: (p: ActiveProfile) => boolean,
): 'off' | Severity | undefined {
  let result: 'off' | Severity | undefined;
  for (const adj of adjustments) {
    if (!inScope(adj.profile)) continue;
    if (adj.setting === 'off') return 'off';
    result = adj.setting;
  }
  return result;
}

/**
 * Runs the active rules over one exchange. A profile's rules run only when the exchange is in
 * that profile's scope. A rule that throws becomes an engine problem for this exchange; the
 * others still run. Where a profile rule covers the same fact as a core rule (`supersedes`, the
 * rule's or one finding's), at the same pointer, only the profile's finding is kept. Findings come back worst first. `contracts` are the
 * prepared OpenAPI descriptions the contract/* rules judge by (none: they stay silent).
 */
export function analyzeExchange(
  exchange: Exchange,
  active: readonly ActiveRule[],
  limits: EngineLimits = DEFAULT_LIMITS,
  contracts: readonly PreparedContract[] = [],
  /** Sees the rule context once it is built (`status-lens diff` reads the parsed body from it, parsed once). */
  observe?: (ctx: RuleContext) => void,
): Analysis {
  const findings: Finding[] = [];
  const problems: EngineProblem[] = [];
  const profiles = profilesOf(active);
  const verdicts = new Map<string, string | undefined>();
  let ctx: RuleContext | undefined;
  // Which other specification defines this exchange's answers: asked once for every profile (it
  // may parse the request body), with the rule context's answer to "is it GraphQL", which
  // body/soft-error and the convention signs read too.
  let foreignAsked = false;
  let foreign: SpecDefined | undefined;
  const spec = () => {
    if (!foreignAsked) {
      foreignAsked = true;
      const known = ctx;
      foreign = known ? specDefined(exchange, known.graphqlRequest) : specDefined(exchange);
    }
    return foreign;
  };
  const inScope = (p: ActiveProfile) => {
    if (!verdicts.has(p.id)) verdicts.set(p.id, p.scope.outOfScope(exchange, spec));
    return verdicts.get(p.id) === undefined;
  };
  const verdictList = (): ProfileVerdict[] =>
    profiles.map((p) => {
      inScope(p);
      const reason = verdicts.get(p.id);
      return reason === undefined ? { profile: p.id } : { profile: p.id, reason };
    });
  try {
    ctx = buildContext(exchange, limits, contracts);
  } catch (e) {
    const out: Analysis = {
      findings,
      problems: [{ rule: '(engine)', message: String((e as Error)?.message ?? e) }],
    };
    if (profiles.length > 0) out.profiles = verdictList();
    return out;
  }
  observe?.(ctx);
  const superseded = new Set<string>();
  const seen = new Set<string>();
  for (const a of active) {
    const { rule } = a;
    if (a.profile && !inScope(a.profile)) continue;
    const adjustment = a.adjustments ? adjustedSetting(a.adjustments, inScope) : undefined;
    if (adjustment === 'off') continue;
    try {
      for (const report of rule.check(ctx)) {
        // Two enabled profiles that share a function check would otherwise report it twice.
        const key = `${rule.id}\u0000${report.pointer ?? ''}\u0000${report.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const finding: Finding = {
          rule: rule.id,
          severity: a.override ?? adjustment ?? report.severity ?? rule.severity,
          // Findings quote what they found (a Server value, a database error, a JSON key in a
          // pointer) and travel on into reports, SARIF and session storage: no credential in
          // them may survive, whichever rule wrote them.
          message: redactText(report.message),
          source: report.source ?? rule.source,
        };
        if (report.pointer !== undefined) finding.pointer = redactText(report.pointer);
        if (a.profile) finding.profile = a.profile.id;
        findings.push(finding);
        for (const id of [...(rule.supersedes ?? []), ...(report.supersedes ?? [])])
          superseded.add(`${id}\u0000${finding.pointer ?? ''}`);
      }
    } catch (e) {
      problems.push({ rule: rule.id, message: String((e as Error)?.message ?? e) });
    }
  }
  const kept =
    superseded.size === 0
      ? findings
      : findings.filter(
          (f) => f.profile !== undefined || !superseded.has(`${f.rule}\u0000${f.pointer ?? ''}`),
        );
  kept.sort(compareFindings);
  const out: Analysis = { findings: kept, problems };
  if (ctx.contract) {
    const match = summarizeMatch(ctx.contract, exchange.method);
    // Coverage lists an undocumented call by its request path, in every report: redacted as
    // the report's URL is, here where it is made (as findings are).
    if (match.kind === 'undocumented') match.path = reportedPath(exchange, match.path);
    out.contract = match;
  }
  if (profiles.length > 0) out.profiles = verdictList();
  if (foreign) out.specDefined = foreign.kind;
  const signs = conventionSigns(ctx);
  if (signs.length > 0) out.signs = signs;
  const said = saidBy(ctx);
  if (said) out.said = said;
  const oauth = oauthBy(ctx);
  if (oauth.length > 0) out.oauth = oauth;
  return out;
}

/** The OAuth error codes the exchange reports (the Overview explains them); never fatal to the analysis. */
function oauthBy(ctx: RuleContext): OAuthErrorSighting[] {
  try {
    return recogniseOAuthErrors(ctx.exchange, ctx.json.kind === 'ok' ? ctx.json.value : undefined);
  } catch {
    return [];
  }
}

/** The body's error message members, from the JSON parsed once above; never fatal to the analysis. */
function saidBy(ctx: RuleContext): ServerMessage | undefined {
  try {
    const { exchange } = ctx;
    return extractServerMessage({
      status: exchange.status,
      ...(exchange.serverStatus !== undefined ? { serverStatus: exchange.serverStatus } : {}),
      mediaType: ctx.mediaType,
      ...(ctx.json.kind === 'ok' ? { json: ctx.json.value } : {}),
      ...(ctx.text !== undefined && ctx.json.kind === 'none' ? { text: ctx.text } : {}),
    });
  } catch {
    return undefined;
  }
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings)
    if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

export { DEFAULT_LIMITS, type EngineLimits };
export type { ProfileDocument };
