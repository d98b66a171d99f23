import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Row } from '../../../state/panel-store';
import { useResend, useResendCommands } from './resend-context';
import './resend.css';

export interface RowMenuState {
  row: Row;
  x: number;
  y: number;
}

/**
 * A row's context menu (issue #19): Resend, Edit and resend…, and comparing with a marked row.
 * Arrow keys move, Enter picks, Escape or a click elsewhere closes.
 */
export function RowMenu({ menu, onClose }: { menu: RowMenuState; onClose: () => void }) {
  const commands = useResendCommands();
  const marked = useResend((s) => s.marked);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);
  if (!commands) return null;
  const id = menu.row.exchange.id;
  const other = marked.find((m) => m !== id);
  const items: { label: string; run: () => void }[] = [
    { label: 'Resend', run: () => commands.resend(menu.row) },
    { label: 'Edit and resend…', run: () => commands.editAndResend(menu.row) },
    ...(other ? [{ label: 'Compare with the marked request', run: () => commands.compare(other, id) }] : []),
    {
      label: marked.includes(id) ? 'Unmark for comparison' : 'Mark for comparison',
      run: () => commands.toggleMark(id),
    },
  ];
  const onKeyDown = (e: KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') all[(at + 1) % all.length]?.focus();
    else if (e.key === 'ArrowUp') all[(at - 1 + all.length) % all.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      ref={ref}
      className="row-menu"
      role="menu"
      aria-label="Request actions"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
