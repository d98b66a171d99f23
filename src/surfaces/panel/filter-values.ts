import type { SuggestSources } from '../../core/filter/suggest';
import { RULE_IDS } from '../../core/rules/registry';
import { knownProfileIds } from '../../core/profiles/builtins';
import type { Settings } from '../../core/settings/schema';
import type { PanelStore, Row } from '../../state/panel-store';

/** Header names are many per row: gathered from the first rows only, enough to offer the usual ones. */
const HEADER_ROWS = 5_000;

type Seen = Omit<SuggestSources, 'profiles'>;

const sorted = <T>(set: Set<T>): T[] => [...set].sort();

/**
 * The values seen in one panel's capture, gathered incrementally: each row is read once (a row
 * analysed again is a new object and is read again), so the first `key:` typed over 50,000 rows
 * does not walk them all on the main thread (that walk was 28 ms of the first keystroke), and
 * a live capture adding rows costs only the new ones. Values of rows the retention cap dropped
 * stay offered until Clear: they were seen in this capture.
 */
class ValueTally {
  private readonly read = new WeakSet<Row>();
  private readonly statuses = new Set<number>();
  private readonly methods = new Set<string>();
  private readonly hosts = new Set<string>();
  private readonly routes = new Set<string>();
  private readonly rules = new Set<string>(RULE_IDS);
  private readonly media = new Set<string>();
  private readonly headers = new Set<string>();
  private headerRows = 0;
  /** The answer for the last rows array: the same array means nothing changed. */
  private last: { rows: readonly Row[]; seen: Seen } | undefined;

  /**
   * Reads up to `budget` rows not read yet; true when every row of `rows` has been read. Run in
   * slices while rows arrive (warmSuggestSources), so the first `key:` typed finds it done.
   */
  catchUp(rows: readonly Row[], budget = Infinity): boolean {
    let left = budget;
    for (const r of rows) {
      if (this.read.has(r)) continue;
      if (left-- <= 0) return false;
      this.read.add(r);
      if (r.exchange.status !== 0) this.statuses.add(r.exchange.status);
      this.methods.add(r.exchange.method);
      if (r.facts.host) this.hosts.add(r.facts.host);
      this.routes.add(r.facts.route);
      if (r.facts.mediaType) this.media.add(r.facts.mediaType);
      for (const f of r.analysis?.findings ?? []) this.rules.add(f.rule);
      if (this.headerRows < HEADER_ROWS) {
        this.headerRows++;
        for (const h of r.facts.headerNames) this.headers.add(h);
      }
    }
    return true;
  }

  seen(rows: readonly Row[]): Seen {
    if (this.last?.rows === rows) return this.last.seen;
    this.catchUp(rows);
    const seen: Seen = {
      statuses: sorted(this.statuses),
      methods: sorted(this.methods),
      hosts: sorted(this.hosts),
      routes: sorted(this.routes),
      ruleIds: sorted(this.rules),
      mediaTypes: sorted(this.media),
      headers: sorted(this.headers),
    };
    this.last = { rows, seen };
    return seen;
  }
}

/** One tally per panel (keyed by its store), started again when the capture is cleared. */
const tallies = new WeakMap<object, { generation: number; tally: ValueTally }>();

function tallyFor(owner: object, generation: number): ValueTally {
  let held = tallies.get(owner);
  // `generation` is bumped by every clear (the Clear button, a navigation without Preserve log).
  if (!held || held.generation !== generation) {
    held = { generation, tally: new ValueTally() };
    tallies.set(owner, held);
  }
  return held.tally;
}

/** Rows read per slice while warming: a few milliseconds of the main thread at a time. */
const WARM_SLICE = 2_000;

/**
 * Keeps `store`'s tally up to date while rows arrive, a slice per task, so the first `key:` the
 * user types over a large capture answers at once instead of walking every row then (a walk of
 * 50,000 rows took 30–40 ms of that keystroke). Returns the unsubscribe.
 */
export function warmSuggestSources(store: PanelStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    timer = undefined;
    const { rows, generation } = store.getState();
    if (!tallyFor(store, generation).catchUp(rows, WARM_SLICE)) timer = setTimeout(step, 0);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(step, 0);
  };
  schedule();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.rows !== prev.rows) schedule();
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

/**
 * The values autocomplete offers after a key, read from the rows of `owner` (a panel's store): statuses, methods,
 * hosts and route templates seen, rule ids (registered ones and those findings carry: profile
 * rules), media types and headers.
 */
export function suggestSources(
  owner: object,
  state: { rows: readonly Row[]; settings: Settings; generation: number },
): SuggestSources {
  const { settings } = state;
  return {
    ...tallyFor(owner, state.generation).seen(state.rows),
    profiles: knownProfileIds(settings.userProfiles),
  };
}
