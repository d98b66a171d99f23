import { compareCaptures, newFindingsFail } from '../../../core/diff/capture/compare';
import { CAPTURE_DIFF_VERSION, type CaptureDiffReport } from '../../../core/diff/capture/report';
import { CaptureSummarizer } from '../../../core/diff/capture/summary';
import { KnownValues } from '../../../core/export/known-values';
import type { PreparedContract } from '../../../core/contract/types';
import { analyzeExchange, type ActiveRule } from '../../../core/engine/analyze';
import { capBody, limitsForBodyCap } from '../../../core/engine/body-cap';
import { notePath, readSplitEntry } from '../../../core/har/entry-reader';
import { splitHarBytes } from '../../../core/har/stream-splitter';
import { detectHarEncoding } from '../../../core/har/text-encoding';
import { fails } from '../../../core/report/model';
import { TOOL_NAME } from '../../../core/report/tool';
import type { JsonState } from '../../../core/rules/types';
import type { LiveCapture } from './live-capture';

/** The live side's name in the report. */
export const LIVE_CAPTURE = 'live capture';

export interface CompareInput {
  name: string;
  data: ArrayBuffer;
  bodyCap: number;
  active: readonly ActiveRule[];
  contracts: readonly PreparedContract[];
  toolVersion: string;
  /** Endpoints matched by method and route template alone, as `status-lens diff --ignore-host`. */
  ignoreHost?: boolean;
  /** The profiles the panel judges with (enabledProfileIds), named in the report as the CLI names its own. */
  profiles: readonly string[];
}

/**
 * Reads a HAR with the CLI's reader, entry by entry (each exchange is summarised and let go),
 * analyses it with the panel's rules, and compares it — as "before" — with the live capture.
 * The same report `status-lens diff --format json` writes; a broken entry costs only itself
 * and is listed as a problem naming its index, as the CLI names it.
 */
export function compareHarWithLive(input: CompareInput, live: LiveCapture): CaptureDiffReport {
  let bytes = new Uint8Array(input.data);
  const encoding = detectHarEncoding(bytes);
  if (encoding !== 'utf-8') bytes = new TextEncoder().encode(new TextDecoder(encoding).decode(bytes));
  const limits = limitsForBodyCap(input.bodyCap);
  const ignoreHost = input.ignoreHost === true;
  // Redacted by the user's lists, as the live records were, and hidden by what either side
  // carries by name (shared known values), so an endpoint keeps one key on both sides.
  const known = new KnownValues();
  const summarizer = new CaptureSummarizer({ ignoreHost, redact: live.redactor, known });
  const problems: CaptureDiffReport['problems'] = [];
  const split = splitHarBytes(bytes);
  for (const entry of split.entries) {
    const r = readSplitEntry(entry, `compare:${entry.index}`);
    if (!r.ok) {
      problems.push({
        kind: 'entry',
        file: input.name,
        index: entry.index,
        line: r.line,
        path: `log.entries[${entry.index}]`,
        message: r.message,
      });
      continue;
    }
    // Read with something wrong in it (an empty request URL): named, as `status-lens diff` does.
    for (const n of r.notes ?? []) {
      problems.push({
        kind: 'entry',
        file: input.name,
        index: entry.index,
        line: entry.line,
        path: notePath(entry.index, n),
        message: n.message,
      });
    }
    capBody(r.exchange, input.bodyCap);
    let json: JsonState | undefined;
    const analysis = analyzeExchange(r.exchange, input.active, limits, input.contracts, (ctx) => {
      json = ctx.json;
    });
    summarizer.add(r.exchange, analysis.findings, json);
  }
  const stopped = split.error;
  if (stopped) {
    problems.push({
      kind: 'file',
      file: input.name,
      line: stopped.line,
      column: stopped.column,
      message: stopped.message,
    });
  }
  // The live side first: its rows' values join the known ones before the HAR's keys are final.
  const after = live.summary({ ignoreHost, known });
  const before = summarizer.summary();
  const diff = compareCaptures(before, after);
  return {
    version: CAPTURE_DIFF_VERSION,
    kind: 'capture-diff',
    tool: { name: TOOL_NAME, version: input.toolVersion },
    profiles: [...input.profiles],
    failOn: 'error',
    before: {
      file: input.name,
      entries: split.entries.length,
      exchanges: before.exchanges + before.unsummarised,
      endpoints: before.endpoints.length,
    },
    after: {
      file: LIVE_CAPTURE,
      entries: live.size,
      exchanges: after.exchanges + after.unsummarised,
      endpoints: after.endpoints.length,
    },
    endpoints: diff.endpoints,
    problems,
    summary: { ...diff.totals, failing: newFindingsFail(diff, (s) => fails(s, 'error')) },
  };
}
