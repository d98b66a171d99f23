import { describe, expect, it } from 'vitest';
import type { SplitEntry } from '../../../src/core/har/stream-splitter';
import type { EntryOutcome } from '../../../src/cli/lint/entry';
import { BATCH_BYTES, type LintPool } from '../../../src/cli/lint/jobs';
import { EntryScheduler, type Jobs } from '../../../src/cli/lint/schedule';

/** An entry of `size` bytes; its outcome names where it was linted. */
const entry = (index: number, size: number): SplitEntry => ({
  index,
  line: index + 1,
  offset: index * size,
  bytes: new Uint8Array(size),
});

const outcome = (e: SplitEntry, where: string): EntryOutcome => ({
  problems: [{ kind: 'entry', index: e.index, path: where, message: where }],
});

/**
 * A pool whose worker answers at once, always full (so batches are linted here), and whose
 * `runningDry` is scripted: it turns true once this thread has linted `dryAfter` entries.
 */
function fakePool(dryAfter: number, linted: { here: number }) {
  const sent: number[][] = [];
  const pool = {
    inFlight: 3,
    saturated: true,
    get runningDry() {
      return linted.here >= dryAfter;
    },
    lint(_fileNo: number, entries: readonly SplitEntry[]): Promise<EntryOutcome[]> {
      sent.push(entries.map((e) => e.index));
      return Promise.resolve(entries.map((e) => outcome(e, 'worker')));
    },
    close: () => Promise.resolve(),
  };
  return { pool: pool as unknown as LintPool, sent };
}

function schedulerWith(dryAfter: number) {
  const linted = { here: 0 };
  const { pool, sent } = fakePool(dryAfter, linted);
  const jobs: Jobs = {
    linter: {
      lint: (e) => {
        linted.here++;
        return outcome(e, 'here');
      },
    },
    start: () => pool,
    bytes: 0,
    batches: { here: 0, workers: 0, handed: 0 },
    alone: 0,
  };
  const applied: EntryOutcome[] = [];
  // A known size over the threshold: batches from the first chunk.
  const scheduler = new EntryScheduler(jobs, 0, (o) => applied.push(o), 64 << 20);
  return { scheduler, jobs, applied, sent };
}

const where = (applied: EntryOutcome[]) =>
  applied.map((o) => `${o.problems[0]!.index}:${o.problems[0]!.path}`);

describe('EntryScheduler (--jobs)', () => {
  it('hands the rest of a batch it is linting to a worker that runs dry, and keeps entry order', async () => {
    const { scheduler, jobs, applied, sent } = schedulerWith(2);
    scheduler.startChunk();
    // Four entries of a quarter batch each: one batch, linted here as every worker is full.
    for (let i = 0; i < 4; i++) scheduler.add(entry(i, BATCH_BYTES / 4));
    await scheduler.endChunk(BATCH_BYTES);
    await scheduler.finish();
    expect(where(applied)).toEqual(['0:here', '1:here', '2:worker', '3:worker']);
    expect(sent).toEqual([[2, 3]]);
    expect(jobs.batches).toEqual({ here: 1, workers: 0, handed: 1 });
  });

  it('lints a whole batch here while the workers have work queued', async () => {
    const { scheduler, jobs, applied, sent } = schedulerWith(Infinity);
    scheduler.startChunk();
    for (let i = 0; i < 4; i++) scheduler.add(entry(i, BATCH_BYTES / 4));
    await scheduler.finish();
    expect(where(applied)).toEqual(['0:here', '1:here', '2:here', '3:here']);
    expect(sent).toEqual([]);
    expect(jobs.batches).toEqual({ here: 1, workers: 0, handed: 0 });
  });

  it('sends a whole batch to a worker that is running dry, even when its batches are not answered yet', async () => {
    const { scheduler, jobs, applied, sent } = schedulerWith(1);
    scheduler.startChunk();
    for (let i = 0; i < 3; i++) scheduler.add(entry(i, BATCH_BYTES / 2));
    await scheduler.finish();
    // Two entries fill a batch: the first one's first entry is linted here, then the worker runs
    // dry and gets the rest of it, and the whole of the next.
    expect(where(applied)).toEqual(['0:here', '1:worker', '2:worker']);
    expect(sent).toEqual([[1], [2]]);
    expect(jobs.batches).toEqual({ here: 1, workers: 1, handed: 1 });
  });
});
