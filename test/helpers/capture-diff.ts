import type { CaptureDiff } from '../../src/core/diff/capture/compare';
import type { CaptureDiffReport } from '../../src/core/diff/capture/report';

/** A comparison as the report formats take it, from two made-up files (a.har → b.har). */
export function captureDiffReport(d: CaptureDiff): CaptureDiffReport {
  return {
    version: 1,
    kind: 'capture-diff',
    tool: { name: 'status-lens', version: '0' },
    profiles: [],
    failOn: 'error',
    before: { file: 'a.har', entries: 0, exchanges: 0, endpoints: 0 },
    after: { file: 'b.har', entries: 1, exchanges: 1, endpoints: 1 },
    endpoints: d.endpoints,
    problems: [],
    summary: { ...d.totals, failing: false },
  };
}
