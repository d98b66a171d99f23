import type { Finding } from '../rules/types';
import { clip } from '../text/clip';
import { firstFew } from '../text/first-few';

/** Related exchanges shown per finding; a session finding may name a dozen. */
const MAX_SHOWN = 8;

/**
 * "related: #3 (the 429 that said Retry-After: 5) and #4 (…)": how every text report (terminal,
 * Markdown, JUnit) names the earlier entries a session finding points to, by HAR entry index
 * (by the list's number in a report exported from the panel).
 * Empty for findings of one exchange.
 */
export function relatedText(f: Pick<Finding, 'related'>): string {
  const related = f.related ?? [];
  if (related.length === 0) return '';
  // A panel report names requests by the list's numbers, as its message and heading do.
  const shown = related.slice(0, MAX_SHOWN).map((r) => `#${r.listNumber ?? r.index} (${clip(r.note, 120)})`);
  return `related: ${firstFew(shown, MAX_SHOWN, related.length)}`;
}
