import { readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { activeRules } from '../../core/engine/analyze';
import { activeSessionRules } from '../../core/session/active';
import { limitsForBodyCap } from '../../core/engine/body-cap';
import { BUILTIN_PROFILE_IDS } from '../../core/profiles/builtins';
import { enabledProfileIds } from '../../core/profiles/enabled';
import { knownRuleIds, profilesRunning } from '../../core/profiles/registry';
import { ruleIdHint } from '../../core/rules/rule-hint';
import type { ProfileDocument } from '../../core/profiles/types';
import { validateProfile } from '../../core/profiles/validate';
import { listOf } from '../../core/text/list';
import { RULE_IDS } from '../../core/rules/registry';
import { findJsonSyntaxError, jsonSyntaxWhere } from '../../core/json/syntax';
import { defaultSettings, RULE_SETTINGS, type RuleSetting, type Settings } from '../../core/settings/schema';
import { parseSettings } from '../../core/settings/parse';
import { diagnosticLine, inFile, type Diagnostic } from '../diagnostic';
import { InputError, UsageError } from '../io';
import type { CliIo } from '../io';
import type { LintPlan } from './lint';
import { describeFsError } from './source';
import { checkBaseUrl } from '../../core/contract';
import {
  contractLoadLines,
  loadContracts,
  switchedOffNote,
  withoutRepeats,
  type ContractRef,
} from './contracts';
import { expandFileArgs } from './globs';
import { watchedProfiles } from './scope-watch';
import type { LintArgs, LintFormat } from './options';

/**
 * lint's plan from its arguments (options.ts read them): the files the arguments name are read
 * here, in order: the inputs' glob patterns, the config, the profile files, the OpenAPI
 * documents; then the rules and profiles are settled (config first, then --profile and --rule
 * on top) and --output is checked against the inputs.
 */

export async function readConfig(path: string, io: CliIo): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the config file: ${describeFsError(e)}`, path);
  }
  const json = readJson(text, path, 'config');
  const result = parseSettings(json, knownRuleIds());
  if (!result.ok) {
    // The core's mix-up message, with the option that takes the file.
    const say = (err: string) => err.replace('load it as a profile', `pass it with --profile-file ${path}`);
    throw new InputError(result.errors.map((err) => inFile(path, say(err))));
  }
  return result.settings;
}

/**
 * A settings or profile file's JSON (a leading BOM dropped), or an InputError whose place is
 * where it stops being JSON, as a compiler's FILE:LINE:COLUMN, the same for both files.
 */
function readJson(textIn: string, path: string, what: 'config' | 'profile'): unknown {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = findJsonSyntaxError(text);
    throw new InputError([
      {
        place: at ? { file: path, line: at.line, column: at.column } : { file: path },
        severity: 'error',
        message: `the ${what} file is not valid JSON: ${at ? at.message : jsonSyntaxWhere(text, e)}`,
      },
    ]);
  }
}

/** One --profile-file: a profile document, or an InputError naming the file and each JSON path. */
export async function readProfileFile(path: string, io: CliIo): Promise<ProfileDocument> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the profile file: ${describeFsError(e)}`, path);
  }
  const result = validateProfile(readJson(text, path, 'profile'));
  if (!result.ok) {
    throw new InputError(
      result.errors.map((err) =>
        inFile(path, err.replace(/load it as settings$/, `pass it with --config ${path}`)),
      ),
    );
  }
  return result.profile;
}

/**
 * The user profiles a run judges by: the settings file's, then each --profile-file's. The command
 * line wins, as --profile and --rule do: a file whose id the settings file defines replaces that
 * profile, with a note. Two files of one id are an error, since which one judges would otherwise
 * depend on the order of the arguments. `added` lists the files' ids, in order (they are on).
 */
export async function withProfileFiles(
  fromSettings: readonly ProfileDocument[],
  files: readonly string[],
  io: CliIo,
  configPath: string | undefined,
  notes: Diagnostic[],
): Promise<{ userProfiles: ProfileDocument[]; added: string[] }> {
  const userProfiles = [...fromSettings];
  const byFile = new Map<string, string>();
  for (const file of files) {
    const doc = await readProfileFile(file, io);
    const before = byFile.get(doc.id);
    if (before !== undefined)
      throw new InputError(
        `$.id: a profile "${doc.id}" is already defined (by --profile-file ${before})`,
        file,
      );
    byFile.set(doc.id, file);
    const i = userProfiles.findIndex((d) => d.id === doc.id);
    if (i < 0) userProfiles.push(doc);
    else {
      userProfiles[i] = doc;
      notes.push({
        place: { file: configPath ?? file },
        severity: 'note',
        message: `userProfiles: the profile "${doc.id}" is replaced by --profile-file ${file} (the command line wins)`,
      });
    }
  }
  return { userProfiles, added: [...byFile.keys()] };
}

/**
 * What building the plan has to say, for standard error before any linting (lint and diff):
 * what the command line replaced or will not take effect, then what loading the descriptions found.
 */
export function planLines(plan: Pick<LintPlan, 'notes' | 'contractNotes' | 'contractWarnings'>): string {
  return (plan.notes ?? []).map((d) => diagnosticLine(d)).join('') + contractLoadLines(plan);
}

/** What a mistyped rule id is close to (core/rules/rule-hint.ts), else where to find them all. */
function ruleHint(id: string, known: ReadonlySet<string> = RULE_IDS): string {
  return ruleIdHint(id, known) || ' (run "status-lens rules" to list them)';
}

/**
 * A rating of a rule none of whose profiles is on does nothing: said before linting, so a rule
 * asked for does not read as one that found nothing. --rule's are warnings (asked for on this
 * command line); the settings file's notes (an exported file may rate rules of profiles switched
 * off on purpose). Ratings of `off` ask nothing.
 */
function idleRatingNotes(
  fromCommandLine: readonly (readonly [string, RuleSetting])[],
  fromSettings: Readonly<Record<string, RuleSetting>>,
  enabled: readonly string[],
  userProfiles: readonly ProfileDocument[],
  configPath: string | undefined,
): Diagnostic[] {
  const idle = (id: string, level: RuleSetting) => {
    if (level === 'off') return undefined;
    const owners = profilesRunning(id, userProfiles);
    if (owners.length === 0 || owners.some((p) => enabled.includes(p))) return undefined;
    return `the rule belongs to the profile ${listOf(owners, 'or')}, which is not on, so it does not run: turn it on with ${listOf(
      owners.map((p) => `-p ${p}`),
      'or',
    )}`;
  };
  const out: Diagnostic[] = [];
  const said = new Set<string>();
  for (const [id, level] of fromCommandLine) {
    const why = idle(id, level);
    if (why === undefined || said.has(id)) continue;
    said.add(id);
    out.push({ severity: 'warning', message: `--rule ${id}=${level}: ${why}` });
  }
  for (const [id, level] of Object.entries(fromSettings)) {
    const why = idle(id, level);
    if (why === undefined || said.has(id) || fromCommandLine.some(([c]) => c === id)) continue;
    const note: Diagnostic = {
      severity: 'note',
      message: `rules[${JSON.stringify(id)}]: ${why} or in "profiles"`,
    };
    if (configPath !== undefined) note.place = { file: configPath };
    out.push(note);
  }
  return out;
}

function parseRuleOption(spec: string, known: ReadonlySet<string>): [string, RuleSetting] {
  const eq = spec.lastIndexOf('=');
  if (eq <= 0)
    throw new UsageError(`--rule expects ID=off|info|warning|error, got ${JSON.stringify(spec)}`, 'lint');
  const typed = spec.slice(0, eq).trim();
  // Rule ids are lower case; accept them in any case, as profile names, levels and formats are.
  const id = known.has(typed) || !known.has(typed.toLowerCase()) ? typed : typed.toLowerCase();
  const level = spec
    .slice(eq + 1)
    .trim()
    .toLowerCase();
  if (!known.has(id)) throw new UsageError(`--rule: unknown rule "${id}"${ruleHint(id, known)}`, 'lint');
  if (!(RULE_SETTINGS as readonly string[]).includes(level)) {
    throw new UsageError(
      `--rule ${id}: expected ${listOf(RULE_SETTINGS, 'or')}, got ${JSON.stringify(level)}`,
      'lint',
    );
  }
  return [id, level as RuleSetting];
}

export interface LintCommand {
  plan: LintPlan;
  format: LintFormat;
  output?: string;
  /** --jobs: how many threads lint entries (default: the available cores). */
  jobs: number;
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
  const knownProfiles = [...BUILTIN_PROFILE_IDS, ...userProfiles.map((d) => d.id)];
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
          `--profile must be one of ${listOf(knownProfiles, 'or')} (got ${JSON.stringify(p)}); a profile of your own comes from --profile-file`,
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
    const ref = { file: r.file, name: configName(r.file), base: configDir };
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
  // "-o -" is standard output, as for input.
  if (output !== undefined && output !== '-') command.output = output;
  return command;
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks --output before any linting, so a run over big recordings does not fail at the
 * end: its directory exists, it is not a directory itself, and it is none of the inputs
 * (writing the report over a HAR would destroy the recording). An empty name is options.ts's.
 */
async function checkOutput(output: string, files: readonly string[], io: CliIo): Promise<void> {
  const abs = resolve(io.cwd, output);
  const dir = dirname(abs);
  const dirInfo = await statOrUndefined(dir);
  if (!dirInfo || !dirInfo.isDirectory()) {
    const shown = dirname(output);
    throw new InputError(
      `cannot write the report: ${dirInfo ? `${shown} is not a directory` : `the directory ${shown} does not exist`}`,
      output,
    );
  }
  const info = await statOrUndefined(abs);
  if (!info) return;
  if (info.isDirectory()) throw new InputError('cannot write the report: is a directory, not a file', output);
  const real = await realpath(abs).catch(() => abs);
  for (const file of files) {
    if (file === '-') continue;
    const inAbs = resolve(io.cwd, file);
    const inInfo = await statOrUndefined(inAbs);
    if (!inInfo) continue;
    // The same inode catches hard links too; the real path covers file systems without inodes.
    const same =
      (info.ino !== 0 && inInfo.dev === info.dev && inInfo.ino === info.ino) ||
      (await realpath(inAbs).catch(() => inAbs)) === real;
    if (same) {
      throw new UsageError(
        `--output ${output} is the input ${file}: writing the report there would overwrite the recording`,
        'lint',
      );
    }
  }
}
