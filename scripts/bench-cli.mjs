#!/usr/bin/env node
// Benchmarks `status-lens lint` (not a test; run it by hand or from scripts/bench.mjs).
//
//  1. A 20,000-entry HAR from scripts/gen-har.mjs (fixed seed): the CLI's wall time against
//     the floor — reading the file, JSON.parse of the HAR and of every JSON body — measured
//     in the same run. Goal: at most 1.5× the floor.
//  2. A ~1 GB HAR written to a temporary directory (deleted afterwards) and linted with the
//     peak resident memory measured. Goal: under 1 GB. Skipped with --quick.
//  3. A HAR of 1,000,000 small entries (~80 MB) linted in every format (text, json, sarif,
//     junit, markdown), with the peak resident memory of each: reports are streamed, so
//     memory must not grow with the entry count. Goal: under 1 GB each. Skipped with --quick.
//
//   node scripts/bench-cli.mjs [--quick] [--runs 3]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateHar, generateSmallHar } from './gen-har.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist-cli/status-lens.mjs');
const GNU_TIME = '/usr/bin/time';

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function runNode(args, { measureRss = false } = {}) {
  return new Promise((resolveRun, reject) => {
    // GNU time reports the peak RSS of the child in KiB; without it, the CLI reports its own.
    const useTime = measureRss && existsSync(GNU_TIME);
    const cmd = useTime ? GNU_TIME : process.execPath;
    const argv = useTime ? ['-f', 'STATUS_LENS_BENCH_RSS %M', process.execPath, ...args] : args;
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
      resolveRun({ code, ms, rssKiB: m ? Number(m[1]) : undefined, stderr });
    });
  });
}

/** The floor: what any tool must do at least — read the HAR and parse it and its JSON bodies. */
async function floor(file) {
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

async function ensureBuilt() {
  if (existsSync(BIN)) return;
  const r = await runNode([join(ROOT, 'scripts/build-cli.mjs')]);
  if (r.code !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
}

export async function benchCli({ quick = false, runs = 3, log = console.error } = {}) {
  await ensureBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'status-lens-bench-'));
  const rows = [];
  try {
    const file = join(dir, 'bench-20k.har');
    log('generating 20,000 entries…');
    const gen = await generateHar({ out: file, entries: 20_000, seed: 42 });
    // Every rule off: what the CLI itself costs (stream, split, parse, normalise, parse bodies).
    const ids = await new Promise((resolveIds, reject) => {
      const child = spawn(process.execPath, [BIN, 'rules', '--format', 'json'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', () => resolveIds(JSON.parse(out).map((r) => r.id)));
    });
    const allOff = join(dir, 'all-rules-off.json');
    await writeFile(
      allOff,
      JSON.stringify({ version: 1, rules: Object.fromEntries(ids.map((id) => [id, 'off'])) }),
    );
    const floors = [];
    const texts = [];
    const jsons = [];
    const bare = [];
    let rss;
    for (let i = 0; i < runs; i++) {
      log(`run ${i + 1}/${runs}: floor, lint (text), lint (json), lint (rules off)…`);
      floors.push((await floor(file)).ms);
      const text = await runNode([BIN, 'lint', file, '--fail-on', 'none'], { measureRss: true });
      if (text.code !== 0) throw new Error(`lint exited ${text.code}:\n${text.stderr.slice(0, 2000)}`);
      texts.push(text.ms);
      rss = text.rssKiB;
      const json = await runNode([
        BIN,
        'lint',
        file,
        '--fail-on',
        'none',
        '--format',
        'json',
        '--output',
        join(dir, 'report.json'),
      ]);
      if (json.code !== 0)
        throw new Error(`lint --format json exited ${json.code}:\n${json.stderr.slice(0, 2000)}`);
      jsons.push(json.ms);
      const off = await runNode([BIN, 'lint', file, '--fail-on', 'none', '--config', allOff]);
      if (off.code !== 0)
        throw new Error(`lint with rules off exited ${off.code}:\n${off.stderr.slice(0, 2000)}`);
      bare.push(off.ms);
    }
    const f = median(floors);
    rows.push([
      '20k entries',
      `${gen.entries} entries, ${mib(gen.bytes)}`,
      'floor: read + JSON.parse HAR and JSON bodies',
      secs(f),
      '1.00×',
      '',
    ]);
    rows.push([
      '20k entries',
      '',
      '`status-lens lint` (text)',
      secs(median(texts)),
      `${(median(texts) / f).toFixed(2)}×`,
      rss ? `peak RSS ${mib(rss * 1024)}` : '',
    ]);
    rows.push([
      '20k entries',
      '',
      '`status-lens lint --format json`',
      secs(median(jsons)),
      `${(median(jsons) / f).toFixed(2)}×`,
      '',
    ]);
    rows.push([
      '20k entries',
      '',
      '`status-lens lint`, every rule off (the CLI without the rules)',
      secs(median(bare)),
      `${(median(bare) / f).toFixed(2)}×`,
      '',
    ]);
    await rm(file, { force: true });

    if (!quick) {
      const big = join(dir, 'bench-1g.har');
      log('generating ~1 GB…');
      const g = await generateHar({ out: big, targetBytes: 1_000_000_000, seed: 7 });
      const size = (await stat(big)).size;
      log('linting ~1 GB…');
      const r = await runNode([BIN, 'lint', big, '--fail-on', 'none'], { measureRss: true });
      if (r.code !== 0)
        throw new Error(`lint of the 1 GB file exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
      rows.push([
        '~1 GB',
        `${g.entries} entries, ${mib(size)}`,
        '`status-lens lint` (text), streamed',
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
  const table = [
    '| Input | Size | Measurement | Time (median) | vs floor | Memory |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { rows, table };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const { table } = await benchCli({
    quick: args.includes('--quick'),
    runs: runsAt === -1 ? 3 : Number(args[runsAt + 1]),
  });
  console.log(`\n### status-lens CLI (node ${process.version})\n\n${table}\n`);
}
