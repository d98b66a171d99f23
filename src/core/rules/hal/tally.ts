import { jsonPointer } from '../../json/pointer';
import { clip } from '../../text/clip';
import { firstFew } from '../../text/first-few';
import { countOf } from '../../text/plural';
import type { Report } from '../types';

/** Places a summary names before counting the rest: enough to find the pattern in the body. */
export const MAX_NAMED = 3;
/** A pointer holds relation names, which are any string, so a named place is clipped. */
const MAX_PLACE = 80;

type Path = readonly (string | number)[];

/** How a summary names a place: its JSON Pointer, or "the top-level resource" for the body itself. */
function placeName(path: Path): string {
  return path.length === 0 ? 'the top-level resource' : clip(jsonPointer(path), MAX_PLACE);
}

/**
 * One kind of defect of a HAL rule across one body. A collection whose 500 items all lack the
 * same thing is one fault of the API, not 500 findings (nor 20 and a count): a body with one
 * such place gets that place's own finding (its message and pointer); a body with several gets
 * one finding that counts them and names the first few ("12 links have no href: /a, /b, /c and
 * 9 more"), with no pointer, since the message names the places. Only the first few are kept,
 * so 10,000 items are counted, not copied.
 */
export class BodyTally {
  count = 0;
  private only: Report | undefined;
  private readonly named: string[] = [];
  private top = false;

  /** `cut`: halResources stopped at its cap, so the count is of what it visited ("at least"). */
  constructor(private readonly cut: boolean) {}

  /** `make` builds the finding of a body with this one place; it runs for the first place only. */
  add(path: Path, make: () => Report): void {
    this.count++;
    if (this.count === 1) {
      this.only = make();
      this.top = path.length === 0;
    }
    if (this.named.length < MAX_NAMED) this.named.push(placeName(path));
  }

  /** Whether the top-level resource is among the places (halResources lists it first). */
  get withTopLevel(): boolean {
    return this.top;
  }

  /** "12 links", or "at least 12 links" when the walk was cut. */
  counted(singular: string, plural?: string): string {
    return `${this.cut ? 'at least ' : ''}${countOf(this.count, singular, plural)}`;
  }

  /**
   * What a summary says of a fault that comes in two kinds with one fix (no _links, or _links
   * without "self"): one kind's words when every place is of it, else `both` with each counted.
   * `second` is how many places are of the second kind.
   */
  kinds(
    second: number,
    words: { first: string; second: string; both: (first: number, second: number) => string },
  ): string {
    const first = this.count - second;
    if (second === 0) return words.first;
    return first === 0 ? words.second : words.both(first, second);
  }

  /** Nothing, the one place's finding, or `summary(places)`: `places` is "a, b, c and 9 more". */
  done(summary: (places: string) => string): Report[] {
    if (this.count === 0) return [];
    if (this.count === 1) return [this.only!];
    return [{ message: summary(firstFew(this.named, MAX_NAMED, this.count)) }];
  }
}
