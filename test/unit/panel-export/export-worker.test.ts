import { describe, expect, it } from 'vitest';
import { runExportJob, type ExportJob } from '../../../src/surfaces/panel/export-jobs';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { isFromWorker, isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { makeExchange } from '../../helpers/exchange';
import { FakeWorker, tick } from '../panel-capture/fakes';

/*
 * #14 item 3: exports (HAR, reports, copy as cURL/fetch, the detail pane's copies) are built in the analysis worker, not on
 * the panel's thread, and still arrive if the worker fails.
 */
const redaction = { headers: [], queryParams: [], bodyMembers: [] };
const exchange = () =>
  makeExchange({
    url: 'https://a.example/x?access_token=abc123',
    requestHeaders: { Authorization: 'Bearer abcdefgh12' },
  });
const harJob = (): ExportJob => ({
  kind: 'har',
  exchanges: [exchange()],
  redact: true,
  redaction,
  creator: { name: 'Status Lens', version: '1' },
});

describe('exports in the analysis worker (#14)', () => {
  it('sends the job to the worker and resolves with its answer, without building it here', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({
      createWorker: () => worker,
      fallback: () => {
        throw new Error('must not run on the panel thread');
      },
    });
    const answer = analyzer.exportText(harJob());
    const [posted] = worker.of('export');
    expect(posted).toBeDefined();
    expect(isToWorker(posted)).toBe(true);
    // What the real worker does with it:
    const text = runExportJob((posted as unknown as { job: ExportJob }).job);
    worker.reply({ type: 'exported', jobId: posted!.jobId as string, text });
    await expect(answer).resolves.toBe(text);
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('abcdefgh12');
  });

  it('rejects with the worker’s error', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const answer = analyzer.exportText(harJob());
    worker.reply({ type: 'exported', jobId: worker.of('export')[0]!.jobId as string, error: 'boom' });
    await expect(answer).rejects.toThrow('boom');
  });

  it('builds pending exports on the panel thread when the worker fails, so none is lost', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const answer = analyzer.exportText({ kind: 'curl', exchange: exchange(), redact: true, redaction });
    worker.crash();
    await tick();
    const text = await answer;
    expect(text).toMatch(/^curl /);
    expect(text).not.toContain('abc123');
  });

  it('guards both directions of the protocol', () => {
    expect(isToWorker({ type: 'export', jobId: 'e1', job: harJob() })).toBe(true);
    expect(isToWorker({ type: 'export', jobId: 'e1', job: { kind: 'har' } })).toBe(false);
    expect(isToWorker({ type: 'export', jobId: 1, job: harJob() })).toBe(false);
    expect(isToWorker({ type: 'export', jobId: 'e1', job: { ...harJob(), kind: 'zip' } })).toBe(false);
    // The detail pane's copies (copy-parts.ts): a part of one exchange, a body member by pointer.
    const copy = (part: unknown) => ({ kind: 'copy', part, exchange: exchange(), redact: true, redaction });
    expect(isToWorker({ type: 'export', jobId: 'e1', job: copy({ kind: 'headers', side: 'request' }) })).toBe(
      true,
    );
    expect(
      isToWorker({
        type: 'export',
        jobId: 'e1',
        job: copy({ kind: 'body', side: 'response', pointer: '/a' }),
      }),
    ).toBe(true);
    expect(isToWorker({ type: 'export', jobId: 'e1', job: copy({ kind: 'headers', side: 'both' }) })).toBe(
      false,
    );
    expect(
      isToWorker({ type: 'export', jobId: 'e1', job: copy({ kind: 'body', side: 'request', pointer: 1 }) }),
    ).toBe(false);
    expect(isToWorker({ type: 'export', jobId: 'e1', job: copy(undefined) })).toBe(false);
    expect(isFromWorker({ type: 'exported', jobId: 'e1', text: '{}' })).toBe(true);
    expect(isFromWorker({ type: 'exported', jobId: 'e1', error: 'x' })).toBe(true);
    expect(isFromWorker({ type: 'exported', jobId: 'e1' })).toBe(false);
  });
});
