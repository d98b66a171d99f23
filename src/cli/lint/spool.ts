import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Spool, SpoolFactory, TextSink } from '../../core/report/writer';
import { InputError } from '../io';
import { describeFsError } from './source';

/** Text is gathered up to this many UTF-16 units before it is written out. */
const BUFFER = 1 << 16;

/**
 * Spools in temporary files, so the part of a report written last (SARIF results, JUnit
 * suites, Markdown findings) does not sit in memory: for a million entries it runs to
 * gigabytes. Every file is removed by `disposeAll()`, which the lint command calls however
 * the run ends.
 */
export class FileSpools {
  private dir: string | undefined;
  private count = 0;
  private readonly open = new Set<FileSpool>();

  readonly factory: SpoolFactory = () => {
    try {
      this.dir ??= mkdtempSync(join(tmpdir(), 'status-lens-report-'));
    } catch (e) {
      throw new InputError(`cannot create a temporary directory in ${tmpdir()}: ${describeFsError(e)}`);
    }
    const spool = new FileSpool(join(this.dir, `spool-${this.count++}`), () => this.open.delete(spool));
    this.open.add(spool);
    return spool;
  };

  disposeAll(): void {
    for (const s of [...this.open]) s.dispose();
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

class FileSpool implements Spool {
  private fd: number | undefined;
  private parts: string[] = [];
  private buffered = 0;
  private size = 0;

  constructor(
    private readonly path: string,
    private readonly onDispose: () => void,
  ) {}

  write(text: string): void {
    this.parts.push(text);
    this.buffered += text.length;
    if (this.buffered >= BUFFER) this.flush();
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const bytes = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.buffered = 0;
    try {
      this.fd ??= openSync(this.path, 'w+', 0o600);
      let done = 0;
      while (done < bytes.length)
        done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    } catch (e) {
      // Not a problem with the input: the run fails with this message (exit code 2).
      throw new InputError(`cannot write the report's temporary file in ${tmpdir()}: ${describeFsError(e)}`);
    }
    this.size += bytes.length;
  }

  replayInto(out: TextSink): void {
    if (this.fd === undefined) {
      for (const p of this.parts) out.write(p);
    } else {
      this.flush();
      const decoder = new StringDecoder('utf8');
      const buf = Buffer.allocUnsafe(1 << 20);
      // The file is reused after a replay, not truncated: what an earlier, longer replay left
      // past `size` must not be read back (JUnit replays one spool per HAR file, so a small
      // file after a big one got the big one's test cases again).
      for (let pos = 0; pos < this.size;) {
        const n = readSync(this.fd, buf, 0, Math.min(buf.length, this.size - pos), pos);
        if (n === 0) break;
        pos += n;
        const text = decoder.write(buf.subarray(0, n));
        if (text !== '') out.write(text);
      }
      const rest = decoder.end();
      if (rest !== '') out.write(rest);
    }
    this.parts = [];
    this.buffered = 0;
    this.size = 0;
  }

  dispose(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      rmSync(this.path, { force: true });
      this.fd = undefined;
    }
    this.parts = [];
    this.onDispose();
  }
}
