import { useContext, useEffect, useMemo, useState } from 'react';
import { explainNetError } from '../../../core/catalogue';
import { statusHints } from '../../../core/catalogue/hints';
import type { ExchangeComparison } from '../../../core/diff/compare-exchanges';
import type { PanelState, Row } from '../../../state/panel-store';
import type { Comparison, Resend } from '../../../state/resend-store';
import { StatusCode } from '../../../ui/StatusCode';
import { usePanel } from '../panel-context';
import { clipText } from '../detail/text';
import { ResendContext, useResend } from './resend-context';
import { BodyDiff, FindingList, HeaderChanges } from './compare-parts';
import './resend.css';

/** The two compared rows, looked up only when the rows or the ids change (the list can be long). */
function createPairSelector() {
  let lastRows: readonly Row[] | null = null;
  let lastKey = '';
  let result: [Row | undefined, Row | undefined] = [undefined, undefined];
  return (cmp: Comparison) =>
    (s: PanelState): [Row | undefined, Row | undefined] => {
      const key = `${cmp.beforeId}\u0000${cmp.afterId}`;
      if (s.rows === lastRows && key === lastKey) return result;
      lastRows = s.rows;
      lastKey = key;
      const before = s.rows.find((r) => r.exchange.id === cmp.beforeId);
      const after = s.rows.find((r) => r.exchange.id === cmp.afterId);
      if (before !== result[0] || after !== result[1]) result = [before, after];
      return result;
    };
}

function Failure({ row, resend }: { row: Row; resend?: Resend | undefined }) {
  const ex = row.exchange;
  if (ex.status !== 0) return null;
  const entry = ex.failure ? explainNetError(ex.failure) : undefined;
  const hints = statusHints(ex).filter((h) => h.kind === 'cors');
  const page = resend?.outcome?.kind === 'error' ? resend.outcome : undefined;
  return (
    <div className="compare-failure">
      <p>
        <strong>{ex.failure ?? 'Failed'}</strong>
        {ex.serverStatus !== undefined && <> · the server sent {ex.serverStatus}</>}
        {entry && <> — {entry.summary}</>}
      </p>
      {hints.map((h, i) => (
        <p key={i}>{h.text}</p>
      ))}
      {page && (
        <p className="muted">
          {page.reason === 'timeout'
            ? `The page gave up after ${Math.round(page.elapsedMs / 1000)} s (timeout).`
            : `The page’s fetch said: ${clipText(page.message, 300)}`}
        </p>
      )}
    </div>
  );
}

function Side({ label, row, resend }: { label: string; row: Row; resend?: Resend | undefined }) {
  const ex = row.exchange;
  return (
    <div className="compare-side">
      <h3>{label}</h3>
      <div className="compare-request">
        <StatusCode status={ex.status} /> <span className="mono">{ex.method}</span>{' '}
        <span className="mono compare-url" title={clipText(ex.url, 2_000)}>
          {clipText(ex.url, 300)}
        </span>
      </div>
      <Failure row={row} resend={resend} />
    </div>
  );
}

function Result({ comparison, resend }: { comparison: ExchangeComparison; resend: boolean }) {
  const s = comparison.status;
  const f = comparison.findings;
  return (
    <>
      <section className="compare-section" aria-label="Status">
        <h4>Status</h4>
        <p>
          <StatusCode status={s.before} /> → <StatusCode status={s.after} />
          {!s.changed && <span className="muted"> (unchanged)</span>}
        </p>
      </section>
      <section className="compare-section" aria-label="Findings">
        <h4>Findings</h4>
        <div className="compare-finding-lists">
          <FindingList title={resend ? 'Resolved' : 'Only in the first'} items={f.resolved} kind="resolved" />
          <FindingList title={resend ? 'Still present' : 'In both'} items={f.stillPresent} kind="still" />
          <FindingList title={resend ? 'New' : 'Only in the second'} items={f.new} kind="new" />
        </div>
      </section>
      <section className="compare-section" aria-label="Body">
        <h4>Body</h4>
        <BodyDiff body={comparison.body} />
      </section>
      <HeaderChanges title="Response headers" changes={comparison.responseHeaders} />
      <HeaderChanges title="Request headers" changes={comparison.requestHeaders} />
    </>
  );
}

/**
 * Two exchanges side by side (issue #19): a resend beside its original, or any two rows the user
 * marked. The comparison itself (body diff, findings) is made in the analysis worker.
 */
export function CompareView({ comparison: cmp }: { comparison: Comparison }) {
  const wiring = useContext(ResendContext);
  const selectPair = useMemo(() => createPairSelector(), []);
  const selector = useMemo(() => selectPair(cmp), [selectPair, cmp]);
  const [before, after] = usePanel(selector);
  const select = usePanel((s) => s.select);
  const resend = useResend((s) => s.resends.find((r) => r.resentId === cmp.afterId));
  const [result, setResult] = useState<{ key: unknown; value: ExchangeComparison | string } | null>(null);
  const analysed = before?.analysis !== undefined && after?.analysis !== undefined;

  useEffect(() => {
    if (!wiring || !before || !after || !before.analysis || !after.analysis) return;
    let live = true;
    const key = [before, after];
    wiring
      .compare({
        before: before.exchange,
        after: after.exchange,
        beforeFindings: before.analysis.findings,
        afterFindings: after.analysis.findings,
      })
      .then(
        (value) => live && setResult({ key, value }),
        (e: unknown) =>
          live && setResult({ key, value: `The comparison failed: ${String((e as Error)?.message ?? e)}` }),
      );
    return () => {
      live = false;
    };
  }, [wiring, before, after]);

  if (!wiring) return null;
  const close = () => wiring.store.getState().closeComparison();
  const labels = cmp.kind === 'resend' ? ['Original', 'Resent'] : ['First', 'Second'];
  const current =
    result && Array.isArray(result.key) && result.key[0] === before && result.key[1] === after
      ? result.value
      : null;
  return (
    <section className="detail compare-view" aria-label="Comparison">
      <div className="detail-header">
        <strong>
          {cmp.kind === 'resend' ? 'Resent request beside its original' : 'Two requests side by side'}
        </strong>
        <span className="spacer" />
        <button
          type="button"
          onClick={() =>
            wiring.store.getState().compare({ beforeId: cmp.afterId, afterId: cmp.beforeId, kind: 'pair' })
          }
        >
          Swap
        </button>
        {after && (
          <button
            type="button"
            onClick={() => {
              close();
              select(after.exchange.id);
            }}
          >
            {labels[1]}’s details
          </button>
        )}
        <button type="button" onClick={close}>
          Close comparison
        </button>
      </div>
      {!before || !after ? (
        <p className="muted compare-body">One of the two requests is no longer in the list.</p>
      ) : (
        <div className="compare-body">
          <div className="compare-sides">
            <Side label={labels[0]!} row={before} />
            <Side label={labels[1]!} row={after} resend={resend} />
          </div>
          {!analysed ? (
            <p className="muted" role="status">
              Analysing…
            </p>
          ) : current === null ? (
            <p className="muted" role="status">
              Comparing…
            </p>
          ) : typeof current === 'string' ? (
            <p role="alert">{current}</p>
          ) : (
            <Result comparison={current} resend={cmp.kind === 'resend'} />
          )}
        </div>
      )}
    </section>
  );
}
