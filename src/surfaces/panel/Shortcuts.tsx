import { useEffect, useRef, useState } from 'react';
import type { PanelStore } from '../../state/panel-store';
import { usePanelApi } from './panel-context';
import { SEARCH_INPUT_ID } from './SearchBox';
import { keepTabInside } from '../../ui/focus-trap';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The modifier as this platform names it, for the sheet and tooltips. */
export const MOD_KEY = isMac() ? '⌘' : 'Ctrl+';

export const SHORTCUTS: readonly { keys: (mod: string) => string; what: string }[] = [
  { keys: (m) => `${m}E`, what: 'Record / pause' },
  { keys: () => '/', what: 'Focus the filter box' },
  {
    keys: (m) => `${m}F`,
    what: 'DevTools’ search bar: what you type there filters the list; Enter / Shift+Enter step through the matches, Esc restores the filter',
  },
  { keys: (m) => `${m}L`, what: 'Clear the list' },
  { keys: () => '↑ ↓ Home End PgUp PgDn', what: 'Move through the requests (list focused)' },
  { keys: () => 'Enter', what: 'Open the selected request’s details' },
  { keys: () => 'Esc', what: 'Deselect / close' },
  { keys: () => '?', what: 'This sheet' },
];

/** Typing in a field: `?` is a character there, not a shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/**
 * Runs the panel's shortcuts for one keydown; true when it was one. The listener sits on the
 * panel's own document, so the shortcuts act only while the panel has focus; elsewhere in
 * DevTools, Ctrl+F and Ctrl+L keep their usual meaning.
 */
export function handleShortcut(e: KeyboardEvent, store: PanelStore, openSheet: () => void): boolean {
  const mod = isMac() ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (mod && !e.altKey && !e.shiftKey) {
    const key = e.key.toLowerCase();
    const state = store.getState();
    if (key === 'e') state.setRecording(!state.recording);
    else if (key === 'l') state.clear();
    else if (key === 'f') focusFilter(store);
    else return false;
    return true;
  }
  const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target);
  if (e.key === '?' && plain) {
    openSheet();
    return true;
  }
  // DevTools keeps Ctrl/⌘+F for its own search bar (the key is forwarded out of an extension
  // panel's frame, so this handler rarely sees it); what is typed in that bar fills the filter
  // (devtools-search.ts), and `/` focuses the filter, as in many web apps.
  if (e.key === '/' && plain) {
    focusFilter(store);
    return true;
  }
  return false;
}

function focusFilter(store: PanelStore) {
  const focusBox = () => {
    const box = document.getElementById(SEARCH_INPUT_ID);
    if (box instanceof HTMLInputElement) {
      box.focus();
      box.select();
    }
  };
  if (store.getState().view === 'codes') {
    // The Codes view has no filter box: go back to the requests, whose box renders next frame.
    store.getState().setView('requests');
    requestAnimationFrame(focusBox);
  } else focusBox();
}

function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const back = document.activeElement;
    close.current?.focus();
    return () => {
      if (back instanceof HTMLElement) back.focus();
    };
  }, []);
  const mod = MOD_KEY;
  return (
    <div className="shortcut-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onKeyDown={(e) => {
          keepTabInside(e);
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2>Keyboard shortcuts</h2>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.what}>
              <dt>
                <kbd>{s.keys(mod)}</kbd>
              </dt>
              <dd>{s.what}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">Active while the Status Lens panel has focus.</p>
        <button type="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** The panel's keyboard shortcuts, and the `?` sheet listing them. */
export function Shortcuts() {
  const store = usePanelApi();
  const [sheet, setSheet] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (handleShortcut(e, store, () => setSheet(true))) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
  return sheet ? <ShortcutSheet onClose={() => setSheet(false)} /> : null;
}
