import { unsendableHeaderReason, type DraftHeader } from '../../../core/resend/draft';

/*
 * The editor's header rows: the ones that will be sent, editable, and the recorded ones the
 * browser sets itself, folded under one line (split from ResendEditor.tsx to keep it readable).
 */

export function HeaderRow({
  header,
  index,
  update,
  remove,
}: {
  header: DraftHeader;
  index: number;
  update: (h: DraftHeader) => void;
  remove: () => void;
}) {
  const unsendable = unsendableHeaderReason(header.name);
  return (
    <div className={`resend-pair${unsendable ? ' unsendable' : ''}`}>
      <input
        type="checkbox"
        aria-label={`Send ${header.name || `header ${index + 1}`}`}
        checked={header.enabled && !unsendable}
        disabled={unsendable !== null}
        onChange={(e) => update({ ...header, enabled: e.target.checked })}
      />
      <input
        aria-label={`Header ${index + 1} name`}
        value={header.name}
        onChange={(e) => update({ ...header, name: e.target.value })}
      />
      <input
        aria-label={`Header ${index + 1} value`}
        value={header.value}
        onChange={(e) => update({ ...header, value: e.target.value })}
      />
      <button type="button" aria-label={`Remove header ${header.name}`} onClick={remove}>
        ×
      </button>
      {unsendable && (
        <span className="resend-note" role="note">
          Not sent: {unsendable}.
        </span>
      )}
    </div>
  );
}

/**
 * A recorded header the browser will not let the page send: the draft unticked it (draftOf),
 * and the user did not type it. One the user adds or renames into a forbidden name stays in its
 * row with its own note, rather than jump into the fold under the cursor.
 */
export function recordedUnsendable(h: DraftHeader): boolean {
  return !h.enabled && unsendableHeaderReason(h.name) !== null;
}

/**
 * The recorded headers the browser sets itself (Host, Cookie, Sec-Fetch-*, User-Agent…), folded
 * under one line with one explanation: a captured POST had about twelve, each struck through
 * with its own "Not sent" line, and the four that are sent were lost among them.
 */
export function UnsendableHeaders({ headers }: { headers: DraftHeader[] }) {
  if (headers.length === 0) return null;
  return (
    <details className="resend-unsendable">
      <summary>Not sent by the browser ({headers.length})</summary>
      <p className="resend-note" role="note">
        A page cannot set these: the browser writes them itself for the request it sends (the cookies too,
        with “Send cookies” below; Content-Length from the body).
      </p>
      <ul aria-label="Headers not sent">
        {headers.map((h, i) => (
          <li key={i} className="mono" title={`Not sent: ${unsendableHeaderReason(h.name)}.`}>
            {h.name}: {h.value}
          </li>
        ))}
      </ul>
    </details>
  );
}
