import type { ReactNode } from 'react';
import type { DraftField } from './use-draft-field';

/**
 * The line under a typed setting: its hint, or what is wrong with the draft. A refused save is an
 * alert; a problem seen while typing is not announced at every keystroke.
 */
export function FieldHint({ id, field, children }: { id: string; field: DraftField; children: ReactNode }) {
  return (
    <span
      id={id}
      className={field.problem ? 'hint field-error' : 'muted hint'}
      role={field.refused ? 'alert' : undefined}
    >
      {field.problem ?? children}
    </span>
  );
}
