import { useState, type DragEvent, type ReactNode } from 'react';
import { selectVisibleRows } from '../../state/panel-selectors';
import type { PanelView } from '../../state/panel-store';
import { usePanelActions } from './actions';
import { EndpointsView } from './EndpointsView';
import { ExportMenu } from './ExportMenu';
import { ImportButton } from './ImportButton';
import { RequestList } from './RequestList';
import { SplitPane } from './SplitPane';
import { Toolbar } from './Toolbar';
import { CodesView } from './CodesView';
import { DetailView } from './detail/DetailView';
import { usePanel } from './panel-context';
import { ErrorBoundary } from '../../ui/ErrorBoundary';

function EmptyState() {
  const total = usePanel((s) => s.rows.length);
  const recording = usePanel((s) => s.recording);
  if (total > 0) return null;
  return (
    <div className="empty-state" role="status">
      <p>{recording ? 'Recording network activity…' : 'Recording is paused.'}</p>
      <p className="muted">Reload the page (Ctrl+R / ⌘R) to capture its requests, or import a HAR file.</p>
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
      <span>{shown === total ? `${total} requests` : `${shown} of ${total} requests shown`}</span>
      {dropped > 0 && <span> · {dropped} oldest dropped (retention cap)</span>}
      {notice && <span className="notice"> · {notice}</span>}
    </div>
  );
}

const VIEWS: { id: PanelView; label: string }[] = [
  { id: 'requests', label: 'Requests' },
  { id: 'endpoints', label: 'Endpoints' },
  { id: 'codes', label: 'Codes' },
];

function ViewTabs() {
  const view = usePanel((s) => s.view);
  const setView = usePanel((s) => s.setView);
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          aria-selected={view === v.id}
          onClick={() => setView(v.id)}
        >
          {v.label}
        </button>
      ))}
      <span className="spacer" />
      <ImportButton />
      <ExportMenu />
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
  return (
    <ErrorBoundary what="this request's details" resetKey={selectedId}>
      <DetailView />
    </ErrorBoundary>
  );
}

export function App() {
  const view = usePanel((s) => s.view);
  return (
    <DropZone>
      <ViewTabs />
      {view === 'codes' ? (
        <ErrorBoundary what="the Codes view">
          <CodesView />
        </ErrorBoundary>
      ) : (
        <>
          <Toolbar />
          <div className="main">
            {view === 'endpoints' ? (
              <ErrorBoundary what="the Endpoints view">
                <EndpointsView />
              </ErrorBoundary>
            ) : (
              <SplitPane
                left={
                  <ErrorBoundary what="the request list">
                    <EmptyState />
                    <RequestList />
                  </ErrorBoundary>
                }
                right={<SelectedDetail />}
              />
            )}
          </div>
        </>
      )}
      <StatusBar />
    </DropZone>
  );
}
