/**
 * The panel's keyboard shortcuts: the one list the `?` sheet shows and every handler asks
 * (`isShortcut`), so a key cannot work without the sheet saying so, nor the sheet promise a key
 * that does nothing (review finding 10: R and Shift+R worked but were not on the sheet). The
 * README's shortcut table is checked against it by a unit test.
 */

/** What a handler sees of a keydown (DOM or React). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The modifier as this platform names it, for the sheet and tooltips. */
export const MOD_KEY = isMac() ? '⌘' : 'Ctrl+';

/** Ctrl (⌘ on a Mac) and no other modifier. */
const mod = (e: KeyPress) =>
  (isMac() ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey) && !e.altKey && !e.shiftKey;
/** No modifier but Shift (which `?` needs on most layouts). */
const plain = (e: KeyPress) => !e.ctrlKey && !e.metaKey && !e.altKey;
const bare = (e: KeyPress) => plain(e) && !e.shiftKey;

/** The list's movement keys. */
export const MOVE_KEYS = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'] as const;

interface Shortcut {
  /** The keys as the sheet writes them, with this platform's modifier. */
  keys: (mod: string) => string;
  what: string;
  matches: (e: KeyPress) => boolean;
}

export const SHORTCUTS = {
  record: {
    keys: (m) => `${m}E`,
    what: 'Record / pause',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'e',
  },
  filter: { keys: () => '/', what: 'Focus the filter box', matches: (e) => plain(e) && e.key === '/' },
  search: {
    keys: (m) => `${m}F`,
    what: 'DevTools’ search bar: what you type there filters the list; Enter / Shift+Enter step through the matches, Esc restores the filter',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'f',
  },
  clear: {
    keys: (m) => `${m}L`,
    what: 'Clear the list',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'l',
  },
  move: {
    keys: () => '↑ ↓ Home End PgUp PgDn',
    what: 'Move through the requests (list focused)',
    matches: (e) => bare(e) && (MOVE_KEYS as readonly string[]).includes(e.key),
  },
  open: {
    keys: () => 'Enter',
    what: 'Open the selected request’s details',
    matches: (e) => bare(e) && e.key === 'Enter',
  },
  resend: {
    keys: () => 'R',
    what: 'Resend the selected request (list focused)',
    matches: (e) => bare(e) && (e.key === 'r' || e.key === 'R'),
  },
  editAndResend: {
    keys: () => 'Shift+R',
    what: 'Edit and resend the selected request (list focused)',
    matches: (e) => plain(e) && e.shiftKey && (e.key === 'r' || e.key === 'R'),
  },
  rowMenu: {
    keys: () => 'Shift+F10',
    what: 'The selected request’s menu (list focused)',
    matches: (e) => (bare(e) && e.key === 'ContextMenu') || (plain(e) && e.shiftKey && e.key === 'F10'),
  },
  deselect: {
    keys: () => 'Esc',
    what: 'In the list: deselect. In the details: back to the selected row. Closes this sheet and menus',
    matches: (e) => bare(e) && e.key === 'Escape',
  },
  help: { keys: () => '?', what: 'This sheet', matches: (e) => plain(e) && e.key === '?' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

/** Whether this keydown is the shortcut `id`. */
export const isShortcut = (id: ShortcutId, e: KeyPress): boolean => SHORTCUTS[id].matches(e);
