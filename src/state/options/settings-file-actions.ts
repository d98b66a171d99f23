import { defaultSettings } from '../../core/settings/schema';
import { clipMessage, exportText, readSettingsFile, SETTINGS_FILE_NAME } from '../settings-file';
import type { OptionsContext } from './context';
import type { OptionsState } from './types';

type SettingsFileActions = Pick<
  OptionsState,
  'reset' | 'importText' | 'importFailed' | 'keepRedacting' | 'exportSettings'
>;

/** The settings as a whole: back to the defaults, imported from a settings file, exported to one. */
export function settingsFileActions(ctx: OptionsContext): SettingsFileActions {
  const { deps, get, set, edit, replaceAll } = ctx;
  return {
    reset() {
      // Imported profiles are the user's own documents, not settings: they stay (switched off).
      void replaceAll({ ...defaultSettings(), userProfiles: get().settings.userProfiles });
      set({ importResult: null });
    },

    importText(text, fileName = 'the file') {
      const read = readSettingsFile(text, fileName, get().settings);
      const { settings } = read;
      let { result } = read;
      if (!settings || !result.ok) {
        set({ importResult: result });
        return;
      }
      // The user's own profile documents are never lost to a settings file that lacks them:
      // they stay, switched off (as on reset); the file's replace those of the same id.
      const kept = get().settings.userProfiles.filter(
        (p) => !settings.userProfiles.some((d) => d.id === p.id),
      );
      if (kept.length > 0) {
        settings.userProfiles = [...settings.userProfiles, ...kept];
        result = {
          ...result,
          message: clipMessage(
            `${result.message} Your profiles not in the file were kept, switched off: ${kept.map((p) => p.name).join(', ')}.`,
          ),
        };
      }
      const before = get().settings;
      set({
        importResult: {
          ok: true,
          pending: true,
          message: `Saving the settings from ${clipMessage(fileName)}…`,
        },
      });
      void replaceAll(settings).then((saved) => {
        if (saved.state === 'error') {
          // Never "Imported" for settings that are not stored: the page goes back to what
          // is stored, and says why.
          set({
            settings: before,
            revision: get().revision + 1,
            importResult: {
              ok: false,
              file: fileName,
              errors: [
                clipMessage(`${fileName} is valid, but the settings could not be saved: ${saved.error}`),
              ],
            },
          });
          return;
        }
        set({
          importResult: saved.note ? { ...result, message: `${result.message} ${saved.note}` } : result,
        });
      });
    },

    importFailed(message) {
      set({ importResult: { ok: false, errors: [clipMessage(message)] } });
    },

    keepRedacting() {
      const result = get().importResult;
      if (!result?.ok || !result.unredacted) return;
      const { headers, queryParams, bodyMembers } = result.unredacted;
      edit((d) => {
        d.redaction.headers.push(...headers.filter((h) => !d.redaction.headers.includes(h)));
        d.redaction.queryParams.push(...queryParams.filter((q) => !d.redaction.queryParams.includes(q)));
        d.redaction.bodyMembers.push(...bodyMembers.filter((m) => !d.redaction.bodyMembers.includes(m)));
      });
      set({ importResult: { ok: true, message: `${result.message} Redaction kept as it was.` } });
    },

    exportSettings() {
      deps.download(SETTINGS_FILE_NAME, exportText(get().settings));
    },
  };
}
