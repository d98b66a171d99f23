import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DetailTab, Row } from '../../../state/panel-store';
import { NO_URL } from '../../../state/panel-selectors';
import { StatusCode } from '../../../ui/StatusCode';
import { TabList, TabPanel, type TabItem } from '../../../ui/Tabs';
import { usePanelActions } from '../actions';
import { usePanel } from '../panel-context';
import { BodyTab } from './BodyTab';
import { copyToClipboard } from './clipboard';
import { CopyContext, type Copier } from './detail-context';
import { HeadersTab } from './HeadersTab';
import { OverviewTab } from './OverviewTab';
import { RequestTab } from './RequestTab';
import { TimingTab } from './TimingTab';
import { ResendButtons } from '../resend/ResendButtons';
import { createSelectedRowSelector } from './selected-row';
import { clipText } from './text';
import './detail.css';

const TABS: TabItem<DetailTab>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'headers', label: 'Headers' },
  { id: 'body', label: 'Body' },
  { id: 'request', label: 'Request' },
  { id: 'timing', label: 'Timing' },
];

const CONFIRM_MS = 1600;

/** A copy function plus the short-lived message it leaves ("Copied cURL command"). */
function useCopier(): [Copier, string] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const copy = useCallback<Copier>((text, what) => {
    void copyToClipboard(text).then((ok) => {
      setMessage(ok ? `Copied ${what}` : `Could not copy ${what}: the clipboard is blocked here`);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setMessage(''), CONFIRM_MS);
    });
  }, []);
  return [copy, message];
}

function CopyAs({ row, copy }: { row: Row; copy: Copier }) {
  const redaction = usePanel((s) => s.settings.redaction);
  const { exportText } = usePanelActions();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  // Built in the analysis worker, like every export: a 5 MB body is redacted off the panel's thread.
  const copyAs = (kind: 'curl' | 'fetch', what: string) => {
    exportText({ kind, exchange: row.exchange, redact: !includeSecrets, redaction }).then(
      (text) => copy(text, what),
      () => undefined,
    );
  };
  return (
    <span className="copy-as">
      <label
        className="toggle"
        title="Leave credentials (Authorization, cookies, tokens, keys, passwords) in the copied command"
      >
        <input
          type="checkbox"
          checked={includeSecrets}
          onChange={(e) => setIncludeSecrets(e.target.checked)}
        />{' '}
        Include secrets
      </label>
      <button type="button" onClick={() => copyAs('curl', 'cURL command')}>
        Copy as cURL
      </button>
      <button type="button" onClick={() => copyAs('fetch', 'fetch call')}>
        Copy as fetch
      </button>
    </span>
  );
}

function TabContent({ tab, row }: { tab: DetailTab; row: Row }): ReactNode {
  switch (tab) {
    case 'overview':
      return <OverviewTab row={row} />;
    case 'headers':
      return <HeadersTab row={row} />;
    case 'body':
      return <BodyTab key={row.exchange.id} row={row} />;
    case 'request':
      return <RequestTab row={row} />;
    case 'timing':
      return <TimingTab row={row} />;
  }
}

/**
 * The selected request in detail: status explanation and findings, headers, body (JSON tree),
 * request, with Copy as cURL / fetch. Reads the selection from the panel store.
 */
export function DetailView() {
  const selectRow = useMemo(() => createSelectedRowSelector(), []);
  const row = usePanel(selectRow);
  const tab = usePanel((s) => s.detailTab);
  const setDetailTab = usePanel((s) => s.setDetailTab);
  const [copy, message] = useCopier();
  const baseId = useId();
  if (!row) {
    return (
      <div className="detail detail-empty">
        <p className="muted">Select a request to see its explanation and findings.</p>
      </div>
    );
  }
  const ex = row.exchange;
  return (
    <CopyContext.Provider value={copy}>
      <section className="detail" aria-label="Selected request">
        <div className="detail-header">
          <StatusCode status={ex.status} />
          <span className="mono detail-method">{ex.method}</span>
          <span className="mono detail-url" title={clipText(ex.url, 2_000)}>
            {ex.url === '' ? <span className="muted">{NO_URL}</span> : clipText(ex.url, 2_000)}
          </span>
          <ResendButtons row={row} />
          <CopyAs row={row} copy={copy} />
          <span className="copy-status" role="status" aria-live="polite">
            {message}
          </span>
        </div>
        <TabList
          tabs={TABS}
          selected={tab}
          onSelect={setDetailTab}
          baseId={baseId}
          label="Request details"
          className="detail-tabs"
        />
        {TABS.map((t) => (
          <TabPanel
            key={t.id}
            baseId={baseId}
            id={t.id}
            selected={t.id === tab}
            className={`detail-panel panel-${t.id}`}
            tabIndex={t.id === 'body' ? -1 : 0}
          >
            {() => <TabContent tab={tab} row={row} />}
          </TabPanel>
        ))}
      </section>
    </CopyContext.Provider>
  );
}
