#!/usr/bin/env node
// Benchmarks `status-lens diff` (issue #19; not a test). Two 20,000-entry HARs from
// scripts/gen-har.mjs (seeds 42 and 43: the same generator, so the same endpoints with other
// statuses, bodies and times) and, in the same run, one `lint` of the first: the goal is a
// diff of both in at most 2.5× that lint. Peak memory of each is shown beside it (the diff
// streams both files, so it should stay near lint's).
//
//   node scripts/bench-diff.mjs [--runs 3]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateHar } from './gen-har.mjs';
import { runNode } from './bench-cli.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist-cli/status-lens.mjs');
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib) => (kib ? `${(kib / 1024).toFixed(0)} MiB` : 'unknown');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchDiff({ runs = 3, log = console.error } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'status-lens-bench-diff-'));
  try {
    const before = join(dir, 'before-20k.har');
    const after = join(dir, 'after-20k.har');
    log('generating two HARs of 20,000 entries…');
    const gen = await generateHar({ out: before, entries: 20_000, seed: 42 });
    await generateHar({ out: after, entries: 20_000, seed: 43 });
    const lints = [];
    const diffs = [];
    let lintRss;
    let diffRss;
    for (let i = 0; i < runs; i++) {
      log(`run ${i + 1}/${runs}: lint, diff…`);
      const lint = await runNode([BIN, 'lint', before, '--fail-on', 'none'], { measureRss: true });
      if (lint.code !== 0) throw new Error(`lint exited ${lint.code}:\n${lint.stderr.slice(0, 2000)}`);
      const diff = await runNode([BIN, 'diff', before, after, '--fail-on', 'none'], { measureRss: true });
      if (diff.code !== 0) throw new Error(`diff exited ${diff.code}:\n${diff.stderr.slice(0, 2000)}`);
      lints.push(lint.ms);
      diffs.push(diff.ms);
      lintRss = Math.max(lintRss ?? 0, lint.rssKiB ?? 0) || undefined;
      diffRss = Math.max(diffRss ?? 0, diff.rssKiB ?? 0) || undefined;
    }
    const l = median(lints);
    const d = median(diffs);
    const size = gen.bytes !== undefined ? `${(gen.bytes / 1024 / 1024).toFixed(0)} MiB each` : '';
    const rows = [
      ['20,000 entries', size, '`status-lens lint` of one', secs(l), '1.00×', mib(lintRss)],
      [
        '2 × 20,000 entries',
        size,
        '`status-lens diff` of both',
        secs(d),
        `${(d / l).toFixed(2)}× (goal ≤ 2.5×)`,
        mib(diffRss),
      ],
    ];
    const table = [
      '| Input | Size | Measurement | Time (median) | vs lint | Peak RSS |',
      '| --- | --- | --- | ---: | ---: | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    return { rows, table };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const { table } = await benchDiff({ runs: runsAt === -1 ? 3 : Number(args[runsAt + 1]) });
  console.log(`\n### status-lens diff (node ${process.version})\n\n${table}\n`);
}
