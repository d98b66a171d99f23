import { analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
import type { Exchange } from '../../core/exchange/types';
import { normalizeHarEntry, readHarDocument, type HarParseResult } from '../../core/har/normalize';
import { tidyJsonError } from '../../core/har/json-error';
import { splitHarBytes, type SplitError } from '../../core/har/stream-splitter';
import { decodeHarText, detectHarEncoding } from '../../core/har/text-encoding';
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
  /**
   * The file breaks part way (cut short, or broken JSON between entries): where, in words.
   * The entries before that point are imported; sent with the last batch.
   */
  brokenAt?: string;
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
): Promise<void> {
  const head = { importId: opts.importId, fileName: opts.fileName };
  const base = { ...head, items: [], problems: [], total: 0 };
  const bytes = new Uint8Array(data);
  let text: string | undefined = decodeHarText(bytes);
  let doc: unknown;
  let read: ReturnType<typeof readHarDocument>;
  let brokenAt: string | undefined;
  try {
    doc = JSON.parse(text);
    text = undefined;
    read = readHarDocument(doc, opts.idPrefix);
    doc = undefined;
  } catch (e) {
    // Not one JSON document (a recording cut short, say): read it entry by entry as the
    // CLI does, keep the entries before the break and say where it is.
    const utf8 = detectHarEncoding(bytes) === 'utf-8' ? bytes : new TextEncoder().encode(text);
    text = undefined;
    const split = readHarEntries(utf8, opts.idPrefix);
    if (split.exchanges.length === 0 && split.problems.length === 0) {
      emit({ ...base, error: `${opts.fileName} is not valid JSON: ${(e as Error).message}`, done: true });
      return;
    }
    read = split;
    if (split.broken) {
      const err = split.broken;
      brokenAt = `${opts.fileName} breaks at line ${err.line}, column ${err.column}: ${err.message}; nothing after that point was read`;
    }
  }
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
    items.push({ exchange, analysis: analyzeExchange(exchange, active), ...(bodyNote ? { bodyNote } : {}) });
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
  emit({ ...head, items, problems, done: true, total, ...(brokenAt ? { brokenAt } : {}) });
}

/**
 * A HAR that is not one JSON document, entry by entry: the good entries, the unreadable
 * ones by index, and the structural error that stopped the reading, if any.
 */
function readHarEntries(bytes: Uint8Array, idPrefix: string): HarParseResult & { broken?: SplitError } {
  const { entries, error } = splitHarBytes(bytes);
  const exchanges: Exchange[] = [];
  const problems: HarParseResult['problems'] = [];
  const decoder = new TextDecoder();
  for (const e of entries) {
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(e.bytes));
    } catch (err) {
      problems.push({ index: e.index, error: `not valid JSON: ${tidyJsonError((err as Error).message)}` });
      continue;
    }
    const r = normalizeHarEntry(raw, `${idPrefix}${e.index}`);
    if (r.ok) exchanges.push(r.exchange);
    else problems.push({ index: e.index, error: r.error });
  }
  return error ? { exchanges, problems, broken: error } : { exchanges, problems };
}
