// Bundled and run by scripts/bench-session.mjs (not a test, figures only): the CLI's session
// path (issue #18) replayed in this process over one HAR, stage by stage, each timed in CPU
// (process.cpuUsage: min and median of N runs after two warm-ups), which a loaded machine
// disturbs far less than wall-clock runs of the whole CLI. The stages: the views a lint worker
// builds (and packs, where the tree packs them); structured clone of each batch's outcomes
// with and without them (v8.serialize/deserialize, as postMessage copies them); the session
// rules pushed every view in file order on the main thread, all together, then through the
// judge lint.ts calls, then each rule alone. STAGES=a,b keeps the stages whose names start so;
// NO_RULES=1 skips the rules one by one; FINDINGS=file writes the session findings (to check
// that a change leaves them alone). ONE_THREAD=N adds the `--jobs 1` path, where no view is made:
// each entry linted and applied through EntryScheduler (the judge included), with the session
// rules and without them, N passes each, interleaved (a pass takes seconds: min of few).
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { parseArgs } from '../src/cli/args';
import { LINT_OPTIONS, planLint } from '../src/cli/lint/options';
import { entryLinter, type EntryOutcome } from '../src/cli/lint/entry';
import { nodeUtf8 } from '../src/cli/lint/source';
import { quietIo } from '../src/cli/lint/worker';
import { SessionJudge } from '../src/cli/lint/session-judge';
import { EntryScheduler } from '../src/cli/lint/schedule';
import { splitHarBytes } from '../src/core/har/stream-splitter';
import { readSplitEntry } from '../src/core/har/entry-reader';
import { capBody } from '../src/core/engine/body-cap';
import * as viewMod from '../src/core/session/view';
import { SessionAnalyser } from '../src/core/session/analyser';
import type { Exchange } from '../src/core/exchange/types';

const [har, repsText = '12', ...extra] = process.argv.slice(2); // extra: lint options (--config …)
const REPS = Number(repsText);
const only = process.env.STAGES?.split(',');

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Min (and median) CPU ms of `reps` runs after two warm-ups. */
function time(name: string, fn: () => unknown, reps = REPS): number {
  if (only && !only.some((o) => name.startsWith(o))) return NaN;
  fn();
  fn();
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = cpu();
    fn();
    xs.push(cpu() - t);
  }
  xs.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(46)} min ${xs[0]!.toFixed(1).padStart(7)} ms   med ${xs[Math.floor(xs.length / 2)]!.toFixed(1).padStart(7)} ms`,
  );
  return xs[0]!;
}

const io = quietIo(process.cwd());
const { plan } = await planLint(parseArgs([har!, ...extra], LINT_OPTIONS, 'lint'), io);
const rules = plan.session ?? [];
const bytes = readFileSync(har!);
const split = splitHarBytes(bytes);
const entries = split.entries;

// The outcomes exactly as a worker makes them (views), once.
const t0 = performance.now();
const linter = entryLinter(plan, nodeUtf8);
const outcomes: EntryOutcome[] = entries.map((e) => linter.lint(e, 0));
console.log(
  `${entries.length} entries, linted once in ${(performance.now() - t0).toFixed(0)} ms; ${rules.length} session rules`,
);

// The exchanges as lintOne has them when it builds the view (body capped).
const exchanges: Exchange[] = [];
for (const e of entries) {
  const r = readSplitEntry(e, `0:${e.index}`, nodeUtf8);
  if (!r.ok) continue;
  capBody(r.exchange, plan.bodyCap);
  exchanges.push(r.exchange);
}
// What the worker makes of an exchange, and what the main thread makes of that (either tree).
const vm = viewMod as Record<string, (x: unknown) => unknown>;
const workerView =
  vm.packedSessionView ??
  (vm.packView ? (ex: unknown) => vm.packView!(vm.sessionView!(ex)) : vm.sessionView!);
// A worker packs each view before it replies (worker.ts), where the tree does.
if (vm.packView)
  for (const o of outcomes)
    if (o.session && !Array.isArray(o.session)) o.session = vm.packView(o.session) as never;
const mainView = (s: unknown): Exchange =>
  (Array.isArray(s) && vm.unpackView ? vm.unpackView(s) : s) as Exchange;
const crossed = outcomes.map((o) => o.session);

// Batches as the pool makes them: about 1 MiB of entry bytes, at most 1,024 entries.
const batches: EntryOutcome[][] = [];
{
  let cur: EntryOutcome[] = [];
  let size = 0;
  entries.forEach((e, i) => {
    cur.push(outcomes[i]!);
    size += e.bytes.length;
    if (size >= 1 << 20 || cur.length >= 1024) {
      batches.push(cur);
      cur = [];
      size = 0;
    }
  });
  if (cur.length) batches.push(cur);
}
const bare = batches.map((b) =>
  b.map((o) => {
    const { session: _s, sessionScopes: _c, ...rest } = o;
    return rest;
  }),
);
const viewBytes = batches.reduce((n, b) => n + v8.serialize(b).length, 0);
const bareBytes = bare.reduce((n, b) => n + v8.serialize(b).length, 0);
console.log(
  `${batches.length} batches; clone ${(viewBytes / 1e6).toFixed(1)} MB with views, ${(bareBytes / 1e6).toFixed(1)} MB without`,
);

let keep: unknown;
time('worker: sessionView of every exchange', () => {
  keep = exchanges.map(workerView);
});
if (vm.packView) {
  const plain = exchanges.map(vm.sessionView!);
  time('worker: packView only', () => {
    keep = plain.map(vm.packView!);
  });
}
time('clone: outcomes with views', () => {
  for (const b of batches) keep = v8.deserialize(v8.serialize(b));
});
time('clone: outcomes without views', () => {
  for (const b of bare) keep = v8.deserialize(v8.serialize(b));
});
time('main: view only (unpack)', () => {
  for (let i = 0; i < crossed.length; i++) keep = mainView(crossed[i]);
});
time('main: view + SessionAnalyser.push, all rules', () => {
  const s = new SessionAnalyser(rules);
  for (let i = 0; i < crossed.length; i++)
    keep = s.push(mainView(crossed[i]), i, outcomes[i]!.started ?? NaN, []);
});
// The judge as lint.ts calls it (the push, related lines, credential hiding, sorting), on fresh copies.
const copies = () => batches.map((b) => v8.deserialize(v8.serialize(b)) as EntryOutcome[]);
if (!only || only.includes('main: SessionJudge')) {
  const xs: number[] = [];
  for (let r = 0; r < Math.max(4, REPS / 2); r++) {
    const fresh = copies();
    const t = cpu();
    const j = new SessionJudge(rules);
    for (const b of fresh) for (const o of b) j.judge(o);
    xs.push(cpu() - t);
  }
  xs.sort((a, b) => a - b);
  console.log(
    `${'main: SessionJudge.judge (push included)'.padEnd(46)} min ${xs[0]!.toFixed(1).padStart(7)} ms`,
  );
}
if (!process.env.NO_RULES)
  for (const r of rules) {
    time(`  rule ${r.rule.id}`, () => {
      const s = new SessionAnalyser([r]);
      for (let i = 0; i < crossed.length; i++)
        keep = s.push(mainView(crossed[i]), i, outcomes[i]!.started ?? NaN, []);
    });
  }
// The one-thread path: lint and judge in entry order as lint.ts does with --jobs 1 (1 MiB chunks).
if (process.env.ONE_THREAD) {
  const pass = async (rules: typeof plan.session) => {
    const p = { ...plan, session: rules };
    const judge = new SessionJudge(rules ?? []);
    const jobs = { linter: entryLinter(p, nodeUtf8), bytes: 0, batches: { here: 0, workers: 0 }, alone: 0 };
    const sched = new EntryScheduler(jobs, 0, (o) => judge.judge(o));
    const t = cpu();
    let chunk = 0;
    sched.startChunk();
    for (const e of entries) {
      sched.add(e);
      if ((chunk += e.bytes.length) >= 1 << 20) {
        await sched.endChunk(chunk);
        sched.startChunk();
        chunk = 0;
      }
    }
    await sched.finish();
    return cpu() - t;
  };
  const on: number[] = [];
  const off: number[] = [];
  await pass(rules);
  for (let r = 0; r < Number(process.env.ONE_THREAD); r++) {
    on.push(await pass(rules));
    off.push(await pass([]));
  }
  const min = (xs: number[]) =>
    Math.min(...xs)
      .toFixed(0)
      .padStart(7);
  console.log(`${'one thread: lint + apply, session rules on'.padEnd(46)} min ${min(on)} ms`);
  console.log(`${'one thread: lint + apply, session rules off'.padEnd(46)} min ${min(off)} ms`);
}
// Findings, for checking that a change leaves them alone.
if (process.env.FINDINGS) {
  const s = new SessionAnalyser(rules);
  const out: unknown[] = [];
  for (let i = 0; i < crossed.length; i++) {
    const f = s.push(mainView(crossed[i]), i, outcomes[i]!.started ?? NaN, []);
    if (f.findings.length || f.problems.length) out.push([i, f]);
  }
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.FINDINGS, JSON.stringify(out));
  console.log(`findings on ${out.length} entries -> ${process.env.FINDINGS}`);
}
void keep;
