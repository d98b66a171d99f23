import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isLintWorkerData } from './lint/jobs-protocol';
import { runLintWorker } from './lint/worker';
import { run } from './run';
import { diagnosticLine, internalError as internalErrorDiagnostic } from './diagnostic';
import { guardStdout } from './stdio';

/** The `status-lens` executable: wires run() to this process. */
async function main(): Promise<void> {
  const code = await run(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    columns: process.stderr.columns,
    // --jobs: the workers run this same file (see the end of it).
    lintWorker: new URL(import.meta.url),
  });
  // For scripts/bench-cli.mjs when /usr/bin/time is missing: peak memory of this process.
  if (process.env.STATUS_LENS_REPORT_RSS === '1') {
    process.stderr.write(`status-lens: note: maxRSS ${process.resourceUsage().maxRSS} KiB\n`);
  }
  // exitCode, not exit(): let pending writes to a pipe drain first.
  process.exitCode = code;
}

function startMain(): void {
  // A closed pipe (status-lens lint … | head) is quiet and keeps the run's exit code; any other
  // failure to write the report (a full disk) is exit code 2 with a message.
  guardStdout(process.stdout, process.stderr, (code) => process.exit(code));
  // Nothing should get past run(), but a stack trace must never be what a user sees.
  process.on('uncaughtException', internalError);
  process.on('unhandledRejection', internalError);
  main().catch(internalError);
}

function internalError(e: unknown): void {
  process.stderr.write(diagnosticLine(internalErrorDiagnostic(e)));
  process.exit(2);
}

// The same file is the CLI and, started by `lint --jobs`, each of its lint workers.
if (!isMainThread && parentPort && isLintWorkerData(workerData)) {
  const port = parentPort;
  void runLintWorker(port, workerData).catch((e: unknown) =>
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
} else {
  startMain();
}
