import type { Unsubscribe } from '../../adapters/ports';
import type { OptionsContext } from './context';
import type { OptionsState } from './types';

/**
 * Follows Chrome's grant of access to all sites: withdrawn (chrome://extensions, another
 * page's switch), monitoring goes off, and the page says why.
 */
export function followPermissions(ctx: OptionsContext, stopped: () => boolean): Unsubscribe {
  const { get, set } = ctx;
  return ctx.deps.permissions.onChanged((granted) => {
    if (stopped()) return;
    set({ monitoring: { ...get().monitoring, granted } });
    if (!granted && get().settings.capture.monitoring && !get().monitoring.pending) {
      ctx.edit((d) => {
        d.capture.monitoring = false;
      });
      set({
        monitoring: {
          ...get().monitoring,
          note: 'Chrome’s access to all sites was withdrawn, so monitoring is off.',
        },
      });
    }
  });
}

/** The monitoring switch: on only once Chrome grants access to all sites, off removing it. */
export function monitoringActions(ctx: OptionsContext): Pick<OptionsState, 'setMonitoring'> {
  const { deps, get, set, edit } = ctx;
  return {
    setMonitoring(on) {
      if (get().monitoring.pending) return;
      if (!on) {
        edit((d) => {
          d.capture.monitoring = false;
        });
        set({ monitoring: { ...get().monitoring, note: null } });
        void deps.permissions.removeMonitoring().catch(() => undefined);
        return;
      }
      // Asked before anything else runs, while the click's user gesture still holds.
      const request = deps.permissions.requestMonitoring();
      set({
        monitoring: {
          ...get().monitoring,
          pending: true,
          note: 'Waiting for your answer to Chrome’s permission prompt…',
        },
      });
      void request
        .catch(() => false)
        .then((granted) => {
          if (granted) {
            edit((d) => {
              d.capture.monitoring = true;
            });
            set({ monitoring: { pending: false, granted: true, note: null } });
          } else {
            set({
              monitoring: {
                pending: false,
                granted: false,
                note: 'Chrome did not grant access to all sites, so monitoring stays off.',
              },
            });
          }
        });
    },
  };
}
