import type { Analyzer } from './analyzer';
import type { HarSource } from './har-import';
import type { WorkerAnalyzerState } from './worker-analyzer-state';
import { bySession } from './sessions';

/** Why "Compare with HAR…" cannot run: it reads the file in the worker, never on the panel's thread. */
export const COMPARE_NEEDS_WORKER =
  'Comparing needs the background analysis, which failed; reopen DevTools to try again.';

export const WORKER_FAILED_NOTICE = 'Background analysis failed; analysing in the panel instead.';

/**
 * The worker has failed: `inline`, the analyzer on the panel's thread, takes over its listeners,
 * its configuration and every piece of work it had not answered, and the user is told.
 */
export function handOver(s: WorkerAnalyzerState, inline: Analyzer): void {
  inline.onResults((r) => s.results.deliver(r));
  inline.onImport((batch) => s.importBatches.deliver(batch));
  inline.onContracts((status) => s.contractNews.deliver(status));
  // The worker's grouping records are gone; the Endpoints feed shows its rows again on the
  // notice below, and the inline grouping looks up the rows it never analysed.
  inline.onEndpoints((snapshot) => s.endpointNews.deliver(snapshot));
  // Likewise the coverage counts: the coverage feed opens the view again on the notice, with
  // the rows the panel holds, which the inline counting takes up.
  inline.onCoverage((report) => s.coverageNews.deliver(report));
  // The worker's rows are gone with it: the search covers the rows analysed here from now on.
  inline.onSearch((u) => s.searchNews.deliver(u));
  if (s.running) inline.search(s.running.searchId, s.running.terms);
  if (s.settings) inline.configure(s.settings);
  if (s.contractDocs) inline.setContracts(s.contractDocs);
  s.notices.deliver(WORKER_FAILED_NOTICE);
  const redo = bySession(s.outstanding.values(), (o) => o.session);
  s.outstanding.clear();
  for (const [session, group] of redo)
    inline.analyze(
      group.map((o) => o.exchange),
      session === undefined ? undefined : { session },
    );
  for (const id of [...s.imports.keys()]) void rerunImport(s, inline, id);
  for (const e of s.exports.takeAll()) inline.exportText(e.job).then(e.resolve, e.reject);
  s.harCompares.rejectAll(COMPARE_NEEDS_WORKER);
  for (const c of s.compares.takeAll()) inline.compare(c.job).then(c.resolve, c.reject);
  for (const c of s.checks.takeAll())
    inline.checkDescription(c.job.loaded, c.job.previous).then(c.resolve, c.reject);
}

/** An import the worker had not finished: read the file again and import the rest of it here. */
async function rerunImport(s: WorkerAnalyzerState, inline: Analyzer, importId: string): Promise<void> {
  const run = s.imports.get(importId);
  if (!run) return;
  const failed = (why: string) => {
    s.imports.delete(importId);
    s.importBatches.deliver({
      importId,
      fileName: run.opts.fileName,
      items: [],
      problems: [],
      total: 0,
      done: true,
      error: `${run.opts.fileName} could not be imported: ${why}.`,
    });
  };
  if (!run.reread) return failed('background analysis failed');
  let data: HarSource;
  try {
    data = await run.reread();
  } catch {
    return failed('the file could not be read again');
  }
  // Cancelled while the file was read again.
  if (!s.imports.delete(importId)) return;
  inline.importHar(data, { ...run.opts, skip: run.delivered });
}
