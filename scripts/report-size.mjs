// Reports the built extension's size per entry (gzipped) and enforces the panel budget.
// Run by `npm run build`; exits 1 when the panel's JavaScript is over budget or a source map shipped.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PANEL_BUDGET_GZIP = 400 * 1024;

/** Scripts a page loads (its own module and everything it imports, transitively). */
export function pageScripts(dist, htmlPath) {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const seen = new Set();
  const queue = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(
      /(?:from|import)\s*\(?\s*["'](?:\.\/|\/)?((?:assets\/)?[\w.-]+\.js)["']/g,
    )) {
      const dep = m[1].startsWith('assets/') ? m[1] : `assets/${m[1]}`;
      queue.push(dep);
    }
    for (const m of code.matchAll(/new URL\(["'](?:\.\/|\/)?((?:assets\/)?[\w.-]+\.js)["']/g)) {
      queue.push(m[1].startsWith('assets/') ? m[1] : `assets/${m[1]}`);
    }
  }
  return [...seen];
}

export function gzipSize(dist, files) {
  return files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
}

export function sourceMaps(dist) {
  const out = [];
  (function walk(dir) {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.map') || /sourceMappingURL=/.test(readFileSync(p, 'latin1'))) out.push(p);
    }
  })(dist);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = 'dist';
  const pages = {
    panel: 'src/surfaces/panel/panel.html',
    popup: 'src/surfaces/popup/popup.html',
    options: 'src/surfaces/options/options.html',
    devtools: 'src/surfaces/devtools/devtools.html',
  };
  let failed = false;
  for (const [name, html] of Object.entries(pages)) {
    const size = gzipSize(dist, pageScripts(dist, html));
    const over = name === 'panel' && size > PANEL_BUDGET_GZIP;
    failed ||= over;
    console.log(
      `${name.padEnd(9)} ${(size / 1024).toFixed(1).padStart(7)} KB gzipped${name === 'panel' ? ` (budget ${PANEL_BUDGET_GZIP / 1024} KB)` : ''}${over ? '  OVER BUDGET' : ''}`,
    );
  }
  const maps = sourceMaps(dist);
  if (maps.length > 0) {
    failed = true;
    console.log(`source maps shipped: ${maps.join(', ')}`);
  }
  process.exit(failed ? 1 : 0);
}
