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
    expect(md).toContain('related\\: \\#4 \\(attempt 1\\), \\#5 \\(attempt 2\\)');
    const json = JSON.parse(reportFor('json', rows, settings, true).text) as {
      exchanges: { findings: { message: string; related?: { index: number }[] }[] }[];
    };
    const finding = json.exchanges.flatMap((e) => e.findings)[0]!;
    expect(finding.message).toContain('#4 and #5');
    expect(finding.related!.map((r) => r.index)).toEqual([4, 5]);
  });

  it("the store itself is not changed: the Overview still renumbers from the rule's own indexes", () => {
    const store = panelWithRetries();
    reportRows(store.getState());
    const kept = store.getState().rows.find((r) => r.exchange.id === 'r2')!.analysis!.findings[0]!;
    expect(kept.related!.map((r) => r.index)).toEqual([0, 1]);
  });
});
