import type { RelatedExchange } from '../../../core/rules/types';
import { usePanel } from '../panel-context';

/**
 * The earlier requests a session finding (issue #18) names: each a link that selects its row,
 * numbered as the list numbers it (useListNumbers), or a note when the row is no longer in the
 * list (cleared, or dropped by the retention cap).
 */
export function RelatedLinks({
  related,
  numbers,
}: {
  related: readonly RelatedExchange[];
  /** The list's number of each related row (undefined: gone), from useListNumbers. */
  numbers: readonly (number | undefined)[];
}) {
  const follow = usePanel((s) => s.follow);
  // The request whose detail holds the link, to come back to.
  const from = usePanel((s) => s.selectedId);
  return (
    <ul className="related-links" aria-label="Related requests">
      {related.map((r, i) => (
        <li key={`${r.id}\u0000${i}`}>
          {numbers[i] !== undefined ? (
            <button
              type="button"
              className="link-button related-link"
              title="Select this request"
              onClick={() => follow(r.id, from)}
            >
              #{numbers[i]} {r.note}
            </button>
          ) : (
            <span className="muted">{r.note} (no longer in the list)</span>
          )}
        </li>
      ))}
    </ul>
  );
}
