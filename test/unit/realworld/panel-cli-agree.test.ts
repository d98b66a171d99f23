import { startMs } from '../../../src/core/exchange/start';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeRules } from '../../../src/core/engine/analyze';
import { clipReported } from '../../../src/core/report/tool';
import { BUILTIN_PROFILE_IDS as PROFILE_IDS } from '../../../src/core/profiles/builtins';
import type { ProfileId } from '../../../src/core/rules/types';
import { defaultSettings } from '../../../src/core/settings';
import { importHar, type ImportBatch } from '../../../src/surfaces/panel/har-import';
import { CORPUS_DIR, corpusFiles, lintCorpusFile } from '../../helpers/realworld';

/**
 * The panel and the CLI are two shells around one engine: a HAR imported into the panel must
 * show the same findings, entry by entry, as `status-lens lint` on the same file. The panel side
 * runs the worker's import (importHar, as analysis.worker.ts calls it with the rules its
 * `configure` message set up); the CLI side is run() with a JSON report.
 */

interface Seen {
  index: number;
  findings: string[];
}

const key = (f: { rule: string; severity: string; message: string; pointer?: string }) =>
  `${f.rule} ${f.severity} ${f.pointer ?? '-'} ${f.message}`;

async function viaPanel(file: string, profiles: readonly ProfileId[]) {
  const settings = defaultSettings();
  settings.profiles = [...profiles];
  const bytes = readFileSync(resolve(CORPUS_DIR, file));
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const batches: ImportBatch[] = [];
  await importHar(
    data,
    { importId: 'corpus', bodyCap: settings.capture.bodySizeCap, idPrefix: 'corpus-', fileName: file },
    activeRules(settings),
    (b) => batches.push(b),
    Number.MAX_SAFE_INTEGER,
  );
  const error = batches.find((b) => b.error)?.error;
  // In the list's order: request start, an entry with no start after the one before it (as the
  // panel's store keeps rows, and as the CLI's reports list them).
  let latest = Number.NEGATIVE_INFINITY;
  const entries: Seen[] = batches
    .flatMap((b) => b.items)
    .map((item) => {
      const s = startMs(item.exchange.startedAt);
      const start = Number.isFinite(s) ? s : latest === Number.NEGATIVE_INFINITY ? 0 : latest;
      latest = Math.max(latest, start);
      return { item, start };
    })
    .sort((a, b) => a.start - b.start)
    .map(({ item }) => ({
      index: Number(item.exchange.id.slice('corpus-'.length)),
      // The report clips long texts; the panel keeps them whole. Compare what both can show.
      findings: item.analysis.findings.map((f) =>
        key({ ...f, message: clipReported(f.message), pointer: f.pointer && clipReported(f.pointer) }),
      ),
    }));
  const unreadable = batches.flatMap((b) => b.problems.map((p) => p.index));
  const stopped = batches.some((b) => b.stopped !== undefined);
  return { entries, unreadable, stopped, error };
}

async function viaCli(file: string, profiles: readonly ProfileId[]) {
  const args = ['--format', 'json', ...(profiles.length > 0 ? ['--profile', profiles.join(',')] : [])];
  const r = await lintCorpusFile(file, args);
  const report = JSON.parse(r.stdout) as {
    exchanges: {
      index: number;
      findings: { rule: string; severity: string; message: string; pointer?: string }[];
    }[];
    problems: { kind: string; index?: number }[];
  };
  const read = new Set(report.exchanges.map((ex) => ex.index));
  return {
    entries: report.exchanges.map((ex) => ({ index: ex.index, findings: ex.findings.map(key) })),
    // Entries that became no exchange at all (an entry problem about a body keeps its row).
    unreadable: report.problems.filter((p) => p.kind === 'entry' && !read.has(p.index!)).map((p) => p.index),
    stopped: report.problems.some((p) => p.kind === 'file'),
  };
}

describe.each(corpusFiles())('%s: panel import and CLI lint agree', (file) => {
  it.each([
    ['no profile', [] as ProfileId[]],
    ['every profile', [...PROFILE_IDS]],
  ])('%s', async (_, profiles) => {
    const [panel, cli] = await Promise.all([viaPanel(file, profiles), viaCli(file, profiles)]);
    expect(panel.error).toBeUndefined();
    expect(panel.entries).toEqual(cli.entries);
    expect(panel.unreadable).toEqual(cli.unreadable);
    expect(panel.stopped).toBe(cli.stopped);
  });
});
