#!/usr/bin/env node
// Times the session rules' path stage by stage in one process (issue #18; figures only):
//
//   node scripts/bench-session.mjs HAR [RUNS] [lint options…] [--src DIR]
//
// RUNS (default 12) runs of each stage after two warm-ups; the minimum is the figure to compare
// (CPU time, so other work on the machine moves it little). --src DIR bundles the same harness
// against another source tree (`git archive <commit> src | tar -x -C /tmp/base`, then
// --src /tmp/base/src) to compare two versions stage by stage; the tree must have
// cli/lint/worker.ts's quietIo (from the seventeenth session on). See docs/performance.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--src');
const src = at < 0 ? join(ROOT, 'src') : resolve(args.splice(at, 2)[1]);
if (args.length === 0) {
  console.error('usage: node scripts/bench-session.mjs HAR [RUNS] [lint options…] [--src DIR]');
  process.exit(2);
}

/** Imports of ../src/… from the harness go to the chosen tree. */
const otherTree = {
  name: 'other-tree',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/src\// }, (a) => {
      const base = join(src, a.path.slice('../src/'.length));
      for (const p of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
        if (existsSync(p)) return { path: p };
      return undefined;
    });
  },
};

const dir = mkdtempSync(join(tmpdir(), 'bench-session-'));
const out = join(dir, 'bench-session.mjs');
try {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'scripts/bench-session.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [otherTree],
    define: { __STATUS_LENS_VERSION__: '"bench"' },
    alias: { yaml: join(ROOT, 'node_modules/yaml/browser/index.js') },
  });
  const run = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
