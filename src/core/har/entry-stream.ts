import { concat } from './stream-splitter/bytes';
import { HarStreamSplitter, type SplitEntry, type SplitError } from './stream-splitter';
import { detectHarEncoding, utf16ToUtf8 } from './text-encoding';

/**
 * A HAR arriving in chunks of any size (a File read slice by slice in the panel's worker), split
 * into entries as it comes: memory follows the largest entry, not the file, so a HAR past V8's
 * string ceiling (~512 MB) reads as well as a small one. UTF-16 files (some Windows tools) are
 * transcoded on the fly, as the CLI does.
 */
export class HarEntryStream {
  private readonly splitter = new HarStreamSplitter();
  private head: Uint8Array | undefined;
  private decided = false;
  private convert: ReturnType<typeof utf16ToUtf8> | undefined;

  /** Entries found so far (readable or not). */
  get entryCount(): number {
    return this.splitter.entryCount;
  }

  /** The structural error that stopped the split, once there is one: later input is ignored. */
  get error(): SplitError | undefined {
    return this.splitter.error;
  }

  /** Scans the next chunk; returns the entries it completed, in order. */
  push(chunk: Uint8Array): SplitEntry[] {
    if (this.decided) return this.splitter.push(this.convert ? this.convert.push(chunk) : chunk);
    // The encoding needs two bytes.
    this.head = this.head ? concat([this.head, chunk], this.head.length + chunk.length) : chunk;
    if (this.head.length < 2) return [];
    this.decided = true;
    const encoding = detectHarEncoding(this.head);
    if (encoding !== 'utf-8') this.convert = utf16ToUtf8(encoding);
    const first = this.head;
    this.head = undefined;
    return this.splitter.push(this.convert ? this.convert.push(first) : first);
  }

  /** After the last chunk: the entries still held, and why the input was not a whole HAR (if it was not). */
  finish(): { entries: SplitEntry[]; error?: SplitError } {
    const entries: SplitEntry[] = [];
    if (!this.decided && this.head) entries.push(...this.splitter.push(this.head));
    if (this.convert) {
      const rest = this.convert.end();
      if (rest.length > 0) entries.push(...this.splitter.push(rest));
    }
    const end = this.splitter.end();
    entries.push(...end.entries);
    return end.error ? { entries, error: end.error } : { entries };
  }
}
