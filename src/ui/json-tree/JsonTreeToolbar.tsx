import { nounFor } from '../../core/text/plural';
import type { SearchResult } from './model';

export interface JsonTreeToolbarProps {
  /** Text in the search box (searched after a short pause, or at once on Enter). */
  input: string;
  onInput: (q: string) => void;
  /** Enter in the search box; `back` is true with Shift. */
  onEnter: (back: boolean) => void;
  /** The last search run, or null when the box was empty. */
  result: SearchResult | null;
  /** Index of the current match. */
  current: number;
  /** Matches that have a row in the tree: the ones the arrows step through. */
  matchRows: number;
  onStep: (delta: number) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

/** Search box with match count and previous/next, then Expand all / Collapse all. */
export function JsonTreeToolbar({
  input,
  onInput,
  onEnter,
  result,
  current,
  matchRows,
  onStep,
  onExpandAll,
  onCollapseAll,
}: JsonTreeToolbarProps) {
  const matchCount = result?.matches.length ?? 0;
  return (
    <div className="jt-toolbar">
      <input
        type="search"
        className="jt-search"
        aria-label="Search keys and values"
        placeholder="Search keys and values"
        value={input}
        spellCheck={false}
        onChange={(e) => onInput(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onEnter(e.shiftKey);
        }}
      />
      {result && (
        <span className="jt-count" role="status">
          {matchCount === 0
            ? 'No matches'
            : `${Math.min(current, Math.max(0, matchRows - 1)) + 1} of ${matchCount}${result.truncated ? '+' : ''} ${nounFor(result.truncated ? 2 : matchCount, 'match', 'matches')}`}
        </span>
      )}
      <button type="button" onClick={() => onStep(-1)} disabled={matchRows === 0} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={matchRows === 0} aria-label="Next match">
        ↓
      </button>
      <span className="jt-spacer" />
      <button type="button" onClick={onExpandAll} title="Open every member (up to 5,000 containers)">
        Expand all
      </button>
      <button type="button" onClick={onCollapseAll}>
        Collapse all
      </button>
    </div>
  );
}
