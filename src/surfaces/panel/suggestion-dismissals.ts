import type { SessionArea, Unsubscribe } from '../../adapters/ports';
import type { PanelStore } from '../../state/panel-store';

/**
 * "Not now" on a profile suggestion, remembered for the DevTools session: the keys
 * (`profile pattern`, the profile's id and the host's origin pattern) live in the session area
 * (chrome.storage.session: gone when the browser closes), so closing DevTools and opening it
 * again, or another tab's panel, does not ask again. React state forgot them with the panel.
 */
export const DISMISSED_KEY = 'panel-dismissed-suggestions';

/** Bounded, like everything read back from storage: the newest this many. */
export const MAX_DISMISSED = 200;

/** What another context wrote is untrusted: strings of a sane length only. */
function readKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((k): k is string => typeof k === 'string' && k.length <= 2048).slice(-MAX_DISMISSED);
}

/**
 * Loads the dismissals into the store, then writes each new one back, merged with what other
 * panels wrote meanwhile. A storage failure only costs the memory of a "Not now".
 */
export function followDismissals(area: SessionArea, store: PanelStore): Unsubscribe {
  let stopped = false;
  const merged = async (): Promise<string[]> => {
    try {
      return readKeys(await area.get<unknown>(DISMISSED_KEY));
    } catch {
      return [];
    }
  };
  void merged().then((keys) => {
    if (!stopped) store.getState().addDismissed(keys);
  });
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.dismissedSuggestions === prev.dismissedSuggestions) return;
    const mine = s.dismissedSuggestions;
    void merged().then((stored) => {
      const all = [...new Set([...stored, ...mine])].slice(-MAX_DISMISSED);
      return area.set(DISMISSED_KEY, all).catch(() => undefined);
    });
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
