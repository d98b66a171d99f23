#!/usr/bin/env node
// Benchmarks `status-lens lint` (not a test; run it by hand or from scripts/bench.mjs).
//
//  1. Two shapes of 20,000-entry HAR from scripts/gen-har.mjs (fixed seeds): many small JSON
//     API calls (--api, ~170 MB, ~17,000 JSON bodies) and the mixed one with a few large bodies
//     (~313 MB). For each, the floor — reading the file, JSON.parse of the HAR and of every JSON
//     body — and `status-lens lint --format json` with --jobs 1 and with the default jobs,
//     interleaved run by run in a fresh random order, so a shared machine's load hits all of
//     them alike. Ratios are of medians; wall time and CPU time (user + system) are both given: on a busy machine the
//     wall-time ratio of --jobs is only as good as the cores it got. Goals (#17): --jobs 1 at
//     most 1.2× the floor, the default jobs under 1.0×. Both lints run again with every
//     session rule off, for what those rules cost (#18: within 10% on the bench's own HAR,
//     the few-large-bodies shape; the small-calls shape came later, with #17): the median of
//     each run's on/off pair, with the pairs' range.
//  2. A ~1 GB HAR written to a temporary directory (deleted afterwards) and linted with the
//     default jobs, the peak resident memory measured (the process, workers included). Goal:
//     under 1 GB. Skipped with --quick.
//  3. A HAR of 1,000,000 small entries (~80 MB) linted in every format (text, json, sarif,
//     junit, markdown), with the peak resident memory of each: reports are streamed, so
//     memory must not grow with the entry count. Goal: under 1 GB each. Skipped with --quick.
//
//   node scripts/bench-cli.mjs [--quick] [--runs 3]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateApiHar, generateHar, generateSmallHar } from './gen-har.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist-cli/status-lens.mjs');
const GNU_TIME = '/usr/bin/time';

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function runNode(args, { measureRss = false } = {}) {
  return new Promise((resolveRun, reject) => {
    // GNU time reports the peak RSS of the child in KiB; without it, the CLI reports its own.
    const useTime = existsSync(GNU_TIME);
    const cmd = useTime ? GNU_TIME : process.execPath;
    const argv = useTime ? ['-f', 'STATUS_LENS_BENCH_RSS %M CPU %U %S', process.execPath, ...args] : args;
    const env = {
      ...process.env,
      NO_COLOR: '1',
      ...(measureRss && !useTime ? { STATUS_LENS_REPORT_RSS: '1' } : {}),
    };
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const m = /STATUS_LENS_BENCH_RSS (\d+)/.exec(stderr) ?? /maxRSS (\d+) KiB/.exec(stderr);
      const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      resolveRun({
        code,
        ms,
        cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined,
        rssKiB: measureRss && m ? Number(m[1]) : undefined,
        stderr,
      });
    });
  });
}

/** The floor: what any tool must do at least — read the HAR and parse it and its JSON bodies. */
export async function floor(file) {
  const started = performance.now();
  const har = JSON.parse(await readFile(file, 'utf8'));
  let bodies = 0;
  for (const e of har.log.entries) {
    const c = e.response?.content;
    if (!c || typeof c.text !== 'string' || c.text === '') continue;
    const mime = String(c.mimeType ?? '').toLowerCase();
    if (!mime.includes('json')) continue;
    const text = c.encoding === 'base64' ? Buffer.from(c.text, 'base64').toString('utf8') : c.text;
    try {
      JSON.parse(text);
      bodies++;
    } catch {
      // Broken JSON bodies are part of the mix; the attempt is what costs.
    }
  }
  return { ms: performance.now() - started, bodies };
}

/** The floor in its own process, timed as the CLI is (wall and CPU). */
function floorProcess(file) {
  return runNode([fileURLToPath(import.meta.url), '--floor', file]);
}

const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/** Busy share of all cores over `ms` (Linux's /proc/stat; undefined elsewhere). */
async function busyShare(ms) {
  const sample = async () => {
    try {
      const fields = (await readFile('/proc/stat', 'utf8')).split('\n')[0].trim().split(/\s+/).slice(1);
      return fields.map(Number);
    } catch {
      return undefined;
    }
  };
  const a = await sample();
  if (!a) return undefined;
  await new Promise((r) => setTimeout(r, ms));
  const b = await sample();
  const d = b.map((x, i) => x - a[i]);
  const total = d.reduce((x, y) => x + y, 0);
  // idle + iowait
  return total > 0 ? 1 - (d[3] + d[4]) / total : 0;
}

/**
 * Waits (up to 20 s) until the cores are nearly idle: a run that starts while the last one's
 * memory is still being handed back to the kernel (hundreds of MB) pays for it, and back-to-back
 * runs scattered by more than what they compare.
 */
async function settle() {
  for (let waited = 0; waited < 20_000; waited += 500) {
    const busy = await busyShare(500);
    if (busy === undefined || busy < 0.08) return;
  }
}

/** A copy in random order (Fisher–Yates). */
function shuffled(xs) {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * One shape: the floor, lint --jobs 1 and lint with the default jobs, interleaved `runs` times.
 * Returns table rows.
 */
async function shape(label, file, gen, dir, runs, log, sessionOff, sessionGoal) {
  const floors = [];
  const one = [];
  const many = [];
  // Issue #18: the same lints with only the session/* rules off, so their cost on throughput is
  // measured side by side, not guessed: on one thread, and with the default jobs (where the
  // rules run on the main thread, in entry order, while the workers lint).
  const noSession = [];
  const manyNoSession = [];
  for (let i = 0; i < runs; i++) {
    log(
      `${label}: run ${i + 1}/${runs}: floor, lint --jobs 1, lint (default jobs), both without session rules…`,
    );
    // A fresh order each run: a fixed order let whatever the run before left behind (the page
    // cache, the memory the floor's one big read took from the kernel) fall on the same
    // measurement every time.
    const order = shuffled([
      [floors, undefined],
      [one, ['--jobs', '1']],
      [many, []],
      [noSession, ['--jobs', '1', '--config', sessionOff]],
      [manyNoSession, ['--config', sessionOff]],
    ]);
    for (const [list, jobs] of order) {
      await settle();
      if (jobs === undefined) {
        list.push(await floorProcess(file));
        continue;
      }
      const r = await runNode([
        BIN,
        'lint',
        file,
        '--fail-on',
        'none',
        '--format',
        'json',
        '--output',
        join(dir, 'report.json'),
        ...jobs,
      ]);
      if (r.code !== 0)
        throw new Error(`lint ${jobs.join(' ')} exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
      list.push(r);
    }
  }
  const wall = (xs) => median(xs.map((x) => x.ms));
  // On a shared machine the wall-time cost is mostly the queue for the cores: CPU time is given too.
  // The session rules' cost is the median of each run's own pair (the lint with them on against
  // the same run's lint with them off), with the range of the pairs: runs scatter by more than
  // the 10% the goal allows, and a pair shares its run's conditions where two medians need not.
  const costOf = (on, off, of = (x) => x.ms) => {
    const pairs = on.map((x, i) => of(x) / of(off[i]) - 1);
    if (pairs.some((p) => !Number.isFinite(p))) return '?';
    const pct = (p) => `${(p * 100).toFixed(1)}%`;
    const sorted = [...pairs].sort((a, b) => a - b);
    return `${pct(median(pairs))} (runs ${pct(sorted[0])} to ${pct(sorted[sorted.length - 1])})`;
  };
  const cpuOf = (x) => x.cpuMs ?? Number.NaN;
  const cpu = (xs) => (xs.every((x) => x.cpuMs !== undefined) ? median(xs.map((x) => x.cpuMs)) : undefined);
  const fw = wall(floors);
  const fc = cpu(floors);
  const row = (what, xs) => [
    label,
    what,
    secs(wall(xs)),
    ratio(wall(xs), fw),
    cpu(xs) !== undefined && fc !== undefined ? `${secs(cpu(xs))} (${ratio(cpu(xs), fc)})` : '',
  ];
  return [
    [label, `floor (${gen})`, secs(fw), '1.00×', fc !== undefined ? `${secs(fc)} (1.00×)` : ''],
    row('`lint --format json --jobs 1`', one),
    row(`\`lint --format json\` (default: ${availableParallelism()} jobs)`, many),
    row(
      `\`lint --format json --jobs 1\`, session rules off (they cost ${costOf(one, noSession)} wall, ${costOf(one, noSession, cpuOf)} CPU; ${sessionGoal})`,
      noSession,
    ),
    row(
      `\`lint --format json\` (default jobs), session rules off (they cost ${costOf(many, manyNoSession)} wall, ${costOf(many, manyNoSession, cpuOf)} CPU; ${sessionGoal})`,
      manyNoSession,
    ),
  ];
}

/** A settings file with every session rule off (the CLI lists its rules; none is hard-coded here). */
async function sessionRulesOff(dir) {
  const ids = await new Promise((resolveIds, reject) => {
    const child = spawn(process.execPath, [BIN, 'rules', '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    // Session rules by what the CLI says they are: not every id starts with session/.
    child.on('close', () =>
      resolveIds(
        JSON.parse(out)
          .filter((rule) => rule.session)
          .map((rule) => rule.id),
      ),
    );
  });
  const path = join(dir, 'session-rules-off.json');
  await writeFile(
    path,
    JSON.stringify({
      version: 1,
      rules: Object.fromEntries(ids.map((id) => [id, 'off'])),
    }),
  );
  return path;
}

async function ensureBuilt() {
  if (existsSync(BIN)) return;
  const r = await runNode([join(ROOT, 'scripts/build-cli.mjs')]);
  if (r.code !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
}

export async function benchCli({ quick = false, runs = 3, log = console.error } = {}) {
  await ensureBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'status-lens-bench-'));
  const rows = [];
  const floorRows = [];
  let loadNote = '';
  try {
    const load = [loadavg()[0].toFixed(1)];
    const sessionOff = await sessionRulesOff(dir);
    const api = join(dir, 'bench-api.har');
    log('generating 20,000 small JSON API calls…');
    const ga = await generateApiHar({ out: api, entries: 20_000 });
    floorRows.push(
      ...(await shape(
        'many small JSON calls',
        api,
        `${ga.entries} entries, ${mib(ga.bytes)}`,
        dir,
        runs,
        log,
        sessionOff,
        // #18's goal names the benchmark HAR, the bench's own (the next shape); this one came with #17.
        'no #18 goal on this shape',
      )),
    );
    await rm(api, { force: true });
    const file = join(dir, 'bench-20k.har');
    log('generating 20,000 mixed entries…');
    const gen = await generateHar({ out: file, entries: 20_000, seed: 42 });
    floorRows.push(
      ...(await shape(
        'few large bodies',
        file,
        `${gen.entries} entries, ${mib(gen.bytes)}`,
        dir,
        runs,
        log,
        sessionOff,
        '#18 goal ≤ 10%',
      )),
    );
    await rm(file, { force: true });
    load.push(loadavg()[0].toFixed(1));
    loadNote = `load average ${load.join(' → ')} on ${availableParallelism()} cores`;

    if (!quick) {
      const big = join(dir, 'bench-1g.har');
      log('generating ~1 GB…');
      const g = await generateHar({ out: big, targetBytes: 1_000_000_000, seed: 7 });
      const size = (await stat(big)).size;
      log('linting ~1 GB (default jobs)…');
      const r = await runNode([BIN, 'lint', big, '--fail-on', 'none'], { measureRss: true });
      if (r.code !== 0)
        throw new Error(`lint of the 1 GB file exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
      rows.push([
        '~1 GB',
        `${g.entries} entries, ${mib(size)}`,
        `\`status-lens lint\` (text, ${availableParallelism()} jobs), streamed`,
        secs(r.ms),
        '',
        r.rssKiB ? `peak RSS ${mib(r.rssKiB * 1024)} (goal < 1 GB)` : 'peak RSS unknown',
      ]);
      await rm(big, { force: true });

      // Memory per entry: a million tiny entries make reports of hundreds of megabytes.
      // Before reports were streamed (issue #14) json and sarif died with "Invalid string
      // length" and the other formats peaked at 1.9–3.8 GB.
      const small = join(dir, 'bench-1m-small.har');
      log('generating 1,000,000 small entries…');
      const sg = await generateSmallHar({ out: small, entries: 1_000_000 });
      for (const format of ['text', 'json', 'sarif', 'junit', 'markdown']) {
        log(`linting 1,000,000 entries, --format ${format}…`);
        const report = join(dir, `report-1m.${format}`);
        const r = await runNode([BIN, 'lint', small, '--fail-on', 'none', '--format', format, '-o', report], {
          measureRss: true,
        });
        if (r.code !== 0)
          throw new Error(
            `lint --format ${format} of 1,000,000 entries exited ${r.code}:\n${r.stderr.slice(0, 2000)}`,
          );
        const out = (await stat(report)).size;
        rows.push([
          '1M small entries',
          format === 'text' ? `${sg.entries} entries, ${mib(sg.bytes)}` : '',
          `\`status-lens lint --format ${format}\` (report ${mib(out)})`,
          secs(r.ms),
          '',
          r.rssKiB ? `peak RSS ${mib(r.rssKiB * 1024)} (goal < 1 GB)` : 'peak RSS unknown',
        ]);
        await rm(report, { force: true });
      }
      await rm(small, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const floorTable = [
    `Floor and lint in the same run (median of ${runs}; ${loadNote}):`,
    '',
    '| HAR shape | Measurement | Wall time | vs floor | CPU time (vs floor) |',
    '| --- | --- | ---: | ---: | ---: |',
    ...floorRows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const table = [
    floorTable,
    '',
    '| Input | Size | Measurement | Time (median) | vs floor | Memory |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { rows, floorRows, table };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--floor') {
  await floor(process.argv[3]);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const { table } = await benchCli({
    quick: args.includes('--quick'),
    runs: runsAt === -1 ? 3 : Number(args[runsAt + 1]),
  });
  console.log(`\n### status-lens CLI (node ${process.version})\n\n${table}\n`);
}
