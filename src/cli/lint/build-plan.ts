import { dirname, isAbsolute, join, resolve } from 'node:path';
import { activeRules } from '../../core/engine/analyze';
import { activeSessionRules } from '../../core/session/active';
import { limitsForBodyCap } from '../../core/engine/body-cap';
import { knownProfileIds } from '../../core/profiles/builtins';
import { enabledProfileIds } from '../../core/profiles/enabled';
import { knownRuleIds } from '../../core/profiles/registry';
import { listOf } from '../../core/text/list';
import { defaultSettings, type RuleSetting } from '../../core/settings/schema';
import { diagnosticLine, type Diagnostic } from '../diagnostic';
import { InputError, UsageError } from '../io';
import type { CliIo } from '../io';
import type { LintPlan } from './lint-plan';
import { checkBaseUrl } from '../../core/contract';
import {
  contractLoadLines,
  loadContracts,
  switchedOffNote,
  withoutRepeats,
  type ContractRef,
} from './contracts';
import { expandFileArgs } from './globs';
import { nearest } from '../../core/text/edit-distance';
import { watchedProfiles } from './scope-watch';
import type { LintArgs, LintFormat } from './options';
import { readConfig, withProfileFiles } from './settings-files';
import { idleRatingNotes, parseRuleOption } from './rule-ratings';
import { checkOutput } from './check-output';

/**
 * lint's plan from its arguments (options.ts read them): the files the arguments name are read
 * in order: the inputs' glob patterns, the config and the profile files (settings-files.ts), the
 * OpenAPI documents; then the rules and profiles are settled (config first, then --profile and
 * --rule on top: rule-ratings.ts) and --output is checked against the inputs (check-output.ts).
 */

/**
 * What building the plan has to say, for standard error before any linting (lint and diff):
 * what the command line replaced or will not take effect, then what loading the descriptions found.
 */
export function planLines(plan: Pick<LintPlan, 'notes' | 'contractNotes' | 'contractWarnings'>): string {
  return (plan.notes ?? []).map((d) => diagnosticLine(d)).join('') + contractLoadLines(plan);
}

export interface LintCommand {
  plan: LintPlan;
  format: LintFormat;
  output?: string;
  /** --jobs: how many threads lint entries (default: the available cores). */
  jobs: number;
}

/** `; did you mean "problem"?` for a mistyped --profile (as a settings file's `profiles` says), or ''. */
function profileHint(name: string, known: readonly string[]): string {
  const near = nearest(name, known);
  return near === undefined ? '' : `; did you mean ${JSON.stringify(near)}?`;
}

/** Builds lint's plan from its arguments: config first, then --profile and --rule on top. */
export async function buildLintPlan(a: LintArgs, io: CliIo): Promise<LintCommand> {
  const files = await expandFileArgs(a.inputs, io.cwd);
  if (files.filter((f) => f === '-').length > 1)
    throw new UsageError('standard input (-) can be read only once', 'lint');

  const configPath = a.config;
  const settings = configPath === undefined ? defaultSettings() : await readConfig(configPath, io);
  const notes: Diagnostic[] = [];
  const { userProfiles, added } = await withProfileFiles(
    settings.userProfiles,
    a.profileFiles,
    io,
    configPath,
    notes,
  );
  const enabled: string[] = [...settings.profiles];
  for (const id of added) if (!enabled.includes(id)) enabled.push(id);
  // What --profile takes: the built-ins, then the user's own.
  const knownProfiles = knownProfileIds(userProfiles);
  for (const value of a.profileValues) {
    const names = value
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    if (names.length === 0) {
      throw new UsageError(`--profile needs a profile name: ${listOf(knownProfiles, 'or')}`, 'lint');
    }
    for (const p of names) {
      if (!knownProfiles.includes(p)) {
        throw new UsageError(
          `--profile must be one of ${listOf(knownProfiles, 'or')} (got ${JSON.stringify(p)}${profileHint(p, knownProfiles)}); a profile of your own comes from --profile-file`,
          'lint',
        );
      }
      if (!enabled.includes(p)) enabled.push(p);
    }
  }
  const known = knownRuleIds(userProfiles);
  const rules: Record<string, RuleSetting> = { ...settings.rules };
  const rated = a.ruleSpecs.map((o) => parseRuleOption(o, known));
  for (const [id, level] of rated) rules[id] = level;
  const profiles = enabledProfileIds({ profiles: enabled, userProfiles });
  notes.push(...idleRatingNotes(rated, settings.rules, profiles, userProfiles, configPath));
  const effective = { profiles, rules, userProfiles, profileScopes: settings.profileScopes };
  const bodyCap = a.bodyCap ?? settings.capture.bodySizeCap;

  // --openapi documents from the command line, then the settings file's (relative to it).
  const baseUrls = a.openapiBaseUrls;
  const refs: ContractRef[] = a.openapi.map((file, i) => {
    const baseUrl = baseUrls.length === 1 ? baseUrls[0] : baseUrls[i];
    const ref = { file, name: file, base: io.cwd };
    return baseUrl === undefined ? ref : { ...ref, baseUrl };
  });
  const configDir = configPath === undefined ? io.cwd : dirname(resolve(io.cwd, configPath));
  const configName = (file: string) =>
    configPath === undefined || isAbsolute(file) ? file : join(dirname(configPath), file);
  const contractNotes: Diagnostic[] = [];
  for (const [i, r] of (settings.openapi ?? []).entries()) {
    if (r.baseUrl !== undefined && checkBaseUrl(r.baseUrl))
      throw new InputError(`openapi: ${checkBaseUrl(r.baseUrl)}`, configPath);
    // Switched off: not read at all (a file that is gone is no error), and said once, so
    // contract findings and coverage that vanished from a CI log do not read as a pass.
    if (r.off) {
      contractNotes.push(switchedOffNote(r.file, i, configPath));
      continue;
    }
    const ref: ContractRef = { file: r.file, name: configName(r.file), base: configDir };
    if (configPath !== undefined) ref.from = { config: configPath, index: i };
    refs.push(r.baseUrl === undefined ? ref : { ...ref, baseUrl: r.baseUrl });
  }
  const unique = await withoutRepeats(refs);
  contractNotes.push(...unique.notes);
  const { contracts, warnings } = await loadContracts(unique.refs);

  const output = a.output;
  if (output !== undefined && output !== '-') await checkOutput(output, files, io);
  const command: LintCommand = {
    format: a.format,
    jobs: a.jobs,
    plan: {
      files,
      active: activeRules(effective),
      session: activeSessionRules({ ...effective, ruleOptions: settings.ruleOptions ?? {} }),
      profiles: effective.profiles,
      profileIds: knownProfiles,
      profilesGiven: a.profileValues,
      bodyCap,
      limits: limitsForBodyCap(bodyCap),
      failOn: a.failOn,
      redaction: settings.redaction,
      contracts,
      contractWarnings: warnings,
      contractNotes,
      notes,
      watch: watchedProfiles(effective),
    },
  };
  if (a.stdinName !== undefined) command.plan.stdinName = a.stdinName;
  // "-o -" is standard output, as for input.
  if (output !== undefined && output !== '-') command.output = output;
  return command;
}
