import type { Settings } from '../../core/settings/schema';
import { clipMessage } from '../settings-file';
import { settingsOrDefaults } from '../settings-start';
import type { OptionsContext } from './context';
import { followPermissions } from './monitoring';
import type { OptionsState } from './types';

/** Loads the settings (and whether monitoring's access is granted) and follows changes made elsewhere. */
export function startAction(ctx: OptionsContext): OptionsState['start'] {
  const { deps, store, merged, get, set } = ctx;
  return () => {
    let stopped = false;
    /** Settings another context saved while the load was under way: newer than what it read. */
    let savedMeanwhile: Settings | null = null;
    const follow = (next: Settings) => {
      if (stopped) return;
      set({
        unreadableSettings: store.unreadable?.() ?? [],
        ...(merged ? { unreadableProfiles: merged.unreadableProfiles() } : {}),
      });
      if (ctx.loading()) {
        savedMeanwhile = next;
        return;
      }
      // Our own pending edits win over an echo or an older save from elsewhere.
      if (stopped || ctx.busy()) return;
      if (JSON.stringify(next) === JSON.stringify(get().settings)) return;
      set({ settings: next, revision: get().revision + 1 });
    };
    const offSettings = store.subscribe(follow);
    const offPermissions = followPermissions(ctx, () => stopped);
    void Promise.all([settingsOrDefaults(store), deps.permissions.hasMonitoring().catch(() => false)]).then(
      ([{ settings: loaded, unreadable: loadFailed }, granted]) => {
        if (stopped) return;
        if (loadFailed !== null && savedMeanwhile === null) {
          // The defaults are shown, but saving them would replace settings that are stored
          // and only could not be read: edits stay unsaved until a reload reads them.
          set({
            phase: 'ready',
            settings: loaded,
            revision: get().revision + 1,
            monitoring: { pending: false, granted, note: null },
            save: {
              state: 'error',
              error: clipMessage(
                `your stored settings could not be read (${loadFailed}); changes here are not saved, so they cannot replace them. Reload the page to try again.`,
              ),
            },
          });
          return;
        }
        const settings = ctx.loaded(savedMeanwhile ?? loaded);
        const note =
          settings.capture.monitoring && !granted
            ? 'Monitoring is on in your synced settings, but this browser has not granted access to all sites: switch it off and on again to grant it.'
            : null;
        set({
          phase: 'ready',
          unreadableProfiles: merged?.unreadableProfiles() ?? [],
          unreadableSettings: store.unreadable?.() ?? [],
          settings,
          revision: get().revision + 1,
          monitoring: { pending: false, granted, note },
        });
      },
    );
    return () => {
      stopped = true;
      offSettings();
      offPermissions();
    };
  };
}
