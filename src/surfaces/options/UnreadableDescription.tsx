import { useState } from 'react';
import type { UnreadableContract } from '../../adapters/ports';
import { clip } from '../../core/text/clip';
import { useContractStore } from './contract-context';

/**
 * A stored description this version cannot read, in the list beside the others: named, marked
 * unreadable with what is wrong, not used, and kept as stored until the user deletes it (its
 * base URL cannot be edited, nor can it be removed other than by Delete).
 */
export function UnreadableDescription({ item }: { item: UnreadableContract }) {
  const store = useContractStore()!;
  const [error, setError] = useState<string | null>(null);
  const label = clip(item.label, 120);
  const remove = () =>
    void store.deleteUnreadable(item).then(
      () => setError(null),
      (e: unknown) => setError(clip(`${label} was not deleted: ${String((e as Error)?.message ?? e)}`, 300)),
    );
  return (
    <li className="openapi-doc" data-unreadable-description={item.label}>
      <strong className="mono">{label}</strong> <span className="marker invalid">unreadable</span>{' '}
      <span className="muted">not used to check traffic; kept as stored until you delete it</span>
      <div className="import-errors">
        <ul>
          <li>{item.problem}</li>
        </ul>
      </div>
      <div className="file-actions">
        <button type="button" onClick={remove}>
          Delete {label}
        </button>
      </div>
      {error && (
        <p className="save-status error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
