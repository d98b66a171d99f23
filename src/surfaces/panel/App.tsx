import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { selectVisibleRows } from '../../state/panel-selectors';
import type { PanelView } from '../../state/panel-store';
import { usePanelActions } from './actions';
import { EndpointsView } from './EndpointsView';
import { ExportMenu } from './ExportMenu';
import { ImportButton } from './ImportButton';
import { CompareHarButton } from './compare/CompareHarButton';
import { OpenApiButton } from './OpenApiButton';
import { RequestList } from './RequestList';
import { SplitPane } from './SplitPane';
import { Toolbar } from './Toolbar';
import { ProfileNotices } from './ProfilesControl';
import { CodesView } from './CodesView';
import { DetailView } from './detail/DetailView';
import { HiddenSelection, selectSelectionHidden } from './HiddenSelection';
import { Shortcuts } from './Shortcuts';
import { OverflowMenu } from './OverflowMenu';
import { useWidth } from './use-width';
import './triage.css';
import { usePanel } from './panel-context';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { FilteredOut } from './FilteredOut';
import { TabList, TabPanel, type TabItem } from '../../ui/Tabs';
import { countOf } from '../../core/text/plural';
import { CompareView } from './resend/CompareView';
import { ResendBar } from './resend/ResendBar';
import { ResendEditor } from './resend/ResendEditor';
import { useResend } from './resend/resend-context';

function EmptyState() {
  const total = usePanel((s) => s.rows.length);
  const recording = usePanel((s) => s.recording);
  if (total > 0) return null;
  return (
    <div className="empty-state" role="status">
      <p>{recording ? 'Recording network activity…' : 'Recording is paused.'}</p>
      <p className="muted">
        {recording
          ? 'Reload the page (Ctrl+R / ⌘R) to capture its requests, or import a HAR file.'
          : 'Nothing is captured while paused, not even on a reload: resume recording first, or import a HAR file.'}
      </p>
    </div>
  );
}

function StatusBar() {
  const shown = usePanel((s) => selectVisibleRows(s).length);
  const total = usePanel((s) => s.rows.length);
  const dropped = usePanel((s) => s.dropped);
  const notice = usePanel((s) => s.notice);
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <span>
        {shown === total ? countOf(total, 'request') : `${shown} of ${countOf(total, 'request')} shown`}
      </span>
      {dropped > 0 && <span> · {dropped} oldest dropped (retention cap)</span>}
      {notice && <span className="notice"> · {notice}</span>}
    </div>
  );
}

const VIEWS: TabItem<PanelView>[] = [
  { id: 'requests', label: 'Requests' },
  { id: 'endpoints', label: 'Endpoints' },
  { id: 'codes', label: 'Codes' },
];

/** Below this width Import and OpenAPI go into a "More" menu beside Export. */
const VIEW_ACTIONS_COLLAPSE_BELOW = 520;

/** The view tabs, with Import / Export beside (not inside) the tab list. */
function ViewBar({ baseId }: { baseId: string }) {
  const view = usePanel((s) => s.view);
  const setView = usePanel((s) => s.setView);
  const bar = useRef<HTMLDivElement>(null);
  const narrow = useWidth(bar) < VIEW_ACTIONS_COLLAPSE_BELOW;
  return (
    <div className="view-bar" ref={bar}>
      <TabList
        tabs={VIEWS}
        selected={view}
        onSelect={setView}
        baseId={baseId}
        label="Views"
        className="view-tabs"
      />
      <span className="spacer" />
      <div className="view-actions">
        {narrow ? (
          <OverflowMenu label="More actions">
            <ImportButton />
            <CompareHarButton />
            <OpenApiButton />
          </OverflowMenu>
        ) : (
          <>
            <ImportButton />
            <CompareHarButton />
            <OpenApiButton />
          </>
        )}
        <ExportMenu />
      </div>
    </div>
  );
}

function DropZone({ children }: { children: ReactNode }) {
  const { importFiles } = usePanelActions();
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  return (
    <div
      className="panel"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        importFiles([...e.dataTransfer.files]);
      }}
    >
      {children}
      {over && <div className="drop-overlay">Drop a HAR file to analyse it</div>}
    </div>
  );
}

function SelectedDetail() {
  const selectedId = usePanel((s) => s.selectedId);
  const hidden = usePanel(selectSelectionHidden);
  // A row reached by a "#N" link shows, hidden or not (FollowedLink says it is hidden).
  const linked = usePanel((s) => s.linked !== null && s.linked.id === s.selectedId);
  // Two exchanges side by side (issue #19) take the detail's place until closed.
  const comparison = useResend((s) => s.comparison);
  if (comparison)
    return (
      <ErrorBoundary what="the comparison" resetKey={`${comparison.beforeId} ${comparison.afterId}`}>
        <CompareView comparison={comparison} />
      </ErrorBoundary>
    );
  if (hidden && !linked) return <HiddenSelection />;
  return (
    <ErrorBoundary what="this request's details" resetKey={selectedId}>
      <DetailView />
    </ErrorBoundary>
  );
}

function ViewContent({ view }: { view: PanelView }) {
  if (view === 'codes')
    return (
      <ErrorBoundary what="the Codes view">
        <CodesView />
      </ErrorBoundary>
    );
  return (
    <>
      <Toolbar />
      <ProfileNotices />
      <div className="main">
        {view === 'endpoints' ? (
          <ErrorBoundary what="the Endpoints view">
            <EndpointsView />
          </ErrorBoundary>
        ) : (
          <SplitPane
            left={
              <ErrorBoundary what="the request list">
                <ResendBar />
                <EmptyState />
                <FilteredOut />
                <RequestList />
              </ErrorBoundary>
            }
            right={<SelectedDetail />}
          />
        )}
      </div>
    </>
  );
}

export function App() {
  const view = usePanel((s) => s.view);
  const baseId = useId();
  return (
    <DropZone>
      <ViewBar baseId={baseId} />
      {VIEWS.map((v) => (
        <TabPanel
          key={v.id}
          baseId={baseId}
          id={v.id}
          selected={v.id === view}
          className={`view-panel view-${v.id}`}
        >
          {() => <ViewContent view={v.id} />}
        </TabPanel>
      ))}
      {/* The request counts describe the list: the Codes view is the catalogue, not traffic. */}
      {view !== 'codes' && <StatusBar />}
      <ResendEditor />
      <Shortcuts />
    </DropZone>
  );
}
