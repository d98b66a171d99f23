import { useRef, useState } from 'react';
import type { CaptureDiffReport } from '../../../core/diff/capture/report';
import { usePanelActions } from '../actions';
import { usePanel, usePanelApi } from '../panel-context';
import { CaptureDiffView } from './CaptureDiffView';
import './compare.css';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; file: File }
  | { kind: 'done'; file: File; report: CaptureDiffReport }
  | { kind: 'error'; file: File; message: string };

/**
 * "Compare with HAR…": pick a HAR, and see it compared — as the "before" side — with what the
 * panel has captured, per endpoint. The file is read and summarised in the analysis worker
 * (the `compareHar` action), never on the panel's thread. "Ignore host" (the CLI's
 * `diff --ignore-host`) compares the same file again when ticked, and is kept for the next one.
 */
export function CompareHarButton() {
  const input = useRef<HTMLInputElement>(null);
  const { compareHar } = usePanelActions();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const ignoreHost = usePanel((s) => s.compareIgnoreHost);
  const panel = usePanelApi();
  const jobs = useRef(0);
  if (!compareHar) return null;

  const start = (file: File, hostless = panel.getState().compareIgnoreHost) => {
    const job = ++jobs.current;
    setState({ kind: 'running', file });
    compareHar(file, { ignoreHost: hostless }).then(
      (report) => job === jobs.current && setState({ kind: 'done', file, report }),
      (e: unknown) =>
        job === jobs.current &&
        setState({ kind: 'error', file, message: e instanceof Error ? e.message : String(e) }),
    );
  };
  const setIgnoreHost = (on: boolean) => {
    panel.getState().setCompareIgnoreHost(on);
    if (state.kind !== 'idle') start(state.file, on);
  };
  const close = () => {
    jobs.current++;
    setState({ kind: 'idle' });
  };

  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        aria-haspopup="dialog"
        title="Compare a HAR file (before) with the live capture (after), per endpoint"
      >
        Compare with HAR…
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        hidden
        aria-label="Compare with HAR file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) start(file);
        }}
      />
      {state.kind !== 'idle' && (
        <div
          className="compare-dialog"
          role="dialog"
          aria-label="Comparison with HAR"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <div className="compare-dialog-head">
            <strong>Compare with HAR</strong>
            <label
              className="toggle"
              title="Match endpoints by method and path alone, so a HAR recorded on another host (production) compares with live traffic from this one (localhost), as status-lens diff --ignore-host"
            >
              <input type="checkbox" checked={ignoreHost} onChange={(e) => setIgnoreHost(e.target.checked)} />{' '}
              Ignore host
            </label>
            <span className="spacer" />
            <button type="button" onClick={close} autoFocus>
              Close
            </button>
          </div>
          {state.kind === 'running' && <p role="status">Reading and comparing {state.file.name}…</p>}
          {state.kind === 'error' && (
            <p role="alert">
              {state.file.name} could not be compared: {state.message}
            </p>
          )}
          {state.kind === 'done' && <CaptureDiffView report={state.report} />}
        </div>
      )}
    </>
  );
}
