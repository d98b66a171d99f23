import { useContext } from 'react';
import type { Resend } from '../../../state/resend-store';
import { clipText } from '../detail/text';
import { usePanel } from '../panel-context';
import { ResendContext, useResend } from './resend-context';
import './resend.css';

function describe(r: Resend): string {
  const what = `${r.method} ${clipText(r.url, 120)}`;
  switch (r.phase) {
    case 'sending':
      return `Resending ${what}…`;
    case 'sent':
      return `Resent ${what}; waiting for its capture…`;
    case 'linked':
      return `Resent ${what}.`;
    case 'not-captured': {
      const o = r.outcome;
      const answer =
        o?.kind === 'response'
          ? `the page got ${o.status}`
          : o?.reason === 'page'
            ? o.message
            : `the page’s fetch failed: ${o?.message ?? 'no answer'}`;
      return `Resent ${what}, but no capture arrived (is recording paused?): ${answer}`;
    }
  }
}

/**
 * Above the request list: the latest resend's progress, and the rows marked for comparison
 * (Ctrl/⌘-click) with the Compare button.
 */
export function ResendBar() {
  const wiring = useContext(ResendContext);
  const latest = useResend((s) => s.resends.at(-1));
  const marked = useResend((s) => s.marked);
  const comparing = useResend((s) => s.comparison !== null);
  const recording = usePanel((s) => s.recording);
  if (!wiring || (!latest && marked.length === 0)) return null;
  const store = wiring.store.getState();
  return (
    <div className="resend-bar" role="status" aria-live="polite">
      {latest && latest.phase !== 'linked' && (
        <span className={`resend-progress phase-${latest.phase}`}>
          {describe(latest)}
          {!recording && latest.phase !== 'not-captured' && ' Recording is paused: it will not be captured.'}
        </span>
      )}
      {latest?.phase === 'linked' && !comparing && latest.resentId && (
        <button
          type="button"
          onClick={() =>
            store.compare({ beforeId: latest.originalId, afterId: latest.resentId!, kind: 'resend' })
          }
        >
          Compare the last resend with its original
        </button>
      )}
      {marked.length === 1 && <span>1 request marked: Ctrl/⌘-click another to compare.</span>}
      {marked.length === 2 && (
        <>
          <span>2 requests marked.</span>
          <button
            type="button"
            onClick={() => store.compare({ beforeId: marked[0]!, afterId: marked[1]!, kind: 'pair' })}
          >
            Compare
          </button>
        </>
      )}
      {marked.length > 0 && (
        <button type="button" onClick={() => store.clearMarks()}>
          Clear marks
        </button>
      )}
    </div>
  );
}
