import { describe, expect, it } from 'vitest';
import { groupEndpoints } from '../../../src/core/endpoints/grouper';
import { parseHar } from '../../../src/core/har/normalize';
import { addToSummary, emptySummary } from '../../../src/core/summary/summary';
import { harDocument, harEntry } from '../../helpers/har';
import { cli, writeScratch } from './cli-harness';

/** Chrome's record of a CORS-blocked fetch: the server's 200 beside net::ERR_FAILED. */
const HAR = harDocument([
  harEntry({ url: 'https://api.example/ok', status: 200, headers: { 'Content-Type': 'application/json' } }),
  harEntry({
    url: 'https://api.example/blocked',
    status: 200,
    error: 'net::ERR_FAILED',
    requestHeaders: { Origin: 'https://app.example' },
    headers: { 'Content-Type': 'application/json' },
  }),
  harEntry({ url: 'https://api.example/missing', status: 404 }),
]);

describe('a CORS-blocked fetch (status 200 with net::ERR_FAILED)', () => {
  it('is failed in the CLI report, with the server status kept', async () => {
    const file = writeScratch('cors.har', HAR);
    const { stdout } = await cli(['lint', file, '--format', 'json']);
    const report = JSON.parse(stdout) as {
      exchanges: { status: number; serverStatus?: number; family: string; reason: string }[];
      summary: { families: Record<string, number> };
    };
    expect(report.exchanges[1]).toMatchObject({
      status: 0,
      serverStatus: 200,
      family: 'failed',
      reason: 'net::ERR_FAILED',
    });
    expect(report.exchanges[0]).not.toHaveProperty('serverStatus');
    expect(report.summary.families).toMatchObject({ '2xx': 1, '4xx': 1, failed: 1 });
  });

  it('reads "failed … (server sent 200)" in the text report', async () => {
    // The status line is printed for exchanges with findings: give the blocked one a finding.
    const doc = harDocument([
      harEntry({
        url: 'https://api.example/blocked',
        status: 200,
        error: 'net::ERR_FAILED',
        headers: { Server: 'nginx/1.25.3' },
      }),
    ]);
    const { stdout } = await cli(['lint', writeScratch('cors.har', doc)]);
    expect(stdout).toContain('→ failed net::ERR_FAILED (server sent 200)');
  });

  it('is counted alike by the popup summary, the Endpoints view and the CLI', async () => {
    const { stdout } = await cli(['lint', writeScratch('cors.har', HAR), '--format', 'json']);
    const cliFamilies = (JSON.parse(stdout) as { summary: { families: Record<string, number> } }).summary
      .families;
    const parsed = parseHar(JSON.stringify(HAR));
    if ('error' in parsed) throw new Error(parsed.error);
    const summary = addToSummary(
      emptySummary(),
      parsed.exchanges.map((ex) => ({ method: ex.method, url: ex.url, status: ex.status, findings: [] })),
      1,
    );
    expect(summary.families).toEqual(cliFamilies);
    expect(summary.recent.map((r) => r.path)).toContain('/blocked');
    const endpoints = groupEndpoints(parsed.exchanges.map((exchange) => ({ exchange, findings: [] })));
    const blocked = endpoints.find((g) => g.path === '/blocked')!;
    expect(blocked.families.failed).toBe(1);
    expect(blocked.families['2xx']).toBe(0);
  });
});
