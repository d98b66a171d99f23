#!/usr/bin/env node
// Bundles the status-lens CLI (src/cli/main.ts and the core engine it uses) into one ESM
// file that `npm install`s bin entry points at: dist-cli/status-lens.mjs.
import { readFile, rm, chmod } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBuildOptions } from './cli-build-options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'));
const outfile = resolve(root, 'dist-cli/status-lens.mjs');

await rm(resolve(root, 'dist-cli'), { recursive: true, force: true });
const result = await build({ ...cliBuildOptions(root, outfile, pkg.version), metafile: true });
await chmod(outfile, 0o755);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `built ${outfile.slice(root.length + 1)} (${(bytes / 1024).toFixed(0)} KiB, version ${pkg.version})`,
);
