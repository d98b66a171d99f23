import { useCallback, useEffect, useRef, useState } from 'react';
import { FamilyBar } from './FamilyBar';
import { FindingTotals } from './FindingTotals';
import { RecentProblems } from './RecentProblems';
import { TopRules } from './TopRules';
import { Failures } from './Failures';
import { usePopup, usePopupApi } from './popup-context';

/** `focus`: take keyboard focus on mount (after "Clear this tab", whose button is then disabled). */
function NoData({ focus, onFocused }: { focus: boolean; onFocused: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  return (
    <div className="no-data" role="status" ref={ref} tabIndex={-1}>
      <p>Nothing recorded for this tab yet.</p>
      <p className="muted">
        Open DevTools (F12 or ⌘⌥I), choose the <strong>Status Lens</strong> panel and reload the page — or
        turn on <strong>Monitoring without DevTools</strong> in Options to count every tab&apos;s responses.
      </p>
    </div>
  );
}

function Body({ focusNoData, onFocused }: { focusNoData: boolean; onFocused: () => void }) {
  const phase = usePopup((s) => s.phase);
  const hasData = usePopup((s) => (s.summary ? Object.values(s.summary.families).some((n) => n > 0) : false));
  if (phase === 'loading')
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (phase === 'no-tab') return <p role="status">There is no tab to summarise here.</p>;
  if (!hasData) return <NoData focus={focusNoData} onFocused={onFocused} />;
  return (
    <>
      <FamilyBar />
      <FindingTotals />
      <Failures />
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
  const host = usePopup((s) => s.summary?.host);
  const [cleared, setCleared] = useState(false);
  const onFocused = useCallback(() => setCleared(false), []);
  useEffect(() => api.getState().start(), [api]);
  return (
    <main className="popup">
      <header className="popup-head">
        <h1>
          Status Lens
          {host && (
            <>
              <span className="visually-hidden"> · </span>
              <span className="host mono">{host}</span>
            </>
          )}
        </h1>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              // The button disables itself; focus goes to the "Nothing recorded" message it leaves.
              setCleared(true);
              void clear();
            }}
            disabled={!canClear}
          >
            Clear this tab
          </button>
          <button type="button" onClick={openOptions}>
            Options
          </button>
        </div>
      </header>
      {/* One scroll area under the fixed header: the card scrolls as a whole, no list inside it does. */}
      <div className="popup-scroll">
        <Body focusNoData={cleared} onFocused={onFocused} />
      </div>
    </main>
  );
}
