import { useEffect } from 'react';
import { FamilyBar } from './FamilyBar';
import { FindingTotals } from './FindingTotals';
import { RecentProblems } from './RecentProblems';
import { TopRules } from './TopRules';
import { usePopup, usePopupApi } from './popup-context';

function NoData() {
  return (
    <div className="no-data" role="status">
      <p>Nothing recorded for this tab yet.</p>
      <p className="muted">
        Open DevTools (F12 or ⌘⌥I), choose the <strong>Status Lens</strong> panel and reload the page — or
        turn on <strong>Monitoring without DevTools</strong> in Options to count every tab&apos;s responses.
      </p>
    </div>
  );
}

function Body() {
  const phase = usePopup((s) => s.phase);
  const hasData = usePopup((s) => (s.summary ? Object.values(s.summary.families).some((n) => n > 0) : false));
  if (phase === 'loading')
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (phase === 'no-tab') return <p role="status">There is no tab to summarise here.</p>;
  if (!hasData) return <NoData />;
  return (
    <>
      <FamilyBar />
      <FindingTotals />
      <TopRules />
      <RecentProblems />
    </>
  );
}

export function App() {
  const api = usePopupApi();
  const canClear = usePopup((s) => s.tabId !== null && s.summary !== null);
  const clear = usePopup((s) => s.clear);
  const openOptions = usePopup((s) => s.openOptions);
  useEffect(() => api.getState().start(), [api]);
  return (
    <main className="popup">
      <h1>Status Lens</h1>
      <Body />
      <footer className="actions">
        <button type="button" onClick={() => void clear()} disabled={!canClear}>
          Clear this tab
        </button>
        <button type="button" onClick={openOptions}>
          Options
        </button>
      </footer>
    </main>
  );
}
