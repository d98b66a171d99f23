import { activeSessionRules, type ActiveSessionRule } from '../../core/session/active';
import { SessionAnalyser } from '../../core/session/analyser';
import { addSessionFindings } from './session-analysis';
import type { PreparedContract } from '../../core/contract/types';
import { analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
import { capBody, limitsForBodyCap } from '../../core/engine/body-cap';
import type { Exchange } from '../../core/exchange/types';
import { readHarBytes } from '../../core/har/entry-reader';
import type { Analysis } from '../../core/rules/types';

const MAX_BATCH_ITEMS = 250;
const MAX_BATCH_CHARS = 512 * 1024;

export interface ImportOptions {
  /** Unique per import: two files of the same name are still two imports. */
  importId: string;
  bodyCap: number;
  idPrefix: string;
  fileName: string;
  /**
   * Entries already delivered by an earlier run of this import (a worker that failed part way):
   * they, and the problems sent with the first batch, are not sent again.
   */
  skip?: number;
}

export interface ImportBatch {
  importId: string;
  fileName: string;
  items: { exchange: Exchange; analysis: Analysis; bodyNote?: string }[];
  /** Entries that could not be read, by index. */
  problems: { index: number; error: string }[];
  /** The whole file could not be read. */
  error?: string;
  /** Reading stopped part way (the file is cut short or broken there): entries after it are missing. */
  stopped?: string;
  done: boolean;
  total: number;
}

/**
 * Reads a HAR file and analyses it in time slices, emitting batches as it goes, so rows and
 * findings appear progressively and no single task holds the thread for long. `cancelled` is
 * asked between slices: once it says yes, nothing more is emitted.
 */
export async function importHar(
  data: ArrayBuffer,
  opts: ImportOptions,
  active: readonly ActiveRule[],
  emit: (batch: ImportBatch) => void,
  sliceMs = 40,
  cancelled: () => boolean = () => false,
  contracts: readonly PreparedContract[] = [],
  sessionRules: readonly ActiveSessionRule[] = activeSessionRules({ rules: {} }),
): Promise<void> {
  const head = { importId: opts.importId, fileName: opts.fileName };
  // An imported file is a session of its own (issue #18), judged in entry order as it is read,
  // with the CLI's entry indices, so the panel and `status-lens lint` agree.
  const session = new SessionAnalyser(sessionRules);
  const prefix = opts.idPrefix;
  const base = { ...head, items: [], problems: [], total: 0 };
  // The CLI's reader (core/har/entry-reader): a broken entry costs only itself, and a file that
  // breaks part way keeps every entry before the break, as `status-lens lint` does.
  const read = readHarBytes(new Uint8Array(data), opts.idPrefix);
  if (read.stopped && read.entryCount === 0) {
    emit({
      ...base,
      error: `${opts.fileName}: ${read.stopped.message} (line ${read.stopped.line}, column ${read.stopped.column})`,
      done: true,
    });
    return;
  }
  const stopped = read.stopped
    ? `line ${read.stopped.line}, column ${read.stopped.column}: ${read.stopped.message}`
    : undefined;
  const limits = limitsForBodyCap(opts.bodyCap);
  const total = read.exchanges.length;
  let items: ImportBatch['items'] = [];
  const skip = Math.max(0, Math.min(total, Math.floor(opts.skip ?? 0)));
  let problems = skip > 0 ? [] : read.problems.map(({ index, error }) => ({ index, error }));
  let started = Date.now();
  let batchChars = 0;
  for (let i = skip; i < total; i++) {
    const exchange = read.exchanges[i]!;
    const bodyNote = capBody(exchange, opts.bodyCap);
    const analysis = analyzeExchange(exchange, active, limits, contracts);
    addSessionFindings(session, exchange, analysis, Number(exchange.id.slice(prefix.length)));
    items.push({
      exchange,
      analysis,
      ...(bodyNote ? { bodyNote } : {}),
    });
    batchChars += exchange.body.kind === 'text' ? exchange.body.text.length : 0;
    // The receiving thread pays for each batch when it reads the message (structured clone)
    // and again in GC, so batches are also capped by size: a few hundred KB per message keeps
    // every main-thread task short.
    if (Date.now() - started > sliceMs || items.length >= MAX_BATCH_ITEMS || batchChars >= MAX_BATCH_CHARS) {
      batchChars = 0;
      emit({ ...head, items, problems, done: false, total });
      items = [];
      problems = [];
      // Yield so the thread can take messages (a settings change, a cancel) between slices.
      await new Promise((r) => setTimeout(r, 0));
      if (cancelled()) return;
      started = Date.now();
    }
  }
  emit({ ...head, items, problems, done: true, total, ...(stopped ? { stopped } : {}) });
}
