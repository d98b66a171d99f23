import { jsonPointer } from '../../json/pointer';
import { BODY_TOP_LEVEL } from '../../report/body-place';
import { clip } from '../../text/clip';
import { firstFew } from '../../text/first-few';
import { countOf } from '../../text/plural';
import type { Report } from '../types';

/** Places a summary names before counting the rest: enough to find the pattern in the body. */
export const MAX_NAMED = 3;
/** A pointer holds member names, which are any string, so a named place is clipped. */
const MAX_PLACE = 80;

type Path = readonly (string | number)[];

/**
 * One kind of fault of a body rule across one body. A list whose 500 items all lack the same
 * thing is one fault of the API, not 500 findings (nor 20 and a count): a body with one such
 * place gets that place's own finding (its message and pointer); a body with several gets one
 * finding that counts them and names the first few ("12 links have no href: /a, /b, /c and 9
 * more"), pointing at the first place, so the panel's jump to the body, the diff's matching
 * (rule and pointer) and SARIF's pointer property still have a place. Only the first few are
 * kept, so 10,000 items are counted, not copied.
 */
export class BodyTally {
  count = 0;
  private only: Report | undefined;
  private first = '';
  private readonly named: string[] = [];
  private top = false;

  /**
   * `cut`: the rule stopped walking at its cap, so the count is of what it visited ("at least").
   * `topName`: how a summary names the body's top level when it is one of the places (a HAL rule's
   * "the top-level resource").
   */
  constructor(
    private readonly cut = false,
    private readonly topName = BODY_TOP_LEVEL,
  ) {}

  /** `make` builds the finding of a body with this one place; it runs for the first place only. */
  add(path: Path, make: () => Report): void {
    this.count++;
    if (this.count === 1) {
      this.only = make();
      this.top = path.length === 0;
      this.first = jsonPointer(path);
    }
    if (this.named.length < MAX_NAMED) {
      this.named.push(path.length === 0 ? this.topName : clip(jsonPointer(path), MAX_PLACE));
    }
  }

  /** Whether the top level is among the places (the walks list it first). */
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

  /**
   * Nothing, the one place's finding, or `summary(places)` at the first place: `places` is
   * "a, b, c and 9 more".
   */
  done(summary: (places: string) => string): Report[] {
    if (this.count === 0) return [];
    if (this.count === 1) return [this.only!];
    return [{ message: summary(firstFew(this.named, MAX_NAMED, this.count)), pointer: this.first }];
  }
}

/**
 * A BodyTally per kind of fault, for a rule with several kinds (or kinds that are not a fixed
 * list: a profile's body shape names its own members). Findings come in the order their kinds
 * were first met, so in the body's order.
 */
export class BodyTallies<K> {
  private readonly byKey = new Map<string, { kind: K; tally: BodyTally }>();

  /** `key` tells kinds apart; a kind that is a string is its own key. */
  add(kind: K, path: Path, make: () => Report, key: string = String(kind)): void {
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { kind, tally: new BodyTally() };
      this.byKey.set(key, entry);
    }
    entry.tally.add(path, make);
  }

  /**
   * Each kind's findings: `words` says what a kind met at several places is ("3 errors have no
   * "message"", through tally.counted), and the places follow it ("…: /a, /b and /c").
   */
  done(words: (kind: K, tally: BodyTally) => string): Report[] {
    return [...this.byKey.values()].flatMap(({ kind, tally }) =>
      tally.done((places) => `${words(kind, tally)}: ${places}`),
    );
  }
}
