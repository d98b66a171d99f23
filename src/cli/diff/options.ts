import { choice, hasFlag, lastValue, type OptionSpec, type ParsedArgs } from '../args';
import { UsageError, type CliIo } from '../io';
import { LINT_OPTIONS, planLint } from '../lint/options';
import type { LintCommand } from '../lint/build-plan';
import { strayArgumentHint } from '../lint/stray-argument';
import { userProfilesForHint } from '../lint/settings-files';
import { knownProfileIds } from '../../core/profiles/builtins';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/**
 * lint's options (the same rules judge both captures, and --fail-on reads new findings), and
 * --ignore-host, for captures of one API served from two hosts (staging and production).
 * --jobs is read only to be refused with its reason (planDiff).
 */
export const DIFF_OPTIONS: readonly OptionSpec[] = [...LINT_OPTIONS, { name: 'ignore-host' }];

/**
 * The first extra argument's hint, when one looks meant for --profile or --rule. The profiles
 * of --config and --profile-file count (`--profile problem acme`), as lint's hint counts them.
 */
async function strays(args: ParsedArgs, io: CliIo): Promise<string> {
  const extra = args.positionals.slice(2);
  if (extra.length === 0) return '';
  const users = await userProfilesForHint(
    lastValue(args, 'config'),
    args.options.get('profile-file') ?? [],
    io,
  );
  const ids = knownProfileIds(users);
  for (const arg of extra) {
    const hint = strayArgumentHint(arg, ids, args.options.get('profile') ?? []);
    if (hint !== '') return `; ${hint}`;
  }
  return '';
}

export interface DiffCommand extends LintCommand {
  diffFormat: DiffFormat;
  /** Endpoints are matched by method and route template alone. */
  ignoreHost: boolean;
}

/**
 * `diff BEFORE AFTER [lint's options]`: the plan is lint's (config, profiles, rules, body cap,
 * OpenAPI, --output checks), planned once for both files, so both are judged alike.
 */
export async function planDiff(args: ParsedArgs, io: CliIo): Promise<DiffCommand> {
  if (args.positionals.length !== 2) {
    throw new UsageError(
      `expects two HAR files, before and after (got ${args.positionals.length}); use - for standard input${await strays(args, io)}`,
      'diff',
    );
  }
  // diff builds its comparison from each entry as it is judged, on the main thread, so workers
  // would never start: an option that would do nothing is refused, not taken silently.
  if (args.options.has('jobs'))
    throw new UsageError(
      `${args.spelled.get('jobs') ?? '--jobs'} is lint's: diff compares on one thread, so it takes no --jobs`,
      'diff',
    );
  const diffFormat = choice(args, 'format', DIFF_FORMATS, 'text', 'diff');
  const options = new Map(args.options);
  options.delete('format');
  options.delete('ignore-host');
  try {
    const command = await planLint({ positionals: args.positionals, options, spelled: args.spelled }, io);
    return { ...command, diffFormat, ignoreHost: hasFlag(args, 'ignore-host') };
  } catch (e) {
    // lint's checks, said about this command.
    if (e instanceof UsageError) throw new UsageError(e.message, 'diff');
    throw e;
  }
}
