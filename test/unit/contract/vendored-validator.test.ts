import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// src/core/contract/vendor/validate.js is @cfworker/json-schema's validate.js with its
// pattern keywords moved onto RE2. These tests keep the copy honest: it must match the
// installed package line for line apart from the imports and the lines marked STATUS LENS,
// so an upgrade of the package that is not copied again fails here, not in a user's spec.

const vendored = readFileSync('src/core/contract/vendor/validate.js', 'utf8');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@cfworker/json-schema/package.json'));
const upstream = readFileSync(join(pkgDir, 'dist/esm/validate.js'), 'utf8');
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;

/** The code lines that are neither imports, comments, nor source-map pragmas. */
function body(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !/^\s*(import |\/\/)/.test(l))
    .filter((l) => l.trim() !== '');
}

describe('the vendored JSON Schema validator', () => {
  it('names the package version it was copied from, which is the one installed', () => {
    expect(vendored).toContain(`@cfworker/json-schema ${version}`);
  });

  it('differs from upstream only on the lines marked STATUS LENS', () => {
    const ours = body(vendored);
    const theirs = body(upstream);
    expect(ours.length).toBe(theirs.length);
    const changed = ours.flatMap((line, i) => (line === theirs[i] ? [] : [line]));
    expect(changed.length).toBeGreaterThan(0);
    for (const line of changed) expect(line).toContain('STATUS LENS');
  });

  it('never builds a native RegExp from a schema', () => {
    expect(body(vendored).join('\n')).not.toMatch(/new RegExp\([^)]/);
  });
});
