import type { MessagePort } from 'node:worker_threads';
import { parseArgs } from '../args';
import type { CliIo } from '../io';
import { entryLinter, type EntryOutcome } from './entry';
import type { BatchRequest, LintWorkerData, WorkerReply } from './jobs-protocol';
import { LINT_OPTIONS, planLint } from './options';
import { nodeUtf8 } from './source';
import { packView } from '../../core/session/view';

/**
 * A lint worker (`--jobs`): builds the plan from the same arguments as the main thread, then
 * lints each batch of entries it is sent and answers with their outcomes, in order.
 */
/** An io with no input that writes nothing: a lint worker's (it plans as the main thread does, in silence). */
export function quietIo(cwd: string): CliIo {
  const quiet = { write: () => true };
  return {
    stdin: (async function* () {})(),
    stdout: quiet,
    stderr: quiet,
    env: process.env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
  };
}

export async function runLintWorker(port: MessagePort, data: LintWorkerData): Promise<void> {
  const reply = (m: WorkerReply) => port.postMessage(m);
  const io = quietIo(data.cwd);
  let linter;
  try {
    const { plan } = await planLint(parseArgs(data.argv, LINT_OPTIONS, 'lint'), io);
    linter = entryLinter(plan, nodeUtf8);
  } catch (e) {
    reply({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const lint = linter;
  port.on('message', (m: BatchRequest) => {
    try {
      const bytes = new Uint8Array(m.buffer);
      const outcomes: EntryOutcome[] = [];
      for (const d of m.entries) {
        const entry = {
          index: d.index,
          line: d.line,
          offset: d.offset,
          bytes: bytes.subarray(d.start, d.start + d.length),
          ...(d.oversize ? { oversize: d.oversize } : {}),
        };
        const o = lint.lint(entry, m.fileNo);
        // One flat array copies between threads in a third of the time the view's objects do.
        if (o.session && !Array.isArray(o.session)) o.session = packView(o.session);
        outcomes.push(o);
      }
      reply({ type: 'batch', id: m.id, outcomes });
    } catch (e) {
      reply({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  });
  reply({ type: 'ready' });
}
