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

/** Input that cannot be read or is not what it should be: reported as is, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
