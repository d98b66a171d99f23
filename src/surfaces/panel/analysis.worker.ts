/// <reference lib="webworker" />
import { activeRules, analyzeExchange, DEFAULT_LIMITS, type ActiveRule } from '../../core/engine/analyze';
import { moveLargeBodies } from './moved-bodies';
import { prepareAll } from '../../core/contract/load';
import { prepareNewVersion } from '../../core/contract/new-version';
import type { PreparedContract } from '../../core/contract/types';
import type { JsonState } from '../../core/rules/types';
import type { AnalysisResult } from './analyzer';
import { runExportJob } from './export-jobs';
import { runCompareJob } from './compare-jobs';
import { isEndpointsToWorker } from './endpoints-protocol';
import { createEndpointsService, ENDPOINTS_THROTTLE_MS } from './endpoints-service';
import { importHar } from './har-import';
import { createPanelSessions } from './sessions';
import { COVERAGE_THROTTLE_MS, isCoverageToWorker } from './coverage-protocol';
import { createCoverageService } from './coverage-service';
import { createSearchIndex } from './worker-search';
import { isToWorker, type FromWorker } from './worker-protocol';
import { LiveCapture } from './compare/live-capture';
import { compareHarWithLive } from './compare/compare-job';
import { enabledProfileIds } from '../../core/profiles/enabled';
import { isCompareToWorker } from './compare/compare-protocol';

// The engine off the main thread: a 5 MB body or a 50,000-entry HAR never blocks the list.
let active: ActiveRule[] = activeRules({ profiles: [], rules: {} });
/** The profiles `active` judges with, as "Compare with HAR…" names them in its report. */
let profiles: string[] = [];
/** Prepared once per load of the descriptions, then shared by every exchange. */
let contracts: PreparedContract[] = [];
/** The `configure` and `contracts` messages taken so far: the panel counts those it sent alike (Analyzer.revision). */
let revision = 0;
const SLICE_MS = 40;
/** Imports running here, and those of them the panel has cancelled. */
const running = new Set<string>();
const cancelled = new Set<string>();

const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, { transfer });
/** The session rules over the live rows, judged as they arrive, and over each imported file. */
const sessions = createPanelSessions();
/** The Endpoints view's groups, kept here and updated as exchanges are analysed. */
const endpoints = createEndpointsService(
  (snapshot) => post({ type: 'endpoints', snapshot }),
  ENDPOINTS_THROTTLE_MS,
);

/** OpenAPI coverage, counted here as exchanges are analysed; the coverage view only draws it. */
const coverage = createCoverageService((report) => post({ type: 'coverage', report }), COVERAGE_THROTTLE_MS);
/** URLs and bodies for the search box's `body:` and `/regex/` terms; forgotten with the rows (the Endpoints messages say when). */
const searchIndex = createSearchIndex((update) => post({ type: 'search', update }));
/** The live capture as "Compare with HAR…" compares it: one small record per analysed row. */
const live = new LiveCapture();

self.onmessage = (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToWorker(msg)) return;
  if (isCoverageToWorker(msg)) return coverage.handle(msg);
  if (msg.type === 'search') return searchIndex.search(msg.searchId, msg.terms);
  if (isEndpointsToWorker(msg)) {
    // Forgotten and cleared rows leave the coverage and the search index too.
    if (msg.type === 'endpoints/forget' || msg.type === 'endpoints/clear') coverage.handle(msg);
    if (msg.type === 'endpoints/clear') {
      searchIndex.clear();
      // ... and the live capture "Compare with HAR…" compares with.
      live.clear();
      // Clear empties the list: the live rows after it are a new session.
      sessions.clear();
    } else if (msg.type === 'endpoints/forget') {
      searchIndex.forget(msg.ids);
      live.forget(msg.ids);
    }
    return endpoints.handle(msg);
  }
  if (isCompareToWorker(msg)) {
    try {
      const report = compareHarWithLive(
        { ...msg, active, contracts, profiles, toolVersion: __STATUS_LENS_VERSION__ },
        live,
      );
      post({ type: 'compare/result', jobId: msg.jobId, report });
    } catch (e) {
      post({ type: 'compare/result', jobId: msg.jobId, error: String((e as Error)?.message ?? e) });
    }
    return;
  }
  switch (msg.type) {
    case 'configure':
      revision++;
      active = activeRules(msg.settings);
      profiles = enabledProfileIds(msg.settings);
      sessions.configure(msg.settings);
      live.redactWith(msg);
      return;
    case 'contracts': {
      revision++;
      const prepared = prepareAll(msg.docs);
      contracts = prepared.contracts;
      coverage.setOutlines(prepared.status.outlines);
      post({ type: 'contracts', status: prepared.status });
      return;
    }
    case 'import': {
      const id = msg.opts.importId;
      running.add(id);
      void importHar(
        msg.data,
        msg.opts,
        // Read entry by entry: settings sent during a long import apply to the entries after them.
        { active: () => active, contracts: () => contracts, revision: () => revision },
        (batch) => {
          for (const item of batch.items) {
            endpoints.record(item.exchange, item.analysis.findings);
            coverage.record(item.exchange.id, item.exchange.status, item.analysis);
            searchIndex.record(item.exchange);
            live.record(item.exchange, item.analysis.findings, undefined);
          }
          const { batch: sent, moved, transfer } = moveLargeBodies(batch);
          post({ type: 'imported', batch: sent, ...(moved.length > 0 ? { moved } : {}) }, transfer);
        },
        SLICE_MS,
        () => cancelled.has(id),
        undefined,
        sessions.of({ session: id }, msg.opts.idPrefix),
      ).finally(() => {
        running.delete(id);
        cancelled.delete(id);
      });
      return;
    }
    case 'cancel':
      if (running.has(msg.importId)) cancelled.add(msg.importId);
      return;
    case 'export':
      try {
        post({
          type: 'exported',
          jobId: msg.jobId,
          text: runExportJob(msg.job, { coverage: coverage.report }),
        });
      } catch (e) {
        post({ type: 'exported', jobId: msg.jobId, error: String((e as Error)?.message ?? e) });
      }
      return;
    case 'description/check':
      try {
        post({
          type: 'description/checked',
          jobId: msg.jobId,
          result: prepareNewVersion(msg.loaded, msg.previous),
        });
      } catch (e) {
        post({ type: 'description/checked', jobId: msg.jobId, error: String((e as Error)?.message ?? e) });
      }
      return;
    case 'compare':
      try {
        post({ type: 'compared', jobId: msg.jobId, comparison: runCompareJob(msg.job) });
      } catch (e) {
        post({ type: 'compared', jobId: msg.jobId, error: String((e as Error)?.message ?? e) });
      }
      return;
    case 'analyze': {
      const session = sessions.of(msg);
      if (msg.replay) session.reset();
      // Results go out in slices so findings appear while a big batch is still running.
      let batch: AnalysisResult[] = [];
      let started = performance.now();
      for (const ex of msg.exchanges) {
        let json: JsonState | undefined;
        const analysis = analyzeExchange(ex, active, DEFAULT_LIMITS, contracts, (ctx) => {
          json = ctx.json;
        });
        session.judge(ex, analysis);
        endpoints.record(ex, analysis.findings);
        coverage.record(ex.id, ex.status, analysis);
        searchIndex.record(ex);
        live.record(ex, analysis.findings, json);
        batch.push({ id: ex.id, analysis });
        if (performance.now() - started > SLICE_MS) {
          post({ type: 'results', results: batch });
          batch = [];
          started = performance.now();
        }
      }
      if (batch.length > 0) post({ type: 'results', results: batch });
      // The panel sends the next batch on this: other requests wait behind one batch at most.
      post({ type: 'analyzed' });
    }
  }
};
