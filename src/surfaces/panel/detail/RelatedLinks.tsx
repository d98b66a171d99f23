import type { RelatedExchange } from '../../../core/rules/types';
import { usePanel } from '../panel-context';

/**
 * The earlier requests a session finding (issue #18) names: each a link that selects its row,
 * or a note when the row is no longer in the list (cleared, or dropped by the retention cap).
 */
export function RelatedLinks({ related }: { related: readonly RelatedExchange[] }) {
  const select = usePanel((s) => s.select);
  // One string, so the selector's answer compares equal while nothing relevant changes.
  const present = usePanel((s) =>
    related.map((r) => (s.rows.some((row) => row.exchange.id === r.id) ? '1' : '0')).join(''),
  );
  return (
    <ul className="related-links" aria-label="Related requests">
      {related.map((r, i) => (
        <li key={`${r.id}\u0000${i}`}>
          {present[i] === '1' ? (
            <button
              type="button"
              className="link-button related-link"
              title="Select this request"
              onClick={() => select(r.id)}
            >
              #{r.index} {r.note}
            </button>
          ) : (
            <span className="muted">
              #{r.index} {r.note} (no longer in the list)
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
