import type { SettingsStore } from '../adapters/ports';
import { defaultSettings, type Settings } from '../core/settings/schema';

/**
 * The settings a surface starts with. When storage cannot be read at all (Chrome refused the
 * read, the stored document is not an object), the surface still opens, on the defaults, and
 * says why, instead of staying blank; the stored settings are left as they are, since every
 * save goes through a fresh read that fails the same way.
 */
export async function startingSettings(
  store: Pick<SettingsStore, 'load'>,
): Promise<{ settings: Settings; problem: string | null }> {
  try {
    return { settings: await store.load(), problem: null };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      settings: defaultSettings(),
      problem: `Your stored settings could not be read (${why}): the panel uses the defaults and saves nothing over them.`,
    };
  }
}
