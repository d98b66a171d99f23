import type { SettingsStore } from '../adapters/ports';
import type { Settings } from '../core/settings/schema';

/**
 * Settings edits made outside the options page (the panel's Profiles control), applied as
 * patches over what is stored at the moment of saving, one after another: the surface's own
 * copy may be older than the store (a save from the options page not yet heard of, a slow
 * read), and saving that copy whole would undo whatever it has not seen.
 */
export function settingsEditor(
  store: SettingsStore,
): (recipe: (stored: Settings) => Settings) => Promise<void> {
  let queue: Promise<unknown> = Promise.resolve();
  return (recipe) => {
    const run = queue.then(async () => {
      await store.save(recipe(await store.load()));
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
