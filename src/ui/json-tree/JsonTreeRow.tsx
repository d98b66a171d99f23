import type { JsonValue } from '../../core/json/walk';
import { SafeLink, isSafeHref } from '../SafeLink';
import { isContainer, type TreeRow } from './model';
import { copyText } from './stringify';
import { clip } from '../../core/text/clip';
import { countOf } from '../../core/text/plural';

/** A copy button's or key's call: the text, what it is, and the member's JSON Pointer. */
export type CopyHandler = (text: string, what: 'value' | 'path', pointer: string) => void;

/** Longest string shown in a row; the full value is one "Copy value" away. */
const MAX_SHOWN = 500;
/** A violation beside its member, one line; the whole list is in the note's tooltip. */
const MAX_NOTE = 200;

function primitiveText(v: JsonValue): string {
  if (typeof v === 'string') return JSON.stringify(clip(v, 41));
  if (isContainer(v)) return Array.isArray(v) ? '[…]' : '{…}';
  return String(v);
}

/** A one-line summary of a closed container: its first few members, like DevTools' console previews. */
function preview(v: JsonValue): string {
  if (Array.isArray(v)) {
    const shown = v.slice(0, 5).map(primitiveText);
    return `[${shown.join(', ')}${v.length > 5 ? ', …' : ''}]`;
  }
  if (!isContainer(v)) return '';
  const parts: string[] = [];
  let n = 0;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    if (n++ >= 4) {
      parts.push('…');
      break;
    }
    parts.push(`${clip(k, 31)}: ${primitiveText(v[k] as JsonValue)}`);
  }
  return `{${parts.join(', ')}}`;
}

function Value({ row }: { row: TreeRow }) {
  const v = row.value;
  if (typeof v === 'string') {
    // Only http(s) strings become links (SafeLink); javascript:, data: and the rest stay text.
    const shown = clip(v, MAX_SHOWN);
    return (
      <span className="jt-string">"{isSafeHref(v) ? <SafeLink href={v}>{shown}</SafeLink> : shown}"</span>
    );
  }
  if (typeof v === 'number') return <span className="jt-number">{String(v)}</span>;
  if (typeof v === 'boolean') return <span className="jt-boolean">{String(v)}</span>;
  if (v === null) return <span className="jt-null">null</span>;
  const isArray = Array.isArray(v);
  const count = isArray ? countOf(row.size, 'item') : countOf(row.size, 'key');
  if (row.expanded || row.size === 0) {
    return (
      <span className="jt-meta">
        {isArray ? (row.size === 0 ? '[]' : 'Array') : row.size === 0 ? '{}' : 'Object'}{' '}
        <span className="muted">({count})</span>
      </span>
    );
  }
  return (
    <span className="jt-meta">
      <span className="jt-preview">{clip(preview(v), MAX_SHOWN)}</span>{' '}
      <span className="muted">({count})</span>
    </span>
  );
}

export interface JsonTreeRowProps {
  row: TreeRow;
  id: string;
  /** JSON Pointer of the row's member ('' for the whole document). */
  pointer: string;
  /** Offset from the top of the virtual list, in pixels. */
  top: number;
  active: boolean;
  match: boolean;
  current: boolean;
  revealed: boolean;
  /** What is wrong with this member (schema violations), shown beside it. */
  notes?: readonly string[] | undefined;
  onActivate: () => void;
  onToggle: () => void;
  onCopy?: CopyHandler | undefined;
}

/** One member of the tree: toggle, key, value (or a preview of a closed container) and copy buttons. */
export function JsonTreeRow({
  row,
  id,
  pointer,
  top,
  active,
  match,
  current,
  revealed,
  notes,
  onActivate,
  onToggle,
  onCopy,
}: JsonTreeRowProps) {
  const classes = ['jt-row'];
  if (active) classes.push('jt-active');
  if (match) classes.push('jt-match');
  if (current) classes.push('jt-current');
  if (revealed) classes.push('jt-revealed');
  if (notes && notes.length > 0) classes.push('jt-violation');
  return (
    <div
      id={id}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.size > 0 ? row.expanded : undefined}
      aria-selected={active}
      aria-current={revealed ? 'location' : undefined}
      data-pointer={pointer}
      title={pointer === '' ? '(whole document)' : pointer}
      className={classes.join(' ')}
      style={{
        transform: `translateY(${top}px)`,
        paddingLeft: 4 + Math.min(row.depth, 40) * 14,
      }}
      onClick={onActivate}
    >
      {row.size > 0 ? (
        <button
          type="button"
          className="jt-toggle"
          tabIndex={-1}
          aria-label={row.expanded ? 'Collapse' : 'Expand'}
          onClick={onToggle}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="jt-toggle-space" />
      )}
      {row.depth > 40 && <span className="jt-depth muted">{row.depth}·</span>}
      {row.key !== null && (
        <>
          <span className={typeof row.key === 'number' ? 'jt-index' : 'jt-key'}>
            {clip(String(row.key), MAX_SHOWN)}
          </span>
          <span className="jt-colon">: </span>
        </>
      )}
      <Value row={row} />
      {notes && notes.length > 0 && (
        <span className="jt-note" title={notes.join('\n')}>
          ⚠ {clip(notes[0]!, MAX_NOTE)}
          {notes.length > 1 && <span className="muted"> (+{notes.length - 1} more)</span>}
        </span>
      )}
      {onCopy && (
        <span className="jt-actions">
          <button
            type="button"
            tabIndex={-1}
            title="Copy value (C)"
            aria-keyshortcuts="C"
            onClick={() => onCopy(copyText(row.value), 'value', pointer)}
          >
            Copy value
          </button>
          <button
            type="button"
            tabIndex={-1}
            title="Copy path (P)"
            aria-keyshortcuts="P"
            onClick={() => onCopy(pointer, 'path', pointer)}
          >
            Copy path
          </button>
        </span>
      )}
    </div>
  );
}
