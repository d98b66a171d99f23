import type { BodyComparison, ComparedFinding, HeaderChange } from '../../../core/diff/compare-exchanges';
import type { JsonChange } from '../../../core/diff/json-diff-types';
import { SeverityMark } from '../../../ui/SeverityMark';
import { clipText } from '../detail/text';
import { nounFor } from '../../../core/text/plural';

/*
 * The parts of a side-by-side comparison (CompareView): findings resolved, kept or new, header
 * changes and the body diff.
 */

export function FindingList({
  title,
  items,
  kind,
}: {
  title: string;
  items: ComparedFinding[];
  kind: string;
}) {
  return (
    <div className={`compare-findings findings-${kind}`}>
      <h4>
        {title} ({items.length})
      </h4>
      {items.length > 0 && (
        <ul>
          {items.map((f, i) => (
            <li key={i}>
              <SeverityMark severity={f.severity} label={false} /> <code>{f.rule}</code>{' '}
              {clipText(f.message, 400)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function HeaderChanges({ title, changes }: { title: string; changes: HeaderChange[] }) {
  return (
    <section className="compare-section" aria-label={title}>
      <h4>{title}</h4>
      {changes.length === 0 ? (
        <p className="muted">The same.</p>
      ) : (
        <table className="compare-table">
          <tbody>
            {changes.map((c, i) => (
              <tr key={i} className={`change-${c.kind}`}>
                <td>{c.kind}</td>
                <td className="mono">{c.name}</td>
                <td className="mono">{c.before ?? ''}</td>
                <td className="mono">{c.after ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const KIND_LABEL: Record<JsonChange['kind'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  'type-changed': 'type changed',
};

export function BodyDiff({ body }: { body: BodyComparison }) {
  if (body.kind === 'unavailable') return <p className="muted">{body.why}</p>;
  if (body.kind === 'text') {
    if (body.equal) return <p className="muted">The same.</p>;
    return (
      <div>
        <p>
          The bodies differ (not JSON), first at line {body.firstDifferentLine}:{' '}
          {body.beforeLength.toLocaleString('en-US')} → {body.afterLength.toLocaleString('en-US')} characters.
        </p>
        <table className="compare-table">
          <tbody>
            <tr>
              <td>before</td>
              <td className="mono">{body.beforeLine}</td>
            </tr>
            <tr>
              <td>after</td>
              <td className="mono">{body.afterLine}</td>
            </tr>
          </tbody>
        </table>
      </div>
    );
  }
  const d = body.diff;
  if (d.equal) return <p className="muted">The same JSON (member order aside).</p>;
  return (
    <div>
      <table className="compare-table json-diff">
        <thead>
          <tr>
            <th>change</th>
            <th>pointer</th>
            <th>before</th>
            <th>after</th>
          </tr>
        </thead>
        <tbody>
          {d.changes.map((c, i) => (
            <tr key={i} className={`change-${c.kind}`}>
              <td>{KIND_LABEL[c.kind]}</td>
              <td className="mono">{clipText(c.pointer || '(whole body)', 500)}</td>
              <td className="mono">{c.before?.text ?? ''}</td>
              <td className="mono">{c.after?.text ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.omitted > 0 && (
        <p className="muted">
          {d.omitted.toLocaleString('en-US')} more {nounFor(d.omitted, 'difference')} not listed.
        </p>
      )}
      {!d.complete && (
        <p className="muted">The bodies are too large to compare in full; the counts are lower bounds.</p>
      )}
    </div>
  );
}
