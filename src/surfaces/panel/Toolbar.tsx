import type { StatusFamily } from '../../core/exchange/family';
import { selectFamilyCounts } from '../../state/panel-selectors';
import { usePanel } from './panel-context';
import { ProfilesControl } from './ProfilesControl';
import { SearchBox } from './SearchBox';
import { OverflowMenu } from './OverflowMenu';
import { MOD_KEY } from './shortcut-keys';
import { useWidth } from './use-width';
import { useRef } from 'react';

const CHIPS: StatusFamily[] = ['1xx', '2xx', '3xx', '4xx', '5xx', 'failed'];

function FamilyChips() {
  const counts = usePanel(selectFamilyCounts);
  const active = usePanel((s) => s.filter.families);
  const toggle = usePanel((s) => s.toggleFamily);
  return (
    <div className="chips" role="group" aria-label="Status families">
      {CHIPS.map((f) => (
        <button
          key={f}
          type="button"
          className={`chip fam-${f}`}
          aria-pressed={active.includes(f)}
          onClick={() => toggle(f)}
          title={`Show only ${f} responses (click more to combine); the count follows the other filters`}
        >
          {f} <span className="count">{counts[f]}</span>
        </button>
      ))}
    </div>
  );
}

function Toggle({
  label,
  pressed,
  onChange,
  title,
}: {
  label: string;
  pressed: boolean;
  onChange: (v: boolean) => void;
  title: string;
}) {
  return (
    <label className="toggle" title={title}>
      <input type="checkbox" checked={pressed} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** Below this toolbar width the toggles and profiles go into the "More" menu. */
export const TOOLBAR_COLLAPSE_BELOW = 820;

export function Toolbar({ children }: { children?: React.ReactNode }) {
  const recording = usePanel((s) => s.recording);
  const setRecording = usePanel((s) => s.setRecording);
  const clear = usePanel((s) => s.clear);
  const preserveLog = usePanel((s) => s.preserveLog);
  const setPreserveLog = usePanel((s) => s.setPreserveLog);
  const apiOnly = usePanel((s) => s.filter.apiOnly);
  const findingsOnly = usePanel((s) => s.filter.findingsOnly);
  const setFilter = usePanel((s) => s.setFilter);
  const bar = useRef<HTMLDivElement>(null);
  const narrow = useWidth(bar) < TOOLBAR_COLLAPSE_BELOW;
  const toggles = (
    <>
      <Toggle
        label="Preserve log"
        pressed={preserveLog}
        onChange={setPreserveLog}
        title="Keep requests across page navigations"
      />
      <Toggle
        label="API only"
        pressed={apiOnly}
        onChange={(v) => setFilter({ apiOnly: v })}
        title="Only fetch/XHR calls and JSON responses"
      />
      <Toggle
        label="Findings only"
        pressed={findingsOnly}
        onChange={(v) => setFilter({ findingsOnly: v })}
        title="Only responses with findings"
      />
      <ProfilesControl />
    </>
  );
  return (
    <div
      className={`toolbar${narrow ? ' narrow' : ''}`}
      role="toolbar"
      aria-label="Capture and filters"
      ref={bar}
    >
      <button
        type="button"
        className={`record${recording ? ' on' : ''}`}
        aria-pressed={recording}
        onClick={() => setRecording(!recording)}
        title={`${recording ? 'Pause recording' : 'Resume recording'} (${MOD_KEY}E)`}
        // Narrow, the dot alone (as Chrome's Network panel): the chips then fit on its row.
        aria-label={narrow ? (recording ? 'Recording' : 'Paused') : undefined}
      >
        {recording ? '●' : '○'}
        {!narrow && (recording ? ' Recording' : ' Paused')}
      </button>
      <button type="button" onClick={clear} title={`Clear the list (${MOD_KEY}L)`}>
        Clear
      </button>
      {!narrow && <span className="sep" />}
      {narrow ? (
        // The ⋯ menu ends the search's row, which it never leaves: wrapped on its own it took a
        // row (~30 px of list) for one button.
        <div className="search-row">
          <SearchBox />
          <OverflowMenu label="More filters and options">{toggles}</OverflowMenu>
        </div>
      ) : (
        <SearchBox />
      )}
      <FamilyChips />
      {!narrow && toggles}
      {children}
    </div>
  );
}
