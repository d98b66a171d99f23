import { jsonSyntaxWhere } from '../core/json/syntax';
import { clip } from '../core/text/clip';
import { cutList, moreLine } from '../core/text/first-few';
import { BUILTIN_RULE_IDS } from '../core/profiles/registry';
import { redactionRemoved, type Settings } from '../core/settings/schema';
import { parseSettings } from '../core/settings/parse';
import { migrateStoredSettings } from '../core/settings/stored';

/** The settings file the options page exports and `status-lens lint --config` reads. */
export const SETTINGS_FILE_NAME = 'status-lens-settings.json';
/** A settings file is a few kilobytes; anything far larger is not one. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
const MAX_SHOWN_ERRORS = 30;

export type ImportResult =
  | {
      ok: true;
      message: string;
      /** Read and valid, not yet stored: no success is claimed until the save resolves. */
      pending?: boolean;
      /** What the file stopped redacting: said out loud, with a one-click way to keep it hidden. */
      unredacted?: { headers: string[]; queryParams: string[]; bodyMembers: string[]; warnings: string[] };
    }
  /** `file`: the file refused, which the heading names; each error names its place in it. */
  | { ok: false; errors: string[]; file?: string };

/** Messages quote file names and parser errors, which can be any length. */
export const clipMessage = (s: string) => clip(s, 300);

/**
 * The errors shown for a refused file (settings, a profile): each names its place in the file
 * ("profiles[0]: …", "$.scope.urls[0]: …"), the heading names the file (ImportErrors).
 */
export function shownErrors(errors: readonly string[]): string[] {
  const { shown, more } = cutList(errors, MAX_SHOWN_ERRORS);
  return more > 0 ? [...shown.map(clipMessage), moreLine(more)] : shown.map(clipMessage);
}

export function exportText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/**
 * Reads an imported settings file against the settings in force: the new settings when it is
 * valid, and what to tell the user either way. Throws nothing.
 */
export function readSettingsFile(
  text: string,
  fileName: string,
  current: Settings,
): { result: ImportResult; settings?: Settings } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // Where it goes wrong, as line and column: JSON.parse's own message names no place for
    // many errors, and quotes the file's text instead.
    return {
      result: {
        ok: false,
        file: fileName,
        errors: [clipMessage(`${fileName} is not valid JSON: ${jsonSyntaxWhere(text, e)}`)],
      },
    };
  }
  const parsed = parseSettings(migrateStoredSettings(json), BUILTIN_RULE_IDS);
  if (!parsed.ok) {
    return { result: { ok: false, file: fileName, errors: shownErrors(parsed.errors) } };
  }
  const monitoringDiffers = parsed.settings.capture.monitoring !== current.capture.monitoring;
  const removed = redactionRemoved(current, parsed.settings);
  const warnings: string[] = [];
  if (removed.headers.length > 0)
    warnings.push(clipMessage(`Exports no longer hide these headers: ${removed.headers.join(', ')}.`));
  if (removed.queryParams.length > 0)
    warnings.push(
      clipMessage(`Exports no longer hide these query parameters: ${removed.queryParams.join(', ')}.`),
    );
  if (removed.bodyMembers.length > 0)
    warnings.push(
      clipMessage(`Exports no longer hide these body members: ${removed.bodyMembers.join(', ')}.`),
    );
  return {
    settings: parsed.settings,
    result: {
      ok: true,
      message:
        `Imported settings from ${clipMessage(fileName)}.` +
        (monitoringDiffers
          ? ' Monitoring without DevTools was left as it is: use its switch, Chrome asks for access there.'
          : ''),
      ...(warnings.length > 0 ? { unredacted: { ...removed, warnings } } : {}),
    },
  };
}
