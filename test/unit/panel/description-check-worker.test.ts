import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContractDoc } from '../../../src/core/contract/load';
import { prepareNewVersion } from '../../../src/core/contract/new-version';
import { createWorkerAnalyzer } from '../../../src/surfaces/panel/worker-analyzer';
import { isFromWorker, isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { OPENAPI_FIXTURES } from '../../helpers/contracts';
import { FakeWorker, tick } from '../panel-capture/fakes';

/* A description loaded from the toolbar is prepared in the analysis worker, not on the panel's thread. */
const text = readFileSync(resolve(OPENAPI_FIXTURES, 'petstore-3.0.yaml'), 'utf8');
const loaded: ContractDoc = { name: 'petstore.yaml', text };
const previous: ContractDoc = { name: 'petstore.yaml', text: 'old', baseUrl: 'http://127.0.0.1:8080/api/v3' };

describe('checking a toolbar description in the analysis worker', () => {
  it('sends it with the stored copy to the worker and resolves with its answer, preparing nothing here', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({
      createWorker: () => worker,
      fallback: () => {
        throw new Error('must not run on the panel thread');
      },
    });
    const answer = analyzer.checkDescription(loaded, previous);
    const [posted] = worker.of('description/check');
    expect(isToWorker(posted)).toBe(true);
    expect(posted).toMatchObject({ loaded, previous });
    // What the worker posts back survives the structured clone (no compiled schemas in it).
    const result = structuredClone(prepareNewVersion(loaded, previous));
    const reply = { type: 'description/checked' as const, jobId: posted!.jobId as string, result };
    expect(isFromWorker(reply)).toBe(true);
    worker.reply(reply);
    await expect(answer).resolves.toMatchObject({
      ok: true,
      doc: { name: 'petstore.yaml', baseUrl: previous.baseUrl },
      summary: expect.stringContaining('19 operations'),
    });
  });

  it('refuses malformed answers and jobs at the guards', () => {
    expect(isFromWorker({ type: 'description/checked', jobId: 'c', result: { ok: true, doc: {} } })).toBe(
      false,
    );
    expect(isToWorker({ type: 'description/check', jobId: 'c', loaded: { name: 'a' } })).toBe(false);
  });

  it('checks on the panel thread when the worker fails, so the load is not lost', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const answer = analyzer.checkDescription(loaded, undefined);
    worker.crash();
    await tick();
    await expect(answer).resolves.toMatchObject({ ok: true, doc: { name: 'petstore.yaml' } });
  });

  it('rejects with the worker’s error', async () => {
    const worker = new FakeWorker();
    const analyzer = createWorkerAnalyzer({ createWorker: () => worker });
    const answer = analyzer.checkDescription(loaded, undefined);
    const jobId = worker.of('description/check')[0]!.jobId as string;
    worker.reply({ type: 'description/checked', jobId, error: 'boom' });
    await expect(answer).rejects.toThrow('boom');
  });
});
