import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  MODES,
  UNREVIEWED,
  computeRuns,
  corpusFiles,
  firingRules,
  lintCorpusFile,
  readExpectation,
  type Mode,
  type RunOutcome,
} from '../../helpers/realworld';
import { citationMismatch } from '../../helpers/citations';
import type { RuleSource } from '../../../src/core/rules/types';

/**
 * Real HAR files exported by real tools (provenance in test/fixtures/realworld/SOURCES.md),
 * linted by the CLI with no profile and with every profile. Each file's findings are pinned in
 * a reviewed expectation (expected/<name>.json, one line per entry) whose `why` says why each
 * rule id is right there: any change in findings fails here and shows up as a diff of that
 * file. Regenerate with `npm run corpus:update`, then review the diff.
 */

const files = corpusFiles();
const sources = readFileSync(resolve(CORPUS_DIR, 'SOURCES.md'), 'utf8');

/** What the exit code must be for this outcome, from the CLI's documented contract (docs/cli.md). */
function contractExitCode(r: RunOutcome): number {
  if (r.problems.some((p) => !p.startsWith('rule'))) return 2;
  return r.entries.some((e) => e.findings.some((f) => f.endsWith(' error'))) ? 1 : 0;
}

describe('real-world corpus', () => {
  it('has enough real captures, each with its provenance', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) expect(sources, `${f} in SOURCES.md`).toContain(`\`${f}\``);
  });

  describe.each(files)('%s', (file) => {
    it('lints without a crash, with the exit code its findings call for, and the reviewed findings', async () => {
      const expected = readExpectation(file);
      expect(
        expected,
        `expected/${file.replace(/\.har$/, '.json')}: run npm run corpus:update`,
      ).toBeDefined();
      const runs = await computeRuns(file);
      for (const mode of Object.keys(MODES) as Mode[]) {
        const r = runs[mode];
        // A rule that throws is reported as "rule … failed": an engine crash on real traffic.
        expect(
          r.problems.filter((p) => p.startsWith('rule')),
          mode,
        ).toEqual([]);
        expect(r.exitCode, `${mode} exit code`).toBe(contractExitCode(r));
      }
      expect(runs).toEqual(expected!.runs);
      // Every rule id that fires has a reviewed reason, and no stale reasons linger.
      expect(Object.keys(expected!.why).sort()).toEqual(firingRules(runs));
      for (const [id, why] of Object.entries(expected!.why)) {
        expect(why, `${file}: why ${id}`).not.toBe(UNREVIEWED);
        expect(why.trim().length, `${file}: why ${id}`).toBeGreaterThan(10);
      }
    });
  });

  // The testers hold each rule's cases to it; real traffic reaches branches no case does.
  it('cites, in every finding of every capture, the section its source links', async () => {
    const r = await lintCorpusFile(files[0]!, [
      ...files.slice(1).map((f) => `test/fixtures/realworld/${f}`),
      ...MODES.allProfiles,
      '--format',
      'json',
    ]);
    const report = JSON.parse(r.stdout) as {
      exchanges: { findings: { rule: string; message: string; source: RuleSource }[] }[];
    };
    const wrong = report.exchanges.flatMap((ex) =>
      ex.findings.flatMap((f) => {
        const why = citationMismatch(f.message, f.source) ?? citationMismatch(f.source.label, f.source);
        return why ? [`${f.rule}: ${why}`] : [];
      }),
    );
    expect(report.exchanges.length).toBeGreaterThan(1000);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('the text report of a whole-corpus run prints no internal error or stack trace', async () => {
    const r = await lintCorpusFile(
      files[0]!,
      files.slice(1).map((f) => `test/fixtures/realworld/${f}`),
    );
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect([0, 1, 2]).toContain(r.code);
  });
});
