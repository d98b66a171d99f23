import { createLiveSession, type LiveSession } from './session-analysis';
import type { PreparedContract } from '../../core/contract/types';
import { analyzeExchange, type ActiveRule } from '../../core/engine/analyze';
import { capBody, limitsForBodyCap } from '../../core/engine/body-cap';
import type { Exchange } from '../../core/exchange/types';
import { notePath, readSplitEntry } from '../../core/har/entry-reader';
import { HarEntryStream } from '../../core/har/entry-stream';
import type { SplitEntry } from '../../core/har/stream-splitter';
import type { Analysis } from '../../core/rules/types';
import { positionText } from '../../core/text/position';

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
  /** How many bytes of a File are read at a time (default IMPORT_CHUNK_BYTES; tests use small slices). */
  chunkBytes?: number;
}

/**
 * What an import judges each entry by, asked entry by entry: settings or descriptions given
 * while a long file is read apply to the entries read after them, not only once it is all in.
 */
export interface ImportJudge {
  active(): readonly ActiveRule[];
  contracts(): readonly PreparedContract[];
  /** How many times settings or descriptions were given (Analyzer.revision): stamped on each batch. */
  revision(): number;
}

export interface ImportBatch {
  importId: string;
  /**
   * The Analyzer.revision its entries were judged by (all of them: a batch never spans a change).
   * Older than the panel's when it arrives: judged by settings replaced on the way, to judge again.
   */
  revision?: number;
  fileName: string;
  items: { exchange: Exchange; analysis: Analysis; bodyNote?: string }[];
  /** Entries that could not be read, by index. */
  problems: { index: number; error: string }[];
  /**
   * Entries read and analysed with something wrong in them, by index: `error` names the place
   * (`log.entries[14].request.url: the request URL is empty; …`). Sent once, like `problems`.
   */
  notes?: { index: number; error: string }[];
  /** The whole file could not be read. */
  error?: string;
  /** Reading stopped part way (the file is cut short or broken there): entries after it are missing. */
  stopped?: string;
  /** For a file read in slices: bytes read so far, of its size. */
  progress?: { read: number; size: number };
  done: boolean;
  total: number;
}

const isJudge = (v: readonly ActiveRule[] | ImportJudge): v is ImportJudge => !Array.isArray(v);

/** A HAR to import: bytes already read, or a file read slice by slice here (any size). */
export type HarSource = ArrayBuffer | Blob;

/** A file is read this many bytes at a time: memory follows this and the largest entry, not the file. */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;

async function* chunksOf(source: HarSource, chunk: number): AsyncGenerator<Uint8Array> {
  if (source instanceof ArrayBuffer) {
    yield new Uint8Array(source);
    return;
  }
  for (let at = 0; at < source.size; at += chunk) {
    yield new Uint8Array(await source.slice(at, at + chunk).arrayBuffer());
  }
}

/**
 * Reads a HAR file and analyses it in time slices, emitting batches as it goes, so rows and
 * findings appear progressively and no single task holds the thread for long. `cancelled` is
 * asked between slices: once it says yes, nothing more is emitted.
 *
 * The bytes go through the CLI's streaming splitter (core/har): a `Blob` (the dropped File) is
 * read a few megabytes at a time and never held whole, so a HAR over V8's string ceiling
 * (~512 MB) imports too; batches then carry `progress` and `total` counts the readable entries
 * found so far. An `ArrayBuffer` is one chunk: `total` is known from the first batch.
 */
export async function importHar(
  data: HarSource,
  opts: ImportOptions,
  /** The rules; a judge reads them (and the descriptions, instead of `contracts`) entry by entry. */
  active: readonly ActiveRule[] | ImportJudge,
  emit: (batch: ImportBatch) => void,
  sliceMs = 40,
  cancelled: () => boolean = () => false,
  contracts: readonly PreparedContract[] = [],
  /**
   * An imported file is a session of its own (issue #18), judged in entry order as it is read,
   * with the CLI's entry indices, so the panel and `status-lens lint` agree. The analysis keeps
   * it (sessions.ts) to judge the file's rows in again when they are analysed again.
   */
  session: Pick<LiveSession, 'judge'> = createLiveSession((ex) => Number(ex.id.slice(opts.idPrefix.length))),
): Promise<void> {
  const judge: ImportJudge = isJudge(active)
    ? active
    : { active: () => active, contracts: () => contracts, revision: () => 0 };
  /** The revision the batch being gathered was judged by. */
  let revision = judge.revision();
  const stamped = isJudge(active);
  const head = () => ({ importId: opts.importId, fileName: opts.fileName, ...(stamped ? { revision } : {}) });
  const size = data instanceof ArrayBuffer ? data.byteLength : data.size;
  const streamed = !(data instanceof ArrayBuffer);
  const limits = limitsForBodyCap(opts.bodyCap);
  const skip = Math.max(0, Math.floor(opts.skip ?? 0));
  // The CLI's reader (core/har/entry-reader): a broken entry costs only itself, and a file that
  // breaks part way keeps every entry before the break, as `status-lens lint` does.
  const stream = new HarEntryStream();
  let items: ImportBatch['items'] = [];
  let problems: ImportBatch['problems'] = [];
  let notes: NonNullable<ImportBatch['notes']> = [];
  /** Readable entries found so far; the first `skip` of them were delivered by an earlier run. */
  let total = 0;
  let readBytes = 0;
  let started = Date.now();
  let batchChars = 0;
  const progress = () => (streamed ? { progress: { read: readBytes, size } } : {});
  const noted = () => (notes.length > 0 ? { notes } : {});

  /** Reads a chunk's entries, then analyses them in slices. Returns false once cancelled. */
  const take = async (entries: readonly SplitEntry[]): Promise<boolean> => {
    const exchanges: Exchange[] = [];
    for (const entry of entries) {
      const r = readSplitEntry(entry, `${opts.idPrefix}${entry.index}`);
      if (!r.ok) {
        if (skip === 0) problems.push({ index: entry.index, error: r.message });
        continue;
      }
      if (total++ < skip) continue;
      exchanges.push(r.exchange);
      for (const n of r.notes ?? []) {
        notes.push({ index: entry.index, error: `${notePath(entry.index, n)}: ${n.message}` });
      }
    }
    for (const exchange of exchanges) {
      const now = judge.revision();
      if (now !== revision) {
        // New settings arrived (while a slice of the file was read): what was judged by the old
        // ones goes on its own, so the panel judges again exactly those.
        if (items.length > 0) {
          emit({ ...head(), items, problems, ...noted(), done: false, total, ...progress() });
          items = [];
          problems = [];
          notes = [];
          batchChars = 0;
        }
        revision = now;
      }
      const bodyNote = capBody(exchange, opts.bodyCap);
      const analysis = analyzeExchange(exchange, judge.active(), limits, judge.contracts());
      session.judge(exchange, analysis);
      items.push({
        exchange,
        analysis,
        ...(bodyNote ? { bodyNote } : {}),
      });
      batchChars += exchange.body.kind === 'text' ? exchange.body.text.length : 0;
      // The receiving thread pays for each batch when it reads the message (structured clone)
      // and again in GC, so batches are also capped by size: a few hundred KB per message keeps
      // every main-thread task short.
      if (
        Date.now() - started > sliceMs ||
        items.length >= MAX_BATCH_ITEMS ||
        batchChars >= MAX_BATCH_CHARS
      ) {
        batchChars = 0;
        emit({ ...head(), items, problems, ...noted(), done: false, total, ...progress() });
        items = [];
        problems = [];
        notes = [];
        // Yield so the thread can take messages (a settings change, a cancel) between slices.
        await new Promise((r) => setTimeout(r, 0));
        if (cancelled()) return false;
        started = Date.now();
      }
    }
    return true;
  };

  try {
    for await (const chunk of chunksOf(data, Math.max(1, opts.chunkBytes ?? IMPORT_CHUNK_BYTES))) {
      if (cancelled()) return;
      readBytes += chunk.length;
      if (!(await take(stream.push(chunk)))) return;
      if (stream.error) break;
    }
  } catch (e) {
    // The file went away or could not be read further (it was moved, the disk failed): keep
    // what was read, and say where reading stopped.
    const why = `the file could not be read after ${readBytes} bytes (${(e as Error)?.message ?? e})`;
    emit({ ...head(), items, problems, ...noted(), done: true, total, ...progress(), stopped: why });
    return;
  }
  const end = stream.finish();
  if (!(await take(end.entries))) return;
  if (end.error && stream.entryCount === 0) {
    emit({
      ...head(),
      items: [],
      problems: [],
      total: 0,
      error: `${opts.fileName}: ${end.error.message} (${positionText(end.error)})`,
      done: true,
    });
    return;
  }
  const stopped = end.error ? `${positionText(end.error)}: ${end.error.message}` : undefined;
  emit({
    ...head(),
    items,
    problems,
    ...noted(),
    done: true,
    total,
    ...progress(),
    ...(stopped ? { stopped } : {}),
  });
}
