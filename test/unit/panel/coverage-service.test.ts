import { describe, expect, it } from 'vitest';
import { outlineOf, type CoverageReport } from '../../../src/core/contract';
import { activeRules, analyzeExchange, DEFAULT_LIMITS } from '../../../src/core/engine/analyze';
import { createCoverageService } from '../../../src/surfaces/panel/coverage-service';
import { isCoverageFromWorker, isCoverageToWorker } from '../../../src/surfaces/panel/coverage-protocol';
import { isToWorker } from '../../../src/surfaces/panel/worker-protocol';
import { runExportJob } from '../../../src/surfaces/panel/export-jobs';
import { fixtureContract } from '../../helpers/contracts';
import { makeExchange } from '../../helpers/exchange';

const PET = 'http://127.0.0.1:8080/api/v3';
const petstore = fixtureContract('petstore-3.0.yaml', { baseUrl: PET });
const rules = activeRules({ profiles: [], rules: {} });
const J = { 'Content-Type': 'application/json' };

function call(id: string, path: string, status: number) {
  const ex = { ...makeExchange({ url: `${PET}${path}`, status, headers: J, body: {} }), id };
  return { ex, analysis: analyzeExchange(ex, rules, DEFAULT_LIMITS, [petstore]) };
}

function setup() {
  const reports: (CoverageReport | null)[] = [];
  const svc = createCoverageService((r) => reports.push(r), 0);
  svc.setOutlines([outlineOf(petstore)]);
  const last = () => svc.report()!;
  const getPet = () => last().operations.find((o) => o.operationId === 'getPetById')!;
  return { svc, reports, last, getPet };
}

describe('coverage counted where the analysis runs', () => {
  it('counts each exchange once; a re-analysis replaces its count', () => {
    const { svc, getPet, last } = setup();
    const a = call('a', '/pet/1', 200);
    svc.record('a', a.ex.status, a.analysis);
    svc.record('a', a.ex.status, a.analysis);
    const b = call('b', '/pet/2', 418);
    svc.record('b', b.ex.status, b.analysis);
    expect(getPet()).toMatchObject({
      calls: 2,
      statuses: [
        { status: 200, count: 1 },
        { status: 418, count: 1 },
      ],
    });
    // The Petstore documents 200, 400, 404 and `default` for it: 418 counts under `default`.
    expect(getPet().statuses.map((s) => s.matched)).toEqual(['200', 'default']);
    expect(last().documents[0]).toMatchObject({ seen: 1, operations: 19 });
  });

  it('rows the panel drops or clears leave the coverage', () => {
    const { svc, getPet, last } = setup();
    for (const [id, path] of [
      ['a', '/pet/1'],
      ['b', '/pet/2'],
      ['c', '/nowhere'],
    ] as const) {
      const c = call(id, path, 200);
      svc.record(id, 200, c.analysis);
    }
    expect(last().undocumentedOperations).toMatchObject([{ path: '/nowhere', calls: 1 }]);
    svc.handle({ type: 'endpoints/forget', ids: ['a', 'c'] });
    expect(getPet()).toMatchObject({ calls: 1, statuses: [{ status: 200, count: 1 }] });
    expect(last().undocumentedOperations).toEqual([]);
    svc.handle({ type: 'endpoints/clear' });
    expect(getPet()).toMatchObject({ calls: 0, statuses: [] });
    expect(last().documents[0]!.seen).toBe(0);
  });

  it('sends reports only while the view is open, and counts rows it never analysed when given them', async () => {
    const { svc, reports } = setup();
    const a = call('a', '/pet/1', 200);
    svc.record('a', 200, a.analysis);
    await new Promise((r) => setTimeout(r, 5));
    expect(reports).toEqual([]);
    const b = call('b', '/pet/2', 200);
    svc.handle({ type: 'coverage/open' }, () => [{ id: 'b', status: 200, analysis: b.analysis }]);
    await new Promise((r) => setTimeout(r, 5));
    expect(reports.at(-1)!.operations.find((o) => o.operationId === 'getPetById')!.calls).toBe(2);
    svc.handle({ type: 'coverage/close' });
    const n = reports.length;
    svc.record('a', 200, a.analysis);
    await new Promise((r) => setTimeout(r, 5));
    expect(reports).toHaveLength(n);
  });

  it('exports as Markdown and JSON from the counts, and refuses without a description', () => {
    const { svc } = setup();
    const a = call('a', '/pet/1', 200);
    svc.record('a', 200, a.analysis);
    const md = runExportJob(
      { kind: 'coverage', format: 'markdown', redact: false },
      { coverage: svc.report },
    );
    expect(md).toContain('## OpenAPI coverage');
    const json = JSON.parse(
      runExportJob({ kind: 'coverage', format: 'json', redact: false }, { coverage: svc.report }),
    );
    expect(json.documents[0]).toMatchObject({ name: 'petstore-3.0.yaml', seen: 1 });
    svc.setOutlines([]);
    expect(() =>
      runExportJob({ kind: 'coverage', format: 'json', redact: false }, { coverage: svc.report }),
    ).toThrow(/No OpenAPI description/);
  });

  it('its messages pass the worker guards; junk does not', () => {
    expect(isToWorker({ type: 'coverage/open' })).toBe(true);
    expect(isCoverageToWorker({ type: 'coverage/nope' })).toBe(false);
    expect(isCoverageFromWorker({ type: 'coverage', report: null })).toBe(true);
    expect(isCoverageFromWorker({ type: 'coverage', report: { documents: 1 } })).toBe(false);
    expect(
      isToWorker({ type: 'export', jobId: 'x', job: { kind: 'coverage', format: 'xml', redact: false } }),
    ).toBe(false);
  });
});
