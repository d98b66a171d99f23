// How the Node scripts run the engine's TypeScript: the entry and what it imports from src/,
// bundled by esbuild into .tmp/ (dependencies stay external), then imported.
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** The module `entry` (a path from the repository root) exports; `define` as esbuild takes it. */
export async function importTs(entry, define) {
  const out = resolve(root, '.tmp', basename(entry).replace(/\.ts$/, '.mjs'));
  mkdirSync(resolve(root, '.tmp'), { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    define,
    logLevel: 'warning',
  });
  return import(pathToFileURL(out).href);
}
