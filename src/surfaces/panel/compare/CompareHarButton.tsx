import { useRef, useState } from 'react';
import type { CaptureDiffReport } from '../../../core/diff/capture/report';
import { usePanelActions } from '../actions';
import { CaptureDiffView } from './CaptureDiffView';
import './compare.css';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; name: string }
  | { kind: 'done'; report: CaptureDiffReport }
  | { kind: 'error'; name: string; message: string };

/**
 * "Compare with HAR…": pick a HAR, and see it compared — as the "before" side — with what the
 * panel has captured, per endpoint. The file is read and summarised in the analysis worker
 * (the `compareHar` action), never on the panel's thread.
 */
export function CompareHarButton() {
  const input = useRef<HTMLInputElement>(null);
  const { compareHar } = usePanelActions();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const jobs = useRef(0);
  if (!compareHar) return null;

  const start = (file: File) => {
    const job = ++jobs.current;
    setState({ kind: 'running', name: file.name });
    compareHar(file).then(
      (report) => job === jobs.current && setState({ kind: 'done', report }),
      (e: unknown) =>
        job === jobs.current &&
        setState({ kind: 'error', name: file.name, message: e instanceof Error ? e.message : String(e) }),
    );
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
            <span className="spacer" />
            <button type="button" onClick={close} autoFocus>
              Close
            </button>
          </div>
          {state.kind === 'running' && <p role="status">Reading and comparing {state.name}…</p>}
          {state.kind === 'error' && (
            <p role="alert">
              {state.name} could not be compared: {state.message}
            </p>
          )}
          {state.kind === 'done' && <CaptureDiffView report={state.report} />}
        </div>
      )}
    </>
  );
}
