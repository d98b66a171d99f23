import { isShortcut } from '../shortcut-keys';
import { useCallback, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Row } from '../../../state/panel-store';
import { useResend, useResendCommands } from './resend-context';
import { RowMenu, type RowMenuState } from './RowMenu';

export interface RowResend {
  /** Ctrl/⌘-click marks a row for comparison; true when it did (the click is then not a selection). */
  onRowClick(e: MouseEvent, id: string): boolean;
  onRowContextMenu(e: MouseEvent, row: Row): void;
  /** R resends the selected row, Shift+R edits it first; the context-menu key opens the menu. True when handled. */
  onKeyDown(e: KeyboardEvent, selected: Row | undefined): boolean;
  isMarked(id: string): boolean;
  /** The open context menu, to render anywhere in the list. */
  menu: ReactNode;
}

/** The request list's hooks into resend and compare (issue #19), kept here so the list changes little. */
export function useRowResend(): RowResend {
  const commands = useResendCommands();
  const marked = useResend((s) => s.marked);
  const [menu, setMenu] = useState<RowMenuState | null>(null);
  const close = useCallback(() => setMenu(null), []);
  return {
    onRowClick(e, id) {
      if (!commands || !(e.ctrlKey || e.metaKey)) return false;
      commands.toggleMark(id);
      return true;
    },
    onRowContextMenu(e, row) {
      if (!commands) return;
      e.preventDefault();
      setMenu({ row, x: e.clientX, y: e.clientY });
    },
    onKeyDown(e, selected) {
      if (!commands || !selected) return false;
      if (isShortcut('resend', e)) {
        commands.resend(selected);
        return true;
      }
      if (isShortcut('editAndResend', e)) {
        commands.editAndResend(selected);
        return true;
      }
      if (isShortcut('rowMenu', e)) {
        const rect = document.querySelector(`[role="row"][aria-selected="true"]`)?.getBoundingClientRect();
        setMenu({ row: selected, x: rect ? rect.left + 24 : 24, y: rect ? rect.bottom : 24 });
        return true;
      }
      return false;
    },
    isMarked: (id) => marked.includes(id),
    menu: menu && <RowMenu menu={menu} onClose={close} />,
  };
}
