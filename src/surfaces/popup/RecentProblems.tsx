import { useMemo } from 'react';
import { readablePathAndQuery } from '../../core/text/readable-path';
import { SeverityMark } from '../../ui/SeverityMark';
import { StatusCode } from '../../ui/StatusCode';
import { usePopup } from './popup-context';

/**
 * The latest problem responses, newest first. Paths and messages come from pages: text only.
 * A path reads decoded, as the panel's Name column and Endpoints show it; its tooltip keeps the
 * recorded form.
 */
export function RecentProblems() {
  const recent = usePopup((s) => s.summary?.recent);
  const newestFirst = useMemo(() => (recent ? [...recent].reverse() : []), [recent]);
  if (newestFirst.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Latest problem responses</h2>
      <ul className="recent" aria-label="Latest problem responses">
        {newestFirst.map((p, i) => (
          <li key={i}>
            <div className="recent-line">
              <StatusCode status={p.status} /> <span className="mono method">{p.method}</span>{' '}
              <span className="mono path" title={p.path}>
                {readablePathAndQuery(p.path)}
              </span>
            </div>
            {p.reason && (
              <div className="failure-line" title={p.reason}>
                {p.reason}
              </div>
            )}
            {p.worst && (
              <div className="worst" title={p.worst.message}>
                <SeverityMark severity={p.worst.severity} label={false} /> <code>{p.worst.rule}</code>{' '}
                <span className="muted">{p.worst.message}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
