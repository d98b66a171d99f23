// Bundled by scripts/bench-openapi.mjs: times prepareContract in this process and in a worker
// thread (V8 off the main thread, as the panel's analysis worker runs it). Not a test.
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { prepareContract } from '../src/core/contract';

function time(file: string): { ms: number; operations: number; problems: number } {
  const text = readFileSync(file, 'utf8');
  const started = performance.now();
  const r = prepareContract({ name: file, text });
  const ms = performance.now() - started;
  if (!r.ok) throw new Error(`${r.problem.location} ${r.problem.message}`);
  return { ms, operations: r.contract.operations.length, problems: r.contract.problems.length };
}

if (isMainThread) {
  const file = process.argv[2]!;
  const main = time(file);
  const worker = await new Promise<ReturnType<typeof time>>((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: file });
    w.once('message', resolve);
    w.once('error', reject);
  });
  console.log(JSON.stringify({ main, worker }));
} else {
  parentPort!.postMessage(time(workerData as string));
}
