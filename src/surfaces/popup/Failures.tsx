import { useMemo } from 'react';
import { failuresByReason } from '../../core/summary/summary';
import { usePopup } from './popup-context';

/** Calls that failed or got a 5xx, by reason: CORS, refused, timed out, server errors. */
export function Failures() {
  const summary = usePopup((s) => s.summary);
  const reasons = useMemo(() => (summary ? failuresByReason(summary) : []), [summary]);
  if (reasons.length === 0) return null;
  return (
    <section aria-labelledby="failures-heading">
      <h2 id="failures-heading">Failures</h2>
      <ul className="failures" aria-label="Failures by reason">
        {reasons.map(({ reason, count }) => (
          <li key={reason}>
            <span className="failure-reason">{reason}</span> <strong className="count">×{count}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
