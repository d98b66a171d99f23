import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { knownRuleIds } from '../../core/profiles/registry';
import type { ProfileDocument } from '../../core/profiles/types';
import { validateProfile } from '../../core/profiles/validate';
import { findJsonSyntaxError, jsonSyntaxWhere } from '../../core/json/syntax';
import { looksLikeYamlOpenApi } from '../../core/json/document-kind';
import type { Settings } from '../../core/settings/schema';
import { parseSettings } from '../../core/settings/parse';
import { inFile, type Diagnostic } from '../diagnostic';
import { InputError } from '../io';
import type { CliIo } from '../io';
import { describeFsError } from './source';

/**
 * The files that say how to judge (lint, diff and rules read them): the --config settings file
 * and each --profile-file, read and validated, every problem named by the file and its place.
 */

/** The --config settings file: its settings, or an InputError naming the file and each JSON path. */
export async function readConfig(path: string, io: CliIo): Promise<Settings> {
  return (await readChecked(path, io, 'config', (json) => parseSettings(json, knownRuleIds()))).settings;
}

/** One --profile-file: a profile document, or an InputError naming the file and each JSON path. */
export async function readProfileFile(path: string, io: CliIo): Promise<ProfileDocument> {
  return (await readChecked(path, io, 'profile', validateProfile)).profile;
}

/** What a validator makes of a document: the reading, or each problem with its place. */
type Checked = { ok: true } | { ok: false; errors: string[] };

/**
 * A settings or profile file read, parsed and validated: what the validator read, or an
 * InputError naming the file (unreadable, not JSON, or each problem at its place in it).
 */
async function readChecked<R extends Checked>(
  path: string,
  io: CliIo,
  what: 'config' | 'profile',
  validate: (json: unknown) => R,
): Promise<Extract<R, { ok: true }>> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the ${what} file: ${describeFsError(e)}`, path);
  }
  const result: Checked = validate(readJson(text, path, what));
  if (!result.ok) {
    throw new InputError(result.errors.map((err) => inFile(path, withOption(err, path))));
  }
  return result as Extract<R, { ok: true }>;
}

/**
 * The core's mix-up messages ("this is a settings file, not a convention profile: load it as
 * settings"), with the command-line option or command that takes the file.
 */
function withOption(err: string, path: string): string {
  return err
    .replace(/load it as settings$/, `pass it with --config ${path}`)
    .replace('load it as a profile', `pass it with --profile-file ${path}`)
    .replace(/load it as an OpenAPI description$/, `pass it with --openapi ${path}`)
    .replace(/lint it as an input$/, `give it to lint as an input (status-lens lint ${path})`);
}

/**
 * A settings or profile file's JSON (a leading BOM dropped), or an InputError whose place is
 * where it stops being JSON, as a compiler's FILE:LINE:COLUMN, the same for both files.
 */
function readJson(textIn: string, path: string, what: 'config' | 'profile'): unknown {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  try {
    return JSON.parse(text);
  } catch (e) {
    // An OpenAPI description in YAML given to --config or --profile-file: not 'found "o"'.
    if (looksLikeYamlOpenApi(text))
      throw new InputError(
        `this is an OpenAPI description (YAML), not a ${what === 'config' ? 'settings' : 'profile'} file: pass it with --openapi ${path}`,
        path,
      );
    const at = findJsonSyntaxError(text);
    throw new InputError([
      {
        place: at ? { file: path, line: at.line, column: at.column } : { file: path },
        severity: 'error',
        message: `the ${what} file is not valid JSON: ${at ? at.message : jsonSyntaxWhere(text, e)}`,
      },
    ]);
  }
}

/**
 * The user profiles a run judges by: the settings file's, then each --profile-file's. The command
 * line wins, as --profile and --rule do: a file whose id the settings file defines replaces that
 * profile, with a note. Two files of one id are an error, since which one judges would otherwise
 * depend on the order of the arguments. `added` lists the files' ids, in order (they are on).
 */
export async function withProfileFiles(
  fromSettings: readonly ProfileDocument[],
  files: readonly string[],
  io: CliIo,
  configPath: string | undefined,
  notes: Diagnostic[],
): Promise<{ userProfiles: ProfileDocument[]; added: string[] }> {
  const userProfiles = [...fromSettings];
  const byFile = new Map<string, string>();
  for (const file of files) {
    const doc = await readProfileFile(file, io);
    const before = byFile.get(doc.id);
    if (before !== undefined)
      throw new InputError(
        `$.id: a profile "${doc.id}" is already defined (by --profile-file ${before})`,
        file,
      );
    byFile.set(doc.id, file);
    const i = userProfiles.findIndex((d) => d.id === doc.id);
    if (i < 0) userProfiles.push(doc);
    else {
      userProfiles[i] = doc;
      notes.push({
        place: { file: configPath ?? file },
        severity: 'note',
        message: `userProfiles: the profile "${doc.id}" is replaced by --profile-file ${file} (the command line wins)`,
      });
    }
  }
  return { userProfiles, added: [...byFile.keys()] };
}

/**
 * The user's own profiles as far as --config and the --profile-files can be read, for a hint
 * given before the plan is (diff's argument count): a file that cannot be read adds none, since
 * the run stops on the arguments and says nothing of the files.
 */
export async function userProfilesForHint(
  configPath: string | undefined,
  files: readonly string[],
  io: CliIo,
): Promise<ProfileDocument[]> {
  const reads = [
    ...(configPath === undefined ? [] : [async () => (await readConfig(configPath, io)).userProfiles]),
    ...files.map((file) => async () => [await readProfileFile(file, io)]),
  ];
  const docs: ProfileDocument[] = [];
  for (const read of reads) {
    try {
      docs.push(...(await read()));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  return docs;
}
