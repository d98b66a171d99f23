#!/usr/bin/env node
// Benchmarks OpenAPI contracts (#15; not a test, figures only):
//  1. Loading and preparing a generated ~10 MB, ~1,000-operation description (JSON and YAML):
//     in-process, in a worker thread, and as the CLI's extra wall time over the same lint without it.
//     Goal: under 2 s.
//  2. Linting the 20,000-entry benchmark HAR with a description covering its routes loaded, side by
//     side with the same lint without one. Goal: at most 1.5×.
//
//   node scripts/bench-openapi.mjs [--runs 3]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { stringify } from 'yaml';
import { generateHar } from './gen-har.mjs';
import { benchHarOpenApi, generateLargeOpenApi } from './gen-openapi.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist-cli/status-lens.mjs');
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runNode(args) {
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, ms: performance.now() - started, stderr }));
  });
}

async function lint(args) {
  const r = await runNode([BIN, 'lint', ...args, '--fail-on', 'none']);
  if (r.code !== 0) throw new Error(`lint ${args.join(' ')} exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
  return r.ms;
}

export async function benchOpenApi({ runs = 3, log = console.error } = {}) {
  if (!existsSync(BIN)) throw new Error('Build first: npm run build:cli');
  const dir = await mkdtemp(join(tmpdir(), 'status-lens-bench-openapi-'));
  const rows = [];
  try {
    const prepare = join(dir, 'prepare.mjs');
    await build({
      entryPoints: [join(ROOT, 'scripts/bench-openapi-prepare.ts')],
      outfile: prepare,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      alias: { yaml: join(ROOT, 'node_modules/yaml/browser/index.js') },
    });
    log('generating a ~10 MB, ~1,000-operation description…');
    const large = generateLargeOpenApi();
    const json = join(dir, 'large.json');
    const yaml = join(dir, 'large.yaml');
    await writeFile(json, large.text);
    await writeFile(yaml, stringify(JSON.parse(large.text), { aliasDuplicateObjects: false }));
    const tiny = join(dir, 'tiny.har');
    await writeFile(
      tiny,
      JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries: [] } }),
    );
    for (const [label, file] of [
      ['JSON', json],
      ['YAML', yaml],
    ]) {
      const main = [];
      const worker = [];
      const cli = [];
      for (let i = 0; i < runs; i++) {
        log(`${label} description, run ${i + 1}/${runs}…`);
        const r = await new Promise((resolveRun, reject) => {
          const child = spawn(process.execPath, [prepare, file], { stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.on('error', reject);
          child.on('close', () => resolveRun(JSON.parse(out)));
        });
        main.push(r.main.ms);
        worker.push(r.worker.ms);
        const without = await lint([tiny]);
        const withSpec = await lint([tiny, '--openapi', file]);
        cli.push(withSpec - without);
      }
      const size = `${large.operations} operations, ${(large.bytes / 1e6).toFixed(1)} MB as JSON`;
      rows.push([
        `${label} description`,
        size,
        'prepareContract, in process (cold)',
        secs(median(main)),
        'goal < 2 s',
      ]);
      rows.push([
        `${label} description`,
        '',
        'prepareContract, in a worker thread (cold)',
        secs(median(worker)),
        'goal < 2 s',
      ]);
      rows.push([
        `${label} description`,
        '',
        '`status-lens lint --openapi`: wall time over the same lint without it',
        secs(median(cli)),
        'goal < 2 s',
      ]);
    }

    const har = join(dir, 'bench-20k.har');
    log('generating 20,000 entries…');
    await generateHar({ out: har, entries: 20_000, seed: 42 });
    const spec = join(dir, 'bench-har.json');
    await writeFile(spec, benchHarOpenApi());
    const plain = [];
    const contract = [];
    for (let i = 0; i < runs; i++) {
      log(`20k HAR, run ${i + 1}/${runs}: without and with the contract…`);
      plain.push(await lint([har]));
      contract.push(await lint([har, '--openapi', spec]));
    }
    const p = median(plain);
    const c = median(contract);
    rows.push(['20k entries', 'benchmark HAR', '`status-lens lint` without a contract', secs(p), '1.00×']);
    rows.push([
      '20k entries',
      '',
      '`status-lens lint --openapi` (a contract covering its routes)',
      secs(c),
      `${(c / p).toFixed(2)}× (goal ≤ 1.5×)`,
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const table = [
    '| Input | Size | Measurement | Time (median) | vs goal |',
    '| --- | --- | --- | ---: | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { rows, table };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const { table } = await benchOpenApi({ runs: runsAt === -1 ? 3 : Number(args[runsAt + 1]) });
  console.log(`\n### OpenAPI contracts (node ${process.version})\n\n${table}\n`);
}
