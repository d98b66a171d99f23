import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { DetailTab, Row } from '../../../state/panel-store';
import { NO_URL } from '../../../state/panel-selectors';
import { StatusCode } from '../../../ui/StatusCode';
import { TabList, TabPanel, type TabItem } from '../../../ui/Tabs';
import { usePanelActions } from '../actions';
import { usePanel } from '../panel-context';
import { BodyTab } from './BodyTab';
import { CopyContext } from './detail-context';
import { useCopier, type Copier } from './use-copier';
import { HeadersTab } from './HeadersTab';
import { OverviewTab } from './OverviewTab';
import { RequestTab } from './RequestTab';
import { TimingTab } from './TimingTab';
import { ResendButtons } from '../resend/ResendButtons';
import { createSelectedRowSelector } from './selected-row';
import { clipText } from './text';
import { isShortcut } from '../shortcut-keys';
import { focusRequestList } from '../RequestList';
import { FollowedLink } from './FollowedLink';
import './detail.css';

const TABS: TabItem<DetailTab>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'headers', label: 'Headers' },
  { id: 'body', label: 'Body' },
  { id: 'request', label: 'Request' },
  { id: 'timing', label: 'Timing' },
];

/**
 * "Include secrets" governs every copy of the pane (headers, bodies, values, cURL, fetch), so it
 * sits with the copy buttons of the header and its title says so.
 */
function CopyAs({
  row,
  copy,
  includeSecrets,
  setIncludeSecrets,
}: {
  row: Row;
  copy: Copier;
  includeSecrets: boolean;
  setIncludeSecrets: (on: boolean) => void;
}) {
  const redaction = usePanel((s) => s.settings.redaction);
  const { exportText } = usePanelActions();
  // Built in the analysis worker, like every export: a 5 MB body is redacted off the panel's thread.
  const copyAs = (kind: 'curl' | 'fetch', what: string) => {
    const job = (redact: boolean) => exportText({ kind, exchange: row.exchange, redact, redaction });
    copy.redactable(what, job(true), job(false));
  };
  return (
    <span className="copy-as">
      <label
        className="toggle"
        title="Leave credentials (Authorization, cookies, tokens, keys, passwords) in everything copied from this request: headers, bodies, values, cURL and fetch"
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
 * Esc in the detail goes back to the selected row in the list, where Esc again deselects (the
 * `?` sheet's "Esc"). Handled, it goes no further: DevTools forwards an Esc the panel lets
 * through and opens or closes its Console drawer (review finding 5). A menu or dialog inside
 * the detail that closes on Esc handles it first (defaultPrevented or stopped there).
 */
function onDetailKeyDown(e: KeyboardEvent<HTMLElement>) {
  if (e.defaultPrevented || !isShortcut('deselect', e)) return;
  e.preventDefault();
  e.stopPropagation();
  focusRequestList();
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
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [copy, message] = useCopier(row?.exchange, includeSecrets);
  const baseId = useId();
  const section = useRef<HTMLElement>(null);
  const id = row?.exchange.id;
  // The pane is reused from one request to the next: each newly selected request opens at the
  // top of every tab, not where the previous one was scrolled to (review finding 4: following a
  // "#N" link from a long Overview opened the next one partway down its findings).
  useLayoutEffect(() => {
    section.current?.querySelectorAll<HTMLElement>('.detail-panel').forEach((p) => (p.scrollTop = 0));
  }, [id]);
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
      <section className="detail" aria-label="Selected request" ref={section} onKeyDown={onDetailKeyDown}>
        <FollowedLink />
        <div className="detail-header">
          <StatusCode status={ex.status} />
          <span className="mono detail-method">{ex.method}</span>
          <span className="mono detail-url" title={clipText(ex.url, 2_000)}>
            {ex.url === '' ? <span className="muted">{NO_URL}</span> : clipText(ex.url, 2_000)}
          </span>
          <ResendButtons row={row} />
          <CopyAs
            row={row}
            copy={copy}
            includeSecrets={includeSecrets}
            setIncludeSecrets={setIncludeSecrets}
          />
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
