import { useContext, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import {
  checkDraft,
  draftIsJson,
  isNonIdempotent,
  withIdempotencyKey,
  type DraftHeader,
  type ResendDraft,
} from '../../../core/resend/draft';
import { usePanel } from '../panel-context';
import { ResendContext, useResend } from './resend-context';
import './resend.css';
import { keepTabInside } from '../../../ui/focus-trap';
import { HeaderRow, recordedUnsendable, UnsendableHeaders } from './HeaderRows';

/** The URL's query as editable pairs, or null when the URL does not parse. */
function queryOf(url: string): [string, string][] | null {
  try {
    return [...new URL(url).searchParams.entries()];
  } catch {
    return null;
  }
}

function withQuery(url: string, params: [string, string][]): string {
  const u = new URL(url);
  u.search = new URLSearchParams(params).toString();
  return u.href;
}

function QueryTable({ draft, set }: { draft: ResendDraft; set: (d: ResendDraft) => void }) {
  const params = queryOf(draft.url);
  if (!params) return <p className="muted">Fix the URL to edit its query.</p>;
  const put = (next: [string, string][]) => set({ ...draft, url: withQuery(draft.url, next) });
  return (
    <div className="resend-table">
      {params.map(([name, value], i) => (
        <div className="resend-pair" key={i}>
          <input
            aria-label={`Query parameter ${i + 1} name`}
            value={name}
            onChange={(e) => put(params.map((p, j) => (j === i ? [e.target.value, p[1]] : p)))}
          />
          <input
            aria-label={`Query parameter ${i + 1} value`}
            value={value}
            onChange={(e) => put(params.map((p, j) => (j === i ? [p[0], e.target.value] : p)))}
          />
          <button
            type="button"
            aria-label={`Remove query parameter ${name}`}
            onClick={() => put(params.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => put([...params, ['', '']])}>
        Add parameter
      </button>
    </div>
  );
}

/**
 * Edit and resend (issue #19): method, URL, query, headers and body, checked as the user types.
 * Sent from the inspected page, so headers the page may not set are shown as not sent, and a
 * POST or PATCH is sent only after saying it may act twice.
 */
export function ResendEditor() {
  const wiring = useContext(ResendContext);
  const editor = useResend((s) => s.editor);
  const titleId = useId();
  const firstField = useRef<HTMLInputElement>(null);
  const open = editor !== null;
  const imported = usePanel((s) =>
    editor ? s.rows.some((r) => r.imported === true && r.exchange.id === editor.originalId) : false,
  );
  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);
  if (!wiring || !editor) return null;
  const { draft, originalId } = editor;
  const set = (d: ResendDraft) => wiring.store.getState().setDraft(d);
  const close = () => {
    wiring.store.getState().closeEditor();
    // Back to the list the dialog was opened from (R, the menu) rather than nowhere.
    document.querySelector<HTMLElement>('[role="grid"]')?.focus();
  };
  const problems = checkDraft(draft);
  const json = draftIsJson(draft);
  const bodyProblem = problems.find((p) => p.field === 'body');
  const hasKey = draft.headers.some((h) => h.name.toLowerCase() === 'idempotency-key');
  const send = () => {
    if (problems.length > 0) return;
    close();
    void wiring.service.send(originalId, draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    keepTabInside(e);
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
  };
  const setHeaders = (headers: DraftHeader[]) => set({ ...draft, headers });
  return (
    <div className="resend-backdrop">
      <div
        className="resend-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>Edit and resend</h2>
        <p className="muted">
          Sent by the inspected page itself (its cookies, origin and CORS apply), and captured like any
          request.
        </p>
        <div className="resend-line">
          <label>
            Method{' '}
            <input
              ref={firstField}
              className="mono resend-method"
              value={draft.method}
              onChange={(e) => set({ ...draft, method: e.target.value.toUpperCase() })}
            />
          </label>
          <label className="resend-url">
            URL{' '}
            <input
              className="mono"
              value={draft.url}
              onChange={(e) => set({ ...draft, url: e.target.value })}
            />
          </label>
        </div>
        {imported && (
          <p className="resend-warning" role="note">
            This request comes from an imported HAR file. It will be sent by the page you are inspecting,
            whose scripts can see its headers and body: untick credentials you do not want it to have.
          </p>
        )}
        {isNonIdempotent(draft.method) && (
          <div className="resend-warning" role="alert">
            {draft.method} is not idempotent: sending it again may create or change something a second time.
            {hasKey ? (
              ' An Idempotency-Key header is set.'
            ) : (
              <>
                {' '}
                <button type="button" onClick={() => set(withIdempotencyKey(draft, crypto.randomUUID()))}>
                  Add an Idempotency-Key
                </button>
              </>
            )}
          </div>
        )}
        <fieldset>
          <legend>Query</legend>
          <QueryTable draft={draft} set={set} />
        </fieldset>
        <fieldset>
          <legend>Headers</legend>
          <div className="resend-table">
            {/* The headers that will be sent, on top; their indexes are the draft's. */}
            {draft.headers.map((h, i) =>
              recordedUnsendable(h) ? null : (
                <HeaderRow
                  key={i}
                  header={h}
                  index={i}
                  update={(next) => setHeaders(draft.headers.map((x, j) => (j === i ? next : x)))}
                  remove={() => setHeaders(draft.headers.filter((_, j) => j !== i))}
                />
              ),
            )}
            <button
              type="button"
              onClick={() => setHeaders([...draft.headers, { name: '', value: '', enabled: true }])}
            >
              Add header
            </button>
            <UnsendableHeaders headers={draft.headers.filter(recordedUnsendable)} />
          </div>
          <label className="toggle">
            <input
              type="checkbox"
              checked={draft.sendCookies}
              onChange={(e) => set({ ...draft, sendCookies: e.target.checked })}
            />{' '}
            Send cookies (also to another origin: credentials “include”)
          </label>
        </fieldset>
        <fieldset>
          <legend>Body{json ? ' (JSON)' : ''}</legend>
          {draft.bodySource === 'not-captured' && (
            <p className="resend-note" role="note">
              The original request’s body was not captured. Write the body to send, or leave it empty to send
              none.
            </p>
          )}
          <textarea
            aria-label="Request body"
            className="mono"
            rows={8}
            spellCheck={false}
            value={draft.body}
            aria-invalid={bodyProblem ? true : undefined}
            onChange={(e) => set({ ...draft, body: e.target.value })}
          />
          {json && !bodyProblem && draft.body.trim() !== '' && <p className="muted">Valid JSON.</p>}
        </fieldset>
        {problems.length > 0 && (
          <ul className="resend-problems" aria-label="Problems">
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        )}
        <div className="resend-buttons">
          <button type="button" className="primary" disabled={problems.length > 0} onClick={send}>
            Send
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
