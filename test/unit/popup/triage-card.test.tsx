// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySummarySource, MemoryTabs } from '../../../src/adapters/memory';
import { allEntries, explainNetError, explainStatus } from '../../../src/core/catalogue';
import { FAILURE_REASON, failureReason } from '../../../src/core/summary/failure-reason';
import {
  addToSummary,
  emptySummary,
  isTabSummary,
  topRules,
  type SummaryInput,
  type TabSummary,
} from '../../../src/core/summary/summary';
import { createPopupStore } from '../../../src/state/popup-store';
import { App } from '../../../src/surfaces/popup/App';
import { PopupProvider } from '../../../src/surfaces/popup/popup-context';

afterEach(cleanup);

const info = (rule: string) => ({ rule, severity: 'info' as const, message: 'i' });
const error = (rule: string) => ({ rule, severity: 'error' as const, message: 'e' });

function triageSummary(): TabSummary {
  const inputs: SummaryInput[] = [
    { method: 'GET', url: 'https://shop.example:8443/', status: 200, findings: [], resourceType: 'document' },
    { method: 'GET', url: 'https://cdn.example/app.js', status: 200, findings: [], resourceType: 'script' },
    {
      method: 'GET',
      url: 'https://api.example/cart',
      status: 0,
      findings: [],
      failure: 'net::ERR_FAILED',
      serverStatus: 200,
    },
    {
      method: 'GET',
      url: 'https://api.example/cart',
      status: 0,
      findings: [],
      failure: 'net::ERR_FAILED',
      serverStatus: 403,
    },
    {
      method: 'GET',
      url: 'http://127.0.0.1:9/x',
      status: 0,
      findings: [],
      failure: 'net::ERR_CONNECTION_REFUSED',
    },
    { method: 'GET', url: 'https://slow.example/x', status: 0, findings: [], failure: 'net::ERR_TIMED_OUT' },
    { method: 'POST', url: 'https://api.example/pay', status: 503, findings: [error('body/empty-error')] },
    ...Array.from({ length: 8 }, (_, i) => ({
      method: 'GET',
      url: `https://api.example/i/${i}`,
      status: 200,
      findings: [info('security/server-version-disclosure')],
    })),
  ];
  return addToSummary(emptySummary(1), inputs, 1);
}

function renderPopup(summary: TabSummary) {
  const source = new MemorySummarySource();
  source.set(1, summary);
  const store = createPopupStore({ source, tabs: new MemoryTabs() });
  render(
    <PopupProvider value={store}>
      <App />
    </PopupProvider>,
  );
}

describe('the popup as a triage card (#16 point 9)', () => {
  it('names the tab’s host, from its document', async () => {
    renderPopup(triageSummary());
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Status Lens · shop.example:8443'),
    );
  });

  it('lists failures by reason: CORS, connection refused, timeout, 5xx', async () => {
    renderPopup(triageSummary());
    const list = await screen.findByRole('list', { name: 'Failures by reason' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['CORS Blocked ×2', 'Connection Refused ×1', 'Server Error (5xx) ×1', 'Timed Out ×1']);
    const recent = within(screen.getByRole('list', { name: 'Latest problem responses' })).getAllByRole(
      'listitem',
    );
    const cart = recent.find((li) => li.textContent?.includes('/cart') && li.textContent.includes('403'))!;
    expect(cart).toHaveTextContent('CORS Blocked · server sent 403');
    expect(recent.find((li) => li.textContent?.includes('/pay'))).toHaveTextContent(
      'Server Error (5xx) · 503 Service Unavailable',
    );
  });

  it('names a response the page aborted after it arrived as the panel does: Aborted, not CORS blocked', async () => {
    // Chrome records a download the page cancelled mid-body (AbortController, a navigation) as
    // net::ERR_ABORTED beside the status the server had sent: the server answered, nothing was blocked.
    renderPopup(
      addToSummary(
        emptySummary(1),
        [
          {
            method: 'GET',
            url: 'https://api.example/report.csv',
            status: 0,
            findings: [],
            failure: 'net::ERR_ABORTED',
            serverStatus: 200,
          },
          {
            method: 'GET',
            url: 'https://api.example/cart',
            status: 0,
            findings: [],
            failure: '(failed)net::ERR_FAILED',
            serverStatus: 403,
          },
        ],
        1,
      ),
    );
    const list = await screen.findByRole('list', { name: 'Failures by reason' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Aborted ×1', 'CORS Blocked ×1']);
    const recent = within(screen.getByRole('list', { name: 'Latest problem responses' })).getAllByRole(
      'listitem',
    );
    const report = recent.find((li) => li.textContent?.includes('/report.csv'))!;
    expect(report).toHaveTextContent('Aborted · server sent 200');
    expect(report).not.toHaveTextContent('CORS');
    // The label is the catalogue's, the one the panel's Overview heads such a request with.
    expect(report).toHaveTextContent(explainNetError('net::ERR_ABORTED')!.reason);
  });

  it('ranks rules by severity, then count: one error outranks eight infos', async () => {
    renderPopup(triageSummary());
    const rules = within(await screen.findByRole('list', { name: 'Top broken rules' })).getAllByRole(
      'listitem',
    );
    expect(rules.map((r) => r.dataset.rule)).toEqual([
      'body/empty-error',
      'security/server-version-disclosure',
    ]);
    expect(rules[0]!.querySelector('.sev-error')).not.toBeNull();
  });

  it('puts Clear and Options at the top, above the one scroll area', async () => {
    const container = document.body;
    renderPopup(triageSummary());
    await screen.findByRole('list', { name: 'Failures by reason' });
    const clear = screen.getByRole('button', { name: 'Clear this tab' });
    const heading = screen.getByRole('heading', { name: '15 requests' });
    expect(clear.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(container.querySelectorAll('.popup-scroll')).toHaveLength(1);
    expect(container.querySelector('.popup-scroll')!.contains(clear)).toBe(false);
  });
});

describe('summary facts behind the card', () => {
  it('names why a call failed', () => {
    expect(failureReason({ status: 200 })).toBeUndefined();
    expect(failureReason({ status: 404 })).toBeUndefined();
    expect(failureReason({ status: 502 })).toEqual({
      reason: 'Server Error (5xx)',
      detail: '502 Bad Gateway',
    });
    expect(failureReason({ status: 0, failure: '(failed)net::ERR_CONNECTION_REFUSED' })).toEqual({
      reason: 'Connection Refused',
      detail: 'net::ERR_CONNECTION_REFUSED',
    });
    expect(failureReason({ status: 0, failure: 'net::ERR_WHATEVER_NEW' })).toEqual({
      reason: 'net::ERR_WHATEVER_NEW',
    });
    // As the panel names a failed request with no recorded reason: "Status 0: No Response".
    expect(failureReason({ status: 0 })).toEqual({ reason: explainStatus(0).reason });
    expect(explainStatus(0).reason).toBe('No Response');
  });

  it('writes every reason as the panel writes one, in Title Case: its own groups and the catalogue’s net errors', () => {
    // Small words stay lower case ("Blocked by ORB"), as in the catalogue; "(5xx)" is a family.
    const small = new Set(['a', 'an', 'and', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);
    const notTitled = (reason: string) =>
      reason
        .split(/\s+/)
        .slice(1)
        .some((w) => /^[a-z]/.test(w) && !small.has(w));
    const reasons = [
      ...Object.values(FAILURE_REASON),
      ...allEntries()
        .filter((e) => typeof e.code === 'string' && e.code.startsWith('net::'))
        .map((e) => e.reason),
    ];
    expect(reasons).toContain('Connection Refused');
    expect(reasons.filter((r) => /^[a-z]/.test(r) || notTitled(r))).toEqual([]);
  });

  it('does not count a response withheld for CORP, COEP or ORB as CORS blocked', () => {
    expect(failureReason({ status: 0, failure: 'net::ERR_FAILED', serverStatus: 200 })).toEqual({
      reason: 'CORS Blocked',
      detail: 'server sent 200',
    });
    expect(
      failureReason({ status: 0, failure: 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', serverStatus: 200 }),
    ).toEqual({ reason: 'Blocked by Response', detail: 'server sent 200' });
    expect(failureReason({ status: 0, failure: 'net::ERR_BLOCKED_BY_ORB', serverStatus: 200 })).toEqual({
      reason: 'Blocked by ORB',
      detail: 'server sent 200',
    });
  });

  it('reads summaries stored before these fields existed', () => {
    const old = { ...emptySummary(1) } as Partial<TabSummary>;
    delete old.failures;
    delete old.ruleSeverity;
    expect(isTabSummary(old)).toBe(true);
    const s = old as TabSummary;
    s.rules = { 'a/b': 3 };
    expect(topRules(s)).toEqual([{ rule: 'a/b', count: 3 }]);
    expect(isTabSummary({ ...emptySummary(1), failures: 'x' })).toBe(false);
  });
});
