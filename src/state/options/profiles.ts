import { knownProfileIds } from '../../core/profiles/builtins';
import { describeAdjustments, profileAdjustments } from '../../core/profiles/adjustments';
import { describeScope } from '../../core/profiles/scope';
import { parseProfileText, validateScope } from '../../core/profiles/validate';
import { clipMessage, shownErrors } from '../settings-file';
import type { OptionsContext } from './context';
import { EXAMPLE_PROFILE_FILE, exampleProfileText } from './example-profile';
import type { OptionsState } from './types';

type ProfileActions = Pick<
  OptionsState,
  | 'setProfile'
  | 'importProfile'
  | 'profileFailed'
  | 'removeProfile'
  | 'exportUnreadableProfile'
  | 'downloadExampleProfile'
  | 'deleteUnreadableProfile'
  | 'setScope'
>;

/** Profiles: switched on and off, imported from files, removed, scoped; and stored ones this version cannot read. */
export function profileActions(ctx: OptionsContext): ProfileActions {
  const { deps, merged, get, set, edit, flush } = ctx;
  return {
    setProfile(id, on) {
      edit((d) => {
        // Kept in the one order profiles are listed in, as reports name them.
        d.profiles = knownProfileIds(d.userProfiles).filter((p) => (p === id ? on : d.profiles.includes(p)));
      });
    },

    importProfile(text, fileName = 'the file') {
      const parsed = parseProfileText(text);
      if (!parsed.ok) {
        set({ profileResult: { ok: false, file: fileName, errors: shownErrors(parsed.errors) } });
        return;
      }
      const doc = parsed.profile;
      const replaced = get().settings.userProfiles.some((p) => p.id === doc.id);
      edit((d) => {
        d.userProfiles = [...d.userProfiles.filter((p) => p.id !== doc.id), doc];
        // The imported document's scope is the one to use; a scope edited for the old one goes.
        delete d.profileScopes[doc.id];
        if (!d.profiles.includes(doc.id)) d.profiles.push(doc.id);
      });
      // Saved now, not after the typing debounce: an import is one act, often followed by closing
      // the tab, and a save cut short there kept the document but not its being on.
      void flush();
      const adjusts = describeAdjustments(profileAdjustments(doc, get().settings.rules));
      set({
        profileResult: {
          ok: true,
          message: clipMessage(
            `${replaced ? 'Replaced' : 'Imported'} profile “${doc.name}” from ${fileName}. It is on, and applies to ${describeScope(doc.scope)}.${adjusts ? ` Inside that scope: ${adjusts}.` : ''}`,
          ),
        },
      });
    },

    profileFailed(message) {
      set({ profileResult: { ok: false, errors: [clipMessage(message)] } });
    },

    removeProfile(id) {
      if (!get().settings.userProfiles.some((p) => p.id === id)) return;
      edit((d) => {
        d.userProfiles = d.userProfiles.filter((p) => p.id !== id);
        d.profiles = d.profiles.filter((p) => p !== id);
        delete d.profileScopes[id];
        // Its rules' severities go with it (a user profile's id is no built-in rule family).
        for (const rule of Object.keys(d.rules)) if (rule.startsWith(`${id}/`)) delete d.rules[rule];
      });
      void flush();
      set({ profileResult: null });
    },

    exportUnreadableProfile(profile) {
      const base = profile.label.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
      deps.download(`${base}.json`, `${JSON.stringify(profile.raw, null, 2)}\n`);
    },

    downloadExampleProfile() {
      deps.download(EXAMPLE_PROFILE_FILE, exampleProfileText());
    },

    async deleteUnreadableProfile(profile) {
      if (!merged) return;
      try {
        await merged.deleteUnreadableProfile(profile.raw);
        set({ unreadableProfiles: merged.unreadableProfiles(), unreadableError: null });
      } catch (e) {
        set({
          unreadableError: clipMessage(
            `“${profile.label}” was not deleted: ${String((e as Error)?.message ?? e)}`,
          ),
        });
      }
    },

    setScope(id, scope) {
      if (scope === null) {
        edit((d) => {
          delete d.profileScopes[id];
        });
        return [];
      }
      const r = validateScope(scope, 'scope');
      if (!r.ok) return r.errors;
      edit((d) => {
        d.profileScopes = { ...d.profileScopes, [id]: r.scope };
      });
      return [];
    },
  };
}
