import { parseByteSize } from '../../core/units/bytes';
import { checkBaseUrl } from '../../core/contract';
import type { FailOn } from '../../core/report/model';
import { choice, lastValue, type OptionSpec, type ParsedArgs } from '../args';
import { UsageError, type CliIo } from '../io';
import { buildLintPlan, type LintCommand } from './build-plan';
import { parseJobs } from './jobs';

/**
 * lint's command line: its options, and what they say, checked as far as the arguments alone
 * allow. Nothing here reads a file: build-plan.ts turns these arguments into the plan (it reads
 * the config, the profile files and the OpenAPI documents, and checks --output).
 */

export const LINT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export const LINT_OPTIONS: readonly OptionSpec[] = [
  { name: 'profile', short: 'p', value: true },
  { name: 'profile-file', value: true },
  { name: 'rule', short: 'r', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'format', short: 'f', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'fail-on', value: true },
  // Its former name reads backwards ("include bodies over N" is the size over which bodies are
  // left out), but CI scripts use it: kept as an alias, documented as the former name.
  { name: 'body-size-cap', value: true, aliases: ['include-bodies-over'] },
  { name: 'openapi', value: true },
  { name: 'openapi-base-url', value: true },
  { name: 'jobs', short: 'j', value: true },
  // ESLint's name for it: what standard input is called in reports (SARIF's artifact URI).
  { name: 'stdin-filename', value: true },
  { name: 'help', short: 'h' },
];

export { parseByteSize };

/** lint's arguments, read: what the plan is built from. */
export interface LintArgs {
  /** The FILE… arguments as given: names, glob patterns, `-`. */
  inputs: readonly string[];
  format: LintFormat;
  /** --jobs: how many threads lint entries (default: the available cores). */
  jobs: number;
  failOn: FailOn;
  /** --rule values, one `ID=level` each ("--rule a=error,b=off" split); checked against the rules once profiles are read. */
  ruleSpecs: readonly string[];
  /** --body-size-cap (formerly --include-bodies-over), in bytes. */
  bodyCap?: number;
  config?: string;
  profileFiles: readonly string[];
  /** --profile values as given; checked against the profiles once the profile files are read. */
  profileValues: readonly string[];
  openapi: readonly string[];
  /** --openapi-base-url values: one for every --openapi document, or one each. */
  openapiBaseUrls: readonly string[];
  /** --output; `-` is standard output. */
  output?: string;
  /** --stdin-filename: the name standard input (`-`) is reported under. */
  stdinName?: string;
}

/** Reads lint's arguments; a UsageError for anything wrong that the arguments alone show. */
export function parseLintArgs(args: ParsedArgs): LintArgs {
  if (args.positionals.length === 0)
    throw new UsageError('no HAR file given (use - to read one from standard input)', 'lint');
  const format = choice(args, 'format', LINT_FORMATS, 'text', 'lint');
  const jobs = parseJobs(lastValue(args, 'jobs'));
  const failOn = choice(args, 'fail-on', FAIL_ON, 'error', 'lint');

  // "--rule a=error,b=off" as well as repeated --rule, like --profile.
  const ruleSpecs = (args.options.get('rule') ?? []).flatMap((v) => {
    const specs = v.split(',').filter((x) => x.trim() !== '');
    return specs.length > 0 ? specs : [v];
  });
  const capText = lastValue(args, 'body-size-cap');
  let bodyCap: number | undefined;
  if (capText !== undefined) {
    bodyCap = parseByteSize(capText);
    if (bodyCap === undefined) {
      throw new UsageError(
        `${args.spelled.get('body-size-cap') ?? '--body-size-cap'} must be a non-negative size in bytes such as 20000000 or 50M (got ${JSON.stringify(capText)})`,
        'lint',
      );
    }
  }

  // --openapi documents from the command line; the settings file's come with the plan.
  const openapi = args.options.get('openapi') ?? [];
  const openapiBaseUrls = args.options.get('openapi-base-url') ?? [];
  if (openapiBaseUrls.length > 0 && openapi.length === 0) {
    // Otherwise ignored: the settings file's documents carry their own baseUrl.
    throw new UsageError(
      '--openapi-base-url applies to the --openapi documents, and none is given (a document of the --config file takes its own "baseUrl")',
      'lint',
    );
  }
  if (openapiBaseUrls.length > 1 && openapiBaseUrls.length !== openapi.length) {
    throw new UsageError(
      `--openapi-base-url: give one (for every --openapi document) or one per --openapi document, in order (got ${openapiBaseUrls.length} for ${openapi.length})`,
      'lint',
    );
  }
  for (const url of openapiBaseUrls) {
    const why = checkBaseUrl(url);
    if (why) throw new UsageError(`--openapi-base-url: ${why}`, 'lint');
  }

  const output = lastValue(args, 'output');
  if (output !== undefined && output !== '-' && output.trim() === '') {
    throw new UsageError('--output needs a file name (or - for standard output)', 'lint');
  }
  const stdinName = lastValue(args, 'stdin-filename');
  if (stdinName !== undefined && stdinName.trim() === '')
    throw new UsageError('--stdin-filename needs a file name, such as recordings/session.har', 'lint');
  if (stdinName !== undefined && !args.positionals.includes('-')) {
    throw new UsageError('--stdin-filename names standard input, and no input is - (standard input)', 'lint');
  }
  const config = lastValue(args, 'config');
  const out: LintArgs = {
    inputs: args.positionals,
    format,
    jobs,
    failOn,
    ruleSpecs,
    profileFiles: args.options.get('profile-file') ?? [],
    profileValues: args.options.get('profile') ?? [],
    openapi,
    openapiBaseUrls,
  };
  if (bodyCap !== undefined) out.bodyCap = bodyCap;
  if (config !== undefined) out.config = config;
  if (output !== undefined) out.output = output;
  if (stdinName !== undefined) out.stdinName = stdinName;
  return out;
}

/** Turns lint's arguments into a plan: the arguments read first, then the files they name. */
export async function planLint(args: ParsedArgs, io: CliIo): Promise<LintCommand> {
  return buildLintPlan(parseLintArgs(args), io);
}
