import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntryHold, EntryReport } from '../../core/report/request-order';
import { InputError } from '../io';
import { describeFsError } from './source';

/** Entries held in memory before the hold moves to a temporary file (a few MB of report data). */
export const HOLD_IN_MEMORY = 4096;
/** Bytes gathered before they are written to the temporary file. */
const WRITE_BUFFER = 1 << 20;

/**
 * Where the lint holds a file's entry reports until the file ends (core/report/request-order.ts):
 * in memory for the first `inMemory` entries, then in a temporary file as JSON lines, so a HAR
 * of a million entries costs 8 bytes of memory per entry (its offset), not its findings. The
 * file is removed when the entries are replayed or the hold is disposed.
 */
export function spillingHold(inMemory: number = HOLD_IN_MEMORY): EntryHold {
  let memory: EntryReport[] = [];
  let dir: string | undefined;
  let fd: number | undefined;
  let offsets = new Float64Array(0);
  let count = 0;
  let size = 0;
  let parts: string[] = [];
  /** UTF-8 bytes in `parts`, not yet written. */
  let buffered = 0;

  const fail = (e: unknown): never => {
    throw new InputError(`cannot write the report's temporary file in ${tmpdir()}: ${describeFsError(e)}`);
  };
  const flush = () => {
    if (buffered === 0 || fd === undefined) return;
    const bytes = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    buffered = 0;
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, size + done);
    } catch (e) {
      fail(e);
    }
    size += bytes.length;
  };
  /** Appends one entry as a JSON line (JSON.stringify escapes every newline inside it). */
  const append = (e: EntryReport) => {
    if (count === offsets.length) {
      const grown = new Float64Array(Math.max(1024, offsets.length * 2));
      grown.set(offsets);
      offsets = grown;
    }
    const line = `${JSON.stringify(e)}\n`;
    offsets[count++] = size + buffered;
    parts.push(line);
    buffered += Buffer.byteLength(line, 'utf8');
    if (buffered >= WRITE_BUFFER) flush();
  };
  const spill = () => {
    try {
      dir = mkdtempSync(join(tmpdir(), 'status-lens-order-'));
      fd = openSync(join(dir, 'entries.jsonl'), 'w+', 0o600);
    } catch (e) {
      fail(e);
    }
    for (const e of memory) append(e);
    memory = [];
  };
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    fd = undefined;
    dir = undefined;
    memory = [];
    parts = [];
    buffered = 0;
    count = 0;
    size = 0;
  };
  const read = (at: number, length: number, buf: Buffer): Buffer => {
    const out = length <= buf.length ? buf : Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd!, out, done, length - done, at + done);
      if (n === 0) break;
      done += n;
    }
    return out.subarray(0, done);
  };

  return {
    put(e) {
      if (fd === undefined && memory.length < inMemory) memory.push(e);
      else {
        if (fd === undefined) spill();
        append(e);
      }
    },
    *replay(order) {
      try {
        if (fd === undefined) {
          const list = memory;
          memory = [];
          if (order === undefined) yield* list;
          else for (const i of order) yield list[i]!;
          return;
        }
        flush();
        const end = (i: number) => (i + 1 < count ? offsets[i + 1]! : size);
        if (order === undefined) {
          // In file order: read in large slices, a line at a time.
          let buf = Buffer.allocUnsafe(WRITE_BUFFER);
          for (let i = 0; i < count;) {
            const from = offsets[i]!;
            let j = i;
            while (j < count && end(j) - from <= buf.length) j++;
            if (j === i) {
              buf = Buffer.allocUnsafe(end(i) - from);
              continue;
            }
            const slice = read(from, end(j - 1) - from, buf);
            for (let k = i; k < j; k++)
              yield JSON.parse(slice.toString('utf8', offsets[k]! - from, end(k) - from - 1)) as EntryReport;
            i = j;
          }
        } else {
          const buf = Buffer.allocUnsafe(1 << 16);
          for (const i of order) {
            const slice = read(offsets[i]!, end(i) - offsets[i]!, buf);
            yield JSON.parse(slice.toString('utf8', 0, slice.length - 1)) as EntryReport;
          }
        }
      } finally {
        close();
      }
    },
    dispose: close,
  };
}
