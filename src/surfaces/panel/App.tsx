import { useCallback } from 'react';
import { RequestList } from './RequestList';
import { Toolbar } from './Toolbar';
import { usePanel } from './panel-context';

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
  const total = usePanel((s) => s.rows.length);
  const dropped = usePanel((s) => s.dropped);
  const notice = usePanel((s) => s.notice);
  return (
    <div className="status-bar" role="status">
      <span>{total} requests</span>
      {dropped > 0 && <span> · {dropped} oldest dropped (retention cap)</span>}
      {notice && <span className="notice"> · {notice}</span>}
    </div>
  );
}

export function App() {
  const select = usePanel((s) => s.select);
  const open = useCallback((id: string) => select(id), [select]);
  return (
    <div className="panel">
      <Toolbar />
      <div className="main">
        <div className="list-pane">
          <EmptyState />
          <RequestList onOpen={open} />
        </div>
      </div>
      <StatusBar />
    </div>
  );
}
