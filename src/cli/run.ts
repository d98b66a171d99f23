import { HELP } from './help';
import { EXIT_OK, EXIT_USAGE, InputError, UsageError, type CliIo } from './io';
import { runExplain } from './explain';
import { runLint } from './lint/command';
import { runDiff } from './diff/command';
import { runRules } from './rules';
import { safeText } from './terminal';
import { TOOL_NAME, TOOL_VERSION } from './version';

export type { CliIo } from './io';

const COMMANDS = ['lint', 'diff', 'explain', 'rules'] as const;

function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '-h' || a === '--help') return true;
  }
  return false;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(HELP.global!);
    return EXIT_USAGE;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    if (rest.length > 0)
      throw new UsageError(`${command} takes no arguments (got ${JSON.stringify(rest[0])})`);
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic)) {
      throw new UsageError(`no help for unknown command "${topic}"`);
    }
    io.stdout.write(HELP[topic ?? 'global']!);
    return EXIT_OK;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(
      command.startsWith('-')
        ? `unknown option ${command}`
        : `unknown command "${command}" (expected lint, diff, explain or rules)`,
    );
  }
  if (wantsHelp(rest)) {
    io.stdout.write(HELP[command]!);
    return EXIT_OK;
  }
  switch (command) {
    case 'lint':
      return runLint(rest, io);
    case 'diff':
      return runDiff(rest, io);
    case 'explain':
      return runExplain(rest, io);
    default:
      return runRules(rest, io);
  }
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
      const cmd = e.command ? ` ${e.command}` : '';
      io.stderr.write(
        `${TOOL_NAME}${cmd}: ${safeText(e.message)}\nRun "${TOOL_NAME}${cmd} --help" for usage.\n`,
      );
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      io.stderr.write(
        `${e.message
          .split('\n')
          .map((l) => `${TOOL_NAME}: ${safeText(l)}`)
          .join('\n')}\n`,
      );
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`${TOOL_NAME}: internal error: ${safeText(message)}\n`);
    return EXIT_USAGE;
  }
}
