// Packs dist/ into status-lens-<version>.zip for the Chrome Web Store, with fflate (no zip binary needed).
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const dist = 'dist';
if (!existsSync(join(dist, 'manifest.json'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
const files = {};
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (!name.endsWith('.map')) files[relative(dist, p).split('\\').join('/')] = readFileSync(p);
  }
})(dist);
const { version } = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const outFlag = process.argv.indexOf('--out');
const out = outFlag === -1 ? `status-lens-${version}.zip` : process.argv[outFlag + 1];
// A fixed mtime keeps the zip byte-for-byte reproducible.
writeFileSync(out, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
console.log(`${out}: ${Object.keys(files).length} files, ${(statSync(out).size / 1024).toFixed(1)} KiB`);
