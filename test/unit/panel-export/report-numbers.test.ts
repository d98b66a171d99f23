import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/types';
import { defaultSettings } from '../../../src/core/settings/schema';
import { createPanelStore } from '../../../src/state/panel-store';
import { reportRows } from '../../../src/surfaces/panel/report-rows';
import { reportFor } from '../../../src/surfaces/panel/reports';
import { makeExchange } from '../../helpers/exchange';

const settings = { profiles: [], redaction: defaultSettings().redaction };

/** The third of three 503s, its finding naming the earlier attempts as a session rule does (from 0, arrival order). */
function retryFinding(): Finding {
  return {
    rule: 'session/retry-without-backoff',
    severity: 'warning',
    message: 'Retried without backing off: #0 and #1 came 200 ms before it.',
    source: { label: 'RFC 9110', url: 'https://www.rfc-editor.org/rfc/rfc9110' },
    related: [0, 1].map((i) => ({ id: `r${i}`, index: i, note: `attempt ${i + 1}` })),
  };
}

/**
 * Four requests in the list, two rows already dropped by the retention cap (so the list numbers
 * them #3 to #6), the first a 200 the family filter hides.
 */
function panelWithRetries() {
  const store = createPanelStore({ settings: defaultSettings() });
  const s = store.getState();
  s.addRows([
    { exchange: { ...makeExchange({ status: 200 }), id: 'ok', startedAt: '2026-12-07T00:00:00.000Z' } },
    ...[0, 1, 2].map((i) => ({
      exchange: {
        ...makeExchange({ status: 503 }),
        id: `r${i}`,
        startedAt: `2026-12-07T00:00:0${i + 1}.000Z`,
      },
    })),
  ]);
  s.applyAnalyses([{ id: 'r2', analysis: { findings: [retryFinding()], problems: [] } }]);
  store.setState({ dropped: 2 });
  s.setFilter({ apiOnly: false });
  s.toggleFamily('5xx');
  return store;
}

describe("the panel's findings report names requests as the list numbers them", () => {
  it('Markdown: the flagged request is "request #6", not "entry 2 (line 1)"', () => {
    const rows = reportRows(panelWithRetries().getState());
    expect(rows.map((r) => r.number)).toEqual([4, 5, 6]);
    const md = reportFor('markdown', rows, settings, true).text;
    expect(md).toContain('Status Lens capture, request \\#6');
    expect(md).not.toMatch(/entry \d+ \(line/);
  });

  it("related requests and the message's #n are the list's numbers, in every format", () => {
    const rows = reportRows(panelWithRetries().getState());
    const md = reportFor('markdown', rows, settings, true).text;
    expect(md).toContain('\\#4 and \\#5 came 200 ms before it');
    expect(md).toContain('related\\: \\#4 \\(attempt 1\\) and \\#5 \\(attempt 2\\)');
    const json = JSON.parse(reportFor('json', rows, settings, true).text) as {
      exchanges: { findings: { message: string; related?: { index: number }[] }[] }[];
    };
    const finding = json.exchanges.flatMap((e) => e.findings)[0]!;
    expect(finding.message).toContain('#4 and #5');
    // In JSON a related request's index is its place among the report's exchanges, as theirs is.
    expect(finding.related!.map((r) => r.index)).toEqual([0, 1]);
    const sarif = JSON.parse(reportFor('sarif', rows, settings, true).text) as {
      runs: { results: { relatedLocations?: { message: { text: string } }[] }[] }[];
    };
    const texts = sarif.runs[0]!.results.flatMap((r) => r.relatedLocations ?? []).map((l) => l.message.text);
    expect(texts).toEqual(['log.entries[0]: attempt 1', 'log.entries[1]: attempt 2']);
  });

  it('a related request the report does not hold is named in the message only', () => {
    const store = panelWithRetries();
    // The first attempt leaves the list as the retention cap would drop it: the report cannot hold it.
    store.setState((s) => ({ rows: s.rows.filter((r) => r.exchange.id !== 'r0'), dropped: 3 }));
    const rows = reportRows(store.getState());
    const json = JSON.parse(reportFor('json', rows, settings, true).text) as {
      exchanges: {
        index: number;
        findings: { message: string; related?: { index: number; note: string }[] }[];
      }[];
    };
    const finding = json.exchanges.flatMap((e) => e.findings)[0]!;
    // r1 is the list's #5 and the report's exchange 0; r0 is gone, so its #0 stays as the rule wrote it.
    expect(finding.message).toContain('#0 and #5');
    expect(finding.related).toEqual([{ index: 0, note: 'attempt 2' }]);
    const md = reportFor('markdown', rows, settings, true).text;
    expect(md).toContain('related\\: \\#5 \\(attempt 2\\)');
  });

  it("the store itself is not changed: the Overview still renumbers from the rule's own indexes", () => {
    const store = panelWithRetries();
    reportRows(store.getState());
    const kept = store.getState().rows.find((r) => r.exchange.id === 'r2')!.analysis!.findings[0]!;
    expect(kept.related!.map((r) => r.index)).toEqual([0, 1]);
  });
});
