import { describe, expect, it } from 'vitest';
import { Listeners, WorkerJobs } from '../../../src/surfaces/panel/worker-jobs';

describe('worker jobs answered by id', () => {
  it('settle each caller with its own answer, and ignore a late or unknown one', async () => {
    const jobs = new WorkerJobs<string, number>('job');
    const a = jobs.start('a');
    const b = jobs.start('b');
    expect(a.jobId).not.toBe(b.jobId);
    jobs.settle(b.jobId, { ok: false, error: 'boom' });
    jobs.settle(a.jobId, { ok: true, value: 1 });
    jobs.settle(a.jobId, { ok: true, value: 2 }); // a duplicate answer changes nothing
    jobs.settle('job-99', { ok: true, value: 3 });
    await expect(a.answer).resolves.toBe(1);
    await expect(b.answer).rejects.toThrow('boom');
    expect(jobs.takeAll()).toEqual([]);
  });

  it('hand back the unanswered jobs when the worker fails, or refuse them all', async () => {
    const jobs = new WorkerJobs<string, number>('job');
    const a = jobs.start('a');
    const taken = jobs.takeAll();
    expect(taken.map((t) => t.job)).toEqual(['a']);
    taken[0]!.resolve(7);
    await expect(a.answer).resolves.toBe(7);
    const c = jobs.start('c');
    jobs.rejectAll('closed');
    await expect(c.answer).rejects.toThrow('closed');
  });
});

describe('listeners', () => {
  it('deliver to each listener until it unsubscribes', () => {
    const news = new Listeners<number>();
    const got: number[] = [];
    const off = news.add((n) => got.push(n));
    news.add((n) => got.push(n * 10));
    news.deliver(1);
    off();
    news.deliver(2);
    news.clear();
    news.deliver(3);
    expect(got).toEqual([1, 10, 20]);
  });
});
