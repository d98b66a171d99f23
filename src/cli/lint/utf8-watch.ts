import type { Diagnostic } from '../diagnostic';
import { countOf } from '../../core/text/plural';

/**
 * One file's entries whose bytes were not all UTF-8 (read as U+FFFD: URLs, fingerprints and
 * bodies in the report may differ from what was sent). Said once per file, on the first such
 * entry, with how many there were: a file saved in another encoding has it in every entry.
 */
export class Utf8Tally {
  private first: { index: number; line: number } | undefined;
  private entries = 0;

  add(index: number, line: number): void {
    this.entries++;
    if (this.first === undefined || index < this.first.index) this.first = { index, line };
  }

  /** The warning for the file, or undefined when every entry was UTF-8. */
  warning(file: string): Diagnostic | undefined {
    if (this.first === undefined) return undefined;
    const which =
      this.entries > 1 ? ` (the first of ${countOf(this.entries, 'entry', 'entries')} with such bytes)` : '';
    return {
      place: { file, line: this.first.line },
      severity: 'warning',
      message: `log.entries[${this.first.index}]: not valid UTF-8: bytes were read as U+FFFD${which}, so the report may quote URLs and bodies unlike the file; save the HAR as UTF-8`,
    };
  }
}
