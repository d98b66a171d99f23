import { moreLine } from '../../text/first-few';
import type { Report } from '../types';

/**
 * Collects reports but keeps at most `max`, counting the rest and summing them up in one
 * report, so a body with 100,000 bad items yields a readable list rather than 100,000
 * findings (and does not build 100,000 messages on the way).
 */
export class CappedReports {
  private readonly kept: Report[] = [];
  private dropped = 0;

  constructor(private readonly max = 20) {}

  /** Takes a thunk so that reports past the cap are counted without building their messages. */
  add(make: () => Report): void {
    if (this.kept.length < this.max) this.kept.push(make());
    else this.dropped++;
  }

  /** The kept reports, then, when some were dropped, "… and 5 more `what`" (`what`: "malformed links"). */
  done(what: string): Report[] {
    return this.dropped === 0 ? this.kept : [...this.kept, { message: `${moreLine(this.dropped)} ${what}` }];
  }
}
