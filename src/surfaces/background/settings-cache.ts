import type { SettingsStore } from '../../adapters/ports';
import { defaultSettings, type Settings } from '../../core/settings/schema';

/**
 * The worker's copy of the settings. It is loaded again each time the worker starts; events that
 * arrive meanwhile wait for it rather than run under defaults.
 */
export function createSettingsCache(store: SettingsStore) {
  let current: Settings | null = null;
  let loading: Promise<Settings> | null = null;
  const listeners = new Set<(next: Settings, previous: Settings | null) => void>();

  // Subscribed at once (synchronously at start-up), so no change is missed while loading.
  store.subscribe((next) => {
    const previous = current;
    current = next;
    for (const l of listeners) l(next, previous);
  });

  function get(): Promise<Settings> {
    if (current) return Promise.resolve(current);
    loading ??= store
      .load()
      .catch(() => defaultSettings())
      .then((loaded) => {
        if (!current) {
          current = loaded;
          for (const l of listeners) l(loaded, null);
        }
        return current;
      });
    return loading;
  }

  function onChange(listener: (next: Settings, previous: Settings | null) => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  return { get, onChange };
}

export type SettingsCache = ReturnType<typeof createSettingsCache>;
