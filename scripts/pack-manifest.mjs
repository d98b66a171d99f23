#!/usr/bin/env node
// `npm pack` / `npm publish` ship the CLI bundled (dist-cli/status-lens.mjs holds the engine and
// every library it uses) and the docs and schemas beside it: nothing under node_modules runs.
// package.json still lists the extension's libraries under "dependencies" (supply-chain.test.ts
// and `npm run audit` read them as what the extension ships), and npm would install each of
// them with the package. So, around packing only:
//
//   node scripts/pack-manifest.mjs strip     (prepack)  package.json without dependencies,
//                                                        the original kept in .tmp/
//   node scripts/pack-manifest.mjs restore   (postpack) the original back
//
// `strip` refuses to run over a package.json it already stripped (a pack that failed before
// postpack): run `restore` first.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = resolve(root, 'package.json');
const saved = resolve(root, '.tmp/package.json.before-pack');

const [command] = process.argv.slice(2);
if (command === 'strip') {
  if (existsSync(saved)) {
    console.error(
      `${saved} exists: a pack did not finish. Run "node scripts/pack-manifest.mjs restore" first.`,
    );
    process.exit(2);
  }
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  mkdirSync(dirname(saved), { recursive: true });
  writeFileSync(saved, text);
  delete pkg.dependencies;
  delete pkg.devDependencies;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
