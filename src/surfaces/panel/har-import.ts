import { analyzeExchange, DEFAULT_LIMITS, type ActiveRule } from '../../core/engine/analyze';
import type { PreparedContract } from '../../core/contract/types';
import type { Exchange } from '../../core/exchange/types';
import { readHarDocument } from '../../core/har/normalize';
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
  done: boolean;
  total: number;
}

function capBody(exchange: Exchange, cap: number): string | undefined {
  if (exchange.body.kind === 'text' && exchange.body.text.length > cap) {
    const size = exchange.body.size;
    exchange.body = { kind: 'unknown', reason: 'too-large', size };
    return `Body of ${(size / 1024 / 1024).toFixed(1)} MB is over the cap: analysed by headers only.`;
  }
  return undefined;
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
): Promise<void> {
  const head = { importId: opts.importId, fileName: opts.fileName };
  const base = { ...head, items: [], problems: [], total: 0 };
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(data));
  } catch (e) {
    emit({ ...base, error: `${opts.fileName} is not valid JSON: ${(e as Error).message}`, done: true });
    return;
  }
  const read = readHarDocument(doc, opts.idPrefix);
  doc = undefined;
  if ('error' in read) {
    emit({ ...base, error: `${opts.fileName}: ${read.error}`, done: true });
    return;
  }
  const total = read.exchanges.length;
  let items: ImportBatch['items'] = [];
  const skip = Math.max(0, Math.min(total, Math.floor(opts.skip ?? 0)));
  let problems = skip > 0 ? [] : read.problems;
  let started = Date.now();
  let batchChars = 0;
  for (let i = skip; i < total; i++) {
    const exchange = read.exchanges[i]!;
    const bodyNote = capBody(exchange, opts.bodyCap);
    items.push({
      exchange,
      analysis: analyzeExchange(exchange, active, DEFAULT_LIMITS, contracts),
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
  emit({ ...head, items, problems, done: true, total });
}
