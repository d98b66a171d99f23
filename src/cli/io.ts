import type { Diagnostic } from './diagnostic';

/** Something text can be written to: process.stdout, or a buffer in tests. */
export interface Writer {
  write(text: string): unknown;
}

/**
 * Everything the CLI touches in its host, so tests can drive `run()` in-process.
 * Files named on the command line are still read from disk through node:fs.
 */
export interface CliIo {
  stdin: AsyncIterable<Uint8Array>;
  stdout: Writer;
  stderr: Writer;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Directory relative paths are resolved against (and SARIF URIs made relative to). */
  cwd: string;
  /** Terminal width for the progress bar; 80 when unknown. */
  columns?: number;
  /**
   * The script lint workers run (`--jobs`): the built CLI itself. Absent (tests driving run()
   * in-process), entries are linted on the calling thread whatever --jobs says.
   */
  lintWorker?: URL;
}

/** Bad command-line use: reported with the command's usage hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Input that cannot be read or is not what it should be: exit code 2, each problem one error
 * line on standard error (diagnostic.ts). Given `file`, the message is about that file (the
 * config, a profile file, the --output file); without one, about the invocation itself.
 */
export class InputError extends Error {
  readonly problems: readonly Diagnostic[];
  constructor(message: string | readonly Diagnostic[], file?: string) {
    const problems: Diagnostic[] =
      typeof message === 'string'
        ? [{ severity: 'error', message, ...(file !== undefined ? { place: { file } } : {}) }]
        : [...message];
    super(problems.map((d) => `${d.place ? `${d.place.file}: ` : ''}${d.message}`).join('\n'));
    this.problems = problems;
    this.name = 'InputError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
