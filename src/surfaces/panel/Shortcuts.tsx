import { useEffect, useRef, useState } from 'react';
import type { PanelStore } from '../../state/panel-store';
import { usePanelApi } from './panel-context';
import { SEARCH_INPUT_ID } from './SearchBox';
import { keepTabInside } from '../../ui/focus-trap';
import { isShortcut, MOD_KEY, SHORTCUTS } from './shortcut-keys';

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
  const state = store.getState();
  if (isShortcut('record', e)) state.setRecording(!state.recording);
  else if (isShortcut('clear', e)) state.clear();
  else if (isShortcut('search', e)) focusFilter(store);
  // `?` and `/` are characters in a field, not shortcuts.
  else if (isShortcut('help', e) && !typing(e.target)) openSheet();
  // DevTools keeps Ctrl/⌘+F for its own search bar (the key is forwarded out of an extension
  // panel's frame, so this handler rarely sees it); what is typed in that bar fills the filter
  // (devtools-search.ts), and `/` focuses the filter, as in many web apps.
  else if (isShortcut('filter', e) && !typing(e.target)) focusFilter(store);
  else return false;
  return true;
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
          {Object.values(SHORTCUTS).map((s) => (
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
