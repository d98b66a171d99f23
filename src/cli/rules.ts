import { profileScopeOf } from '../core/engine/analyze';
import { describeAdjustments, profileAdjustments } from '../core/profiles/adjustments';
import { BUILTIN_RULES as RULES, userProfileRules } from '../core/profiles/registry';
import { describeScope } from '../core/profiles/scope';
import type { ProfileDocument } from '../core/profiles/types';
import { CONTRACT_RULES } from '../core/rules/contract';
import { PROFILES } from '../core/rules/profiles';
import { otherSeveritiesText } from '../core/rules/default-severity';
import { isSessionRule } from '../core/rules/registry';
import type { AnyRule, RuleGroup } from '../core/rules/types';
import { listOf } from '../core/text/list';
import { optionsOf } from '../core/settings/rule-options';
import { choice, lastValue, parseArgs, type OptionSpec } from './args';
import { readConfig, withProfileFiles } from './lint/settings-files';
import { diagnosticLine, type Diagnostic } from './diagnostic';
import { EXIT_OK, UsageError, type CliIo } from './io';
import { paint, useColour, type Paint } from './terminal';
import { ruleDocPath } from './version';

export const RULES_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', value: true },
  { name: 'profile-file', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'help', short: 'h' },
];

/** The rules a profile of your own generates, with its document (`--profile-file`, `--config`). */
type OwnProfile = { doc: ProfileDocument; rules: AnyRule[] };

/**
 * Your own profiles as `rules` shows them: the rules each generates, and what its `rules` adjusts
 * inside its scope (the scope a `--config` gives it, else its own), in words.
 */
interface OwnProfiles {
  list: OwnProfile[];
  /** Per profile id: "Inside its scope (…): session/duplicate-request off". */
  adjusts: Map<string, string>;
  /** Per profile id: "Runs inside its scope (…): problem/shape and …", its `checks`. */
  runs: Map<string, string>;
  /** Per rule id: the profiles adjusting it, for the JSON. */
  adjustedBy: Map<string, { profile: string; setting: string; scope: string; overridden: boolean }[]>;
}

function ruleJson(r: AnyRule, own?: ProfileDocument, adjustedBy?: OwnProfiles['adjustedBy']) {
  const builtin = PROFILES.find((p) => p.id === r.group);
  const profile = own ? { id: own.id, name: own.name } : builtin && { id: builtin.id, name: builtin.name };
  return {
    id: r.id,
    severity: r.severity,
    // The cases reported at another level (a 416 is a warning where a 206 is an error): what a
    // --fail-on choice has to know beside the default.
    ...(r.otherSeverities?.length ? { otherSeverities: r.otherSeverities.map((o) => ({ ...o })) } : {}),
    group: r.group,
    ...(profile ? { profile } : {}),
    description: r.description,
    source: { label: r.source.label, url: r.source.url },
    headerOnly: r.headerOnly === true,
    // Judges the sequence of exchanges (a session rule), not one exchange: not every id says so
    // (security/server-version-disclosure reports once per origin and value).
    session: isSessionRule(r),
    // A profile of your own has no page under docs/rules: its guide is its documentation.
    docs: own ? own.source : ruleDocPath(r.id),
    // Your profiles that switch it off or re-rate it inside their scopes (--profile-file, --config).
    ...(adjustedBy?.has(r.id) ? { adjustedBy: adjustedBy.get(r.id) } : {}),
    // Thresholds a config file's `ruleOptions` sets (issue #18), as the rule declares them.
    ...(optionsOf(r).length > 0
      ? {
          options: optionsOf(r).map((o) => ({
            name: o.name,
            description: o.description,
            default: o.default,
            min: o.min,
            max: o.max,
          })),
        }
      : {}),
  };
}

function groupTitle(group: RuleGroup): string {
  if (group === 'core') return 'Core rules (always on)';
  if (group === 'opt-in') return 'Opt-in rules (off until given a severity: --rule ID=warning)';
  const profile = PROFILES.find((p) => p.id === group);
  return `Profile "${group}"${profile ? `: ${profile.name}` : ''} (--profile ${group})`;
}

/**
 * The contract rules are core rules (group `core` in the JSON), but they run only once an OpenAPI
 * description is loaded: listing them under "always on" told users they had been checked when
 * nothing had. The text listing gives them a section of their own, after the other core rules.
 */
const CONTRACT_IDS: ReadonlySet<string> = new Set(CONTRACT_RULES.map((r) => r.id));
const CONTRACT_TITLE = 'OpenAPI contract rules (core, when a description is loaded: --openapi FILE)';

function sections(): { title: string; group: RuleGroup; rules: AnyRule[] }[] {
  const out: { title: string; group: RuleGroup; rules: AnyRule[] }[] = [];
  for (const r of RULES) {
    const contract = CONTRACT_IDS.has(r.id);
    const title = contract ? CONTRACT_TITLE : groupTitle(r.group);
    let section = out.find((s) => s.title === title);
    if (!section) out.push((section = { title, group: r.group, rules: [] }));
    section.rules.push(r);
  }
  // Contract rules after every other always-on one, session rules included.
  const i = out.findIndex((s) => s.title === CONTRACT_TITLE);
  if (i !== -1) {
    const [contract] = out.splice(i, 1);
    out.splice(out.map((s) => s.group).lastIndexOf('core') + 1, 0, contract!);
  }
  return out;
}

function rulesText(p: Paint, { list: own, adjusts, runs: ownRuns }: OwnProfiles): string {
  const all = [...RULES, ...own.flatMap((o) => o.rules)];
  const width = Math.max(...all.map((r) => r.id.length));
  const out: string[] = [];
  const ownSections = own.map((o) => ({
    title: `Your profile "${o.doc.id}": ${o.doc.name}`,
    group: o.doc.id,
    rules: o.rules,
    summary: o.doc.summary,
  }));
  for (const { title, group: g, rules, summary } of [...sections(), ...ownSections] as {
    title: string;
    group: RuleGroup;
    rules: AnyRule[];
    summary?: string;
  }[]) {
    if (out.length > 0) out.push('');
    out.push(p.bold(title));
    const profile = PROFILES.find((x) => x.id === g);
    if (profile) out.push(p.dim(`  ${profile.summary}`));
    else if (summary) out.push(p.dim(`  ${summary}`));
    const runs = ownRuns.get(g);
    if (runs) out.push(`  ${runs}`);
    const adjusted = adjusts.get(g);
    if (adjusted) out.push(`  ${adjusted}`);
    for (const r of rules) {
      out.push(`  ${r.id.padEnd(width)}  ${p.severity(r.severity, r.severity.padEnd(7))}  ${r.description}`);
      out.push(p.dim(`  ${' '.repeat(width)}           ${r.source.label} ${r.source.url}`));
      if (r.otherSeverities?.length)
        out.push(p.dim(`  ${' '.repeat(width)}           also ${otherSeveritiesText(r)}`));
      for (const o of optionsOf(r))
        out.push(
          p.dim(
            `  ${' '.repeat(width)}           option ${o.name} = ${o.default} (${o.min}–${o.max}): ${o.description}`,
          ),
        );
      // A boundary shared with another rule is set on that rule only (the config refuses it here):
      // say where, as the options page does beside this rule's own.
      if (isSessionRule(r))
        for (const sh of Object.values(r.shared ?? {}))
          out.push(
            p.dim(
              `  ${' '.repeat(width)}           also reads ${sh.rule}'s ${sh.option.name} (set it there, in its ruleOptions)`,
            ),
          );
    }
  }
  out.push(
    '',
    `${all.length} rules. Change a severity with --rule ID=off|info|warning|error or a --config file; options in its ruleOptions.`,
  );
  return `${out.join('\n')}\n`;
}

/**
 * `rules --profile-file FILE` / `--config FILE`: the rules your own profiles generate
 * (`acme/media-type`…) listed beside the built-ins, read and validated as lint reads them.
 */
async function ownProfiles(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<OwnProfiles> {
  const config = lastValue(args, 'config');
  const settings = config === undefined ? undefined : await readConfig(config, io);
  // As lint reads them: a --profile-file replaces the settings file's profile of its id.
  const notes: Diagnostic[] = [];
  const { userProfiles: docs } = await withProfileFiles(
    settings?.userProfiles ?? [],
    args.options.get('profile-file') ?? [],
    io,
    config,
    notes,
  );
  for (const d of notes) io.stderr.write(diagnosticLine(d));
  const generated = userProfileRules(docs);
  const out: OwnProfiles = { list: [], adjusts: new Map(), runs: new Map(), adjustedBy: new Map() };
  for (const doc of docs) {
    const rules = generated.find((g) => g.doc.id === doc.id)?.rules ?? [];
    const adjustments = profileAdjustments(doc, settings?.rules);
    const checks = doc.checks ?? [];
    // A profile that only adjusts rules, or only runs checks, generates none: it is listed all the same.
    if (rules.length === 0 && adjustments.length === 0 && checks.length === 0) continue;
    out.list.push({ doc, rules });
    const scope = describeScope(profileScopeOf(settings ?? {}, doc));
    if (checks.length > 0)
      out.runs.set(
        doc.id,
        `Runs inside its scope (${scope}): ${listOf(checks)} (each listed, and rated, under its own profile above)`,
      );
    const words = describeAdjustments(adjustments);
    if (words) out.adjusts.set(doc.id, `Inside its scope (${scope}): ${words}`);
    for (const a of adjustments) {
      const list = out.adjustedBy.get(a.rule) ?? [];
      list.push({ profile: doc.id, setting: a.setting, scope, overridden: a.overridden });
      out.adjustedBy.set(a.rule, list);
    }
  }
  return out;
}

export async function runRules(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, RULES_OPTIONS, 'rules');
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`, 'rules');
  const format = choice(args, 'format', ['text', 'json'] as const, 'text', 'rules');
  const own = await ownProfiles(args, io);
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify([...RULES.map((r) => ruleJson(r, undefined, own.adjustedBy)), ...own.list.flatMap((o) => o.rules.map((r) => ruleJson(r, o.doc, own.adjustedBy)))], null, 2)}\n`
      : rulesText(paint(useColour(io, true)), own),
  );
  return EXIT_OK;
}
