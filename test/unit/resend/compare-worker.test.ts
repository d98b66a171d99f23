import { describe, expect, it } from 'vitest';
import { runCompareJob, type CompareJob } from '../../../src/surfaces/panel/compare-jobs';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { isFromWorker, isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { makeExchange } from '../../helpers/exchange';
import { FakeWorker, tick } from '../panel-capture/fakes';

/* #19: comparing two exchanges (a JSON diff of two bodies) runs in the analysis worker. */
const job = (): CompareJob => ({
  before: makeExchange({ status: 422, body: { error: 'x' } }),
  after: makeExchange({ status: 201, body: { id: 1 } }),
  beforeFindings: [],
  afterFindings: [],
});

describe('comparisons in the analysis worker (#19)', () => {
  it('sends the job to the worker and resolves with its answer, without comparing here', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({
      createWorker: () => worker,
      fallback: () => {
        throw new Error('must not run on the panel thread');
      },
    });
    const answer = analyzer.compare(job());
    const [posted] = worker.of('compare');
    expect(isToWorker(posted)).toBe(true);
    const comparison = runCompareJob((posted as unknown as { job: CompareJob }).job);
    const reply = { type: 'compared' as const, jobId: posted!.jobId as string, comparison };
    expect(isFromWorker(reply)).toBe(true);
    worker.reply(reply);
    await expect(answer).resolves.toMatchObject({ status: { before: 422, after: 201 } });
  });

  it('refuses malformed answers and jobs at the guards', () => {
    expect(isFromWorker({ type: 'compared', jobId: 'c', comparison: { status: 1 } })).toBe(false);
    expect(isToWorker({ type: 'compare', jobId: 'c', job: { before: {} } })).toBe(false);
  });

  it('rejects with the worker’s error', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const answer = analyzer.compare(job());
    worker.reply({ type: 'compared', jobId: worker.of('compare')[0]!.jobId as string, error: 'boom' });
    await expect(answer).rejects.toThrow('boom');
  });

  it('compares on the panel thread when the worker fails, so none is lost', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const answer = analyzer.compare(job());
    worker.crash();
    await tick();
    await expect(answer).resolves.toMatchObject({ status: { changed: true } });
  });
});
