#!/usr/bin/env node
// `npm run bench`: the panel benchmark in real Chromium, then the CLI benchmark. Needs a build.
// Pass --quick to skip the largest sizes. Benchmarks print figures; they never fail on them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

if (!existsSync('dist/manifest.json') || !existsSync('dist-cli/status-lens.mjs')) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const quick = process.argv.includes('--quick') ? ['--quick'] : [];
mkdirSync('.tmp', { recursive: true });
await build({
  entryPoints: ['scripts/bench-panel.ts'],
  outfile: '.tmp/bench-panel.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
for (const [label, args] of [
  ['panel', ['.tmp/bench-panel.mjs', ...quick]],
  ['cli', ['scripts/bench-cli.mjs', ...quick]],
  ['openapi', ['scripts/bench-openapi.mjs', ...(quick.length ? ['--runs', '1'] : [])]],
  ['diff', ['scripts/bench-diff.mjs', ...(quick.length ? ['--runs', '1'] : [])]],
]) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, STATUS_LENS_DIST: resolve('dist') },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
