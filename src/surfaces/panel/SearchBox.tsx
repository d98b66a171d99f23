import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { KEY_HELP } from '../../core/filter/keys';
import { countOf } from '../../core/text/plural';
import { parseQuery } from '../../core/filter/query';
import { knownProfileIds } from '../../core/profiles/builtins';
import { applySuggestion, suggest, type Suggestions } from '../../core/filter/suggest';
import { suggestSources, warmSuggestSources } from './filter-values';
import { usePanel, usePanelApi } from './panel-context';
import './search.css';

/** The id the Ctrl/⌘+F shortcut focuses. */
export const SEARCH_INPUT_ID = 'status-lens-filter';

const NO_SUGGESTIONS: Suggestions = { from: 0, to: 0, items: [] };

/**
 * How far the worker's search has got, or what a `body:` term found. A regex over URLs alone says
 * nothing once done: the status bar's "n of m requests shown" is its answer.
 */
function SearchStatus() {
  const search = usePanel((s) => s.search);
  if (!search || (search.done && !search.readsBodies)) return null;
  const text = search.done
    ? `body: ${countOf(search.matches.size, 'match', 'matches')} in ${countOf(search.bodies, 'captured body', 'captured bodies')}`
    : `${search.readsBodies ? 'Searching response bodies' : 'Matching URLs'}… ${search.scanned} of ${search.total}`;
  return (
    <span
      className="search-progress"
      role="status"
      title={
        search.readsBodies
          ? 'Bodies over the size cap, binary bodies and bodies DevTools no longer held are not searched'
          : undefined
      }
    >
      {text}
    </span>
  );
}

function HelpPopover({ onPick, onClose }: { onPick: (example: string) => void; onClose: () => void }) {
  return (
    <div
      className="search-help"
      role="dialog"
      aria-label="Filter syntax"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <p>
        Terms combine with AND. Plain text matches the URL; <code>/regex/</code> too (RE2 syntax). A leading{' '}
        <code>-</code> negates a term: <code>-method:GET</code>. Click an example to add it.
      </p>
      <table>
        <tbody>
          {KEY_HELP.map((k) => (
            <tr key={k.key}>
              <th scope="row">
                <code>{k.key}</code>
              </th>
              <td>{k.help}</td>
              <td>
                <button type="button" className="link-button" onClick={() => onPick(k.example)}>
                  {k.example}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The filter box: the search language (src/core/filter) with autocomplete of keys and of values
 * seen in the capture (an ARIA combobox: arrows move, Enter or Tab takes, Escape closes), a help
 * popover with examples, problems named under it, and the `body:` search's progress.
 */
export function SearchBox() {
  const query = usePanel((s) => s.filter.query);
  const setFilter = usePanel((s) => s.setFilter);
  const store = usePanelApi();
  const userProfiles = usePanel((s) => s.settings.userProfiles);
  // A `profile:` value is checked against the ids findings can carry, for a did-you-mean hint.
  const errors = useMemo(
    () => parseQuery(query, { profiles: knownProfileIds(userProfiles) }).errors,
    [query, userProfiles],
  );
  const input = useRef<HTMLInputElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [help, setHelp] = useState(false);
  const listId = useId();
  const helpId = useId();

  useEffect(() => warmSuggestSources(store), [store]);
  // Gathered only while the list is open: a keystroke elsewhere never walks the rows.
  const suggestions = useMemo(() => {
    if (!open || caret === null) return NO_SUGGESTIONS;
    const state = store.getState();
    // Values are gathered only once a `key:` is typed (the first time over 50,000 rows is tens of ms).
    return suggest(query, caret, () => suggestSources(store, state));
  }, [open, caret, query, store]);
  const shown = suggestions.items.length > 0;

  const moveCaret = (to: number | null) => {
    setCaret(to);
    setActive(0);
  };

  const take = (index: number) => {
    const item = suggestions.items[index];
    if (!item) return;
    const next = applySuggestion(query, suggestions, item);
    setFilter({ query: next.value });
    moveCaret(next.caret);
    setOpen(item.kind === 'key');
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!shown) {
      if (e.key === 'ArrowDown' && e.altKey) setOpen(true);
      return;
    }
    if (e.key === 'ArrowDown') setActive((a) => (a + 1) % suggestions.items.length);
    else if (e.key === 'ArrowUp')
      setActive((a) => (a - 1 + suggestions.items.length) % suggestions.items.length);
    else if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey)) take(active);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };

  return (
    <div className="search">
      <div className="search-field">
        <input
          id={SEARCH_INPUT_ID}
          ref={input}
          type="search"
          role="combobox"
          aria-label="Filter requests"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={shown ? listId : undefined}
          aria-activedescendant={shown ? `${listId}-${active}` : undefined}
          aria-describedby={errors.length > 0 ? `${listId}-error` : undefined}
          placeholder="Filter: text, /regex/, status:>=400 method:POST domain:*.example.com body:… (? for help)"
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setFilter({ query: e.target.value });
            moveCaret(e.target.selectionStart);
            setOpen(true);
          }}
          onSelect={(e) => {
            if (e.currentTarget.selectionStart !== caret) moveCaret(e.currentTarget.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          aria-invalid={errors.length > 0}
        />
        {shown && (
          <ul className="search-suggestions" role="listbox" id={listId} aria-label="Suggestions">
            {suggestions.items.map((s, i) => (
              <li
                key={s.insert}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                // Before the input's blur closes the list.
                onPointerDown={(e) => {
                  e.preventDefault();
                  take(i);
                }}
              >
                <span className="mono">{s.label}</span>
                {s.detail && <span className="muted"> {s.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        className="search-help-button"
        aria-expanded={help}
        aria-controls={help ? helpId : undefined}
        aria-label="Filter syntax help"
        title="Filter syntax and examples"
        onClick={() => setHelp(!help)}
      >
        ?
      </button>
      {help && (
        <div id={helpId}>
          <HelpPopover
            onPick={(example) => {
              setFilter({ query: query.trim() === '' ? example : `${query.trimEnd()} ${example}` });
              setHelp(false);
              input.current?.focus();
            }}
            onClose={() => setHelp(false)}
          />
        </div>
      )}
      {errors.length > 0 && (
        <span className="search-error" role="status" id={`${listId}-error`}>
          {errors[0]}
        </span>
      )}
      <SearchStatus />
    </div>
  );
}
