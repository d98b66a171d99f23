import { analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import { readHarDocument } from '../../core/har/normalize';
import type { Analysis } from '../../core/rules/types';

const MAX_BATCH_ITEMS = 250;
const MAX_BATCH_CHARS = 512 * 1024;

export interface ImportOptions {
  bodyCap: number;
  idPrefix: string;
  fileName: string;
}

export interface ImportBatch {
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
 * findings appear progressively and no single task holds the thread for long.
 */
export async function importHar(
  data: ArrayBuffer,
  opts: ImportOptions,
  active: readonly ActiveRule[],
  emit: (batch: ImportBatch) => void,
  sliceMs = 40,
): Promise<void> {
  const base = { fileName: opts.fileName, items: [], problems: [], total: 0 };
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
  let problems = read.problems;
  let started = Date.now();
  let batchChars = 0;
  for (let i = 0; i < total; i++) {
    const exchange = read.exchanges[i]!;
    const bodyNote = capBody(exchange, opts.bodyCap);
    items.push({ exchange, analysis: analyzeExchange(exchange, active), ...(bodyNote ? { bodyNote } : {}) });
    batchChars += exchange.body.kind === 'text' ? exchange.body.text.length : 0;
    // The receiving thread pays for each batch when it reads the message (structured clone)
    // and again in GC, so batches are also capped by size: a few hundred KB per message keeps
    // every main-thread task short.
    if (Date.now() - started > sliceMs || items.length >= MAX_BATCH_ITEMS || batchChars >= MAX_BATCH_CHARS) {
      batchChars = 0;
      emit({ fileName: opts.fileName, items, problems, done: false, total });
      items = [];
      problems = [];
      // Yield so the thread can take messages (a settings change) between slices.
      await new Promise((r) => setTimeout(r, 0));
      started = Date.now();
    }
  }
  emit({ fileName: opts.fileName, items, problems, done: true, total });
}
