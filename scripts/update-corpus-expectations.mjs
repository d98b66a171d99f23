#!/usr/bin/env node
// `npm run corpus:update`: lints every HAR in test/fixtures/realworld (no profile, then every
// profile) and rewrites test/fixtures/realworld/expected/<name>.json. Reviewed `why` notes of
// rule ids that still fire are kept; a rule id firing for the first time in a file gets
// "UNREVIEWED", which test/unit/realworld/corpus.test.ts refuses until someone writes why the
// finding is right (or names the issue that will remove it). Review the diff before committing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTs } from './import-ts.mjs';

const root = resolve(import.meta.dirname, '..');
const c = await importTs('test/helpers/realworld.ts', {
  // The helper finds the corpus from its own folder, as it does under vitest.
  __dirname: JSON.stringify(resolve(root, 'test/helpers')),
  __STATUS_LENS_VERSION__: JSON.stringify('0.0.0-test'),
});

mkdirSync(c.EXPECTED_DIR, { recursive: true });
let unreviewed = 0;
for (const file of c.corpusFiles()) {
  const next = c.mergeExpectation(file, await c.computeRuns(file), c.readExpectation(file));
  const open = Object.entries(next.why)
    .filter(([, w]) => w === c.UNREVIEWED)
    .map(([id]) => id);
  unreviewed += open.length;
  writeFileSync(c.expectedPath(file), c.serializeExpectation(next));
  console.log(`${file}: ${open.length > 0 ? `to review: ${open.join(', ')}` : 'ok'}`);
}
console.log(
  unreviewed > 0
    ? `\n${unreviewed} rule id(s) marked UNREVIEWED: write their "why" before committing (git diff test/fixtures/realworld/expected).`
    : '\nDone. Review the diff: git diff test/fixtures/realworld/expected',
);
