import { HELP } from './help';
import { EXIT_OK, EXIT_USAGE, InputError, UsageError, type CliIo } from './io';
import { runExplain } from './explain';
import { runLint } from './lint/command';
import { runDiff } from './diff/command';
import { runRules } from './rules';
import { isSubcommand, SUBCOMMAND_ALIASES, SUBCOMMAND_NAMES, type SubcommandName } from './commands';
import { diagnosticLine, internalError } from './diagnostic';
import { TOOL_NAME, TOOL_VERSION } from './version';
import { listOf } from '../core/text/list';
import { nearest } from '../core/text/edit-distance';

export type { CliIo } from './io';

/** argv after the subcommand; `typed` is how the user spelt it (`-V` for version). */
type Runner = (argv: readonly string[], io: CliIo, typed: string) => number | Promise<number>;

/** What each registered subcommand runs (commands.ts holds the list; this type wants them all). */
const RUNNERS: Record<SubcommandName, Runner> = {
  lint: runLint,
  diff: runDiff,
  explain: runExplain,
  rules: runRules,
  version: (argv, io, typed) => {
    if (argv.length > 0) throw new UsageError(`${typed} takes no arguments (got ${JSON.stringify(argv[0])})`);
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  },
  help: (argv, io, typed) => {
    // `status-lens --help lint` ignores the word after it, as it always did; `help lint` does not.
    const topic = typed === 'help' ? argv[0] : undefined;
    if (topic !== undefined && !isSubcommand(topic)) {
      throw new UsageError(`no help for unknown command "${topic}"`);
    }
    io.stdout.write(HELP[topic ?? 'global']);
    return EXIT_OK;
  },
};

function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '-h' || a === '--help') return true;
  }
  return false;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [typed, ...rest] = argv;
  if (typed === undefined) {
    io.stderr.write(HELP.global);
    return EXIT_USAGE;
  }
  const command = SUBCOMMAND_ALIASES[typed] ?? typed;
  if (!isSubcommand(command)) {
    throw new UsageError(
      command.startsWith('-')
        ? `unknown option ${command}`
        : `unknown command "${command}" (expected ${listOf(SUBCOMMAND_NAMES, 'or')})${commandHint(command)}`,
    );
  }
  if (wantsHelp(rest)) {
    io.stdout.write(HELP[command]);
    return EXIT_OK;
  }
  return RUNNERS[command](rest, io, typed);
}

/**
 * The whole CLI as a function: argv without "node script", and the host it talks to.
 * Resolves to the exit code; never rejects, and never prints a stack trace.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      const tool = `${TOOL_NAME}${e.command ? ` ${e.command}` : ''}`;
      io.stderr.write(diagnosticLine({ severity: 'error', message: e.message }, tool));
      io.stderr.write(`Run "${tool} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      for (const d of e.problems) io.stderr.write(diagnosticLine(d));
      return EXIT_USAGE;
    }
    io.stderr.write(diagnosticLine(internalError(e)));
    return EXIT_USAGE;
  }
}

/** The command a typo is near (`lnt` → lint), after the list of them. */
function commandHint(command: string): string {
  const near = nearest(command, SUBCOMMAND_NAMES);
  return near !== undefined ? `: did you mean ${near}?` : '';
}
