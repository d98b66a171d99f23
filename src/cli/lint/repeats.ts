import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostic';

/**
 * What two spellings of one file share (`a.har`, `./a.har`, its absolute path, a link to it):
 * its real path, or the absolute path when it cannot be resolved (a missing file, reported
 * where it is read).
 */
export async function sameFileKey(abs: string): Promise<string> {
  return realpath(abs).catch(() => abs);
}

/** The note for a file given again (`done`: what happens to it, "loaded once", "linted once"). */
export function repeatNote(name: string, firstName: string, done: string): Diagnostic {
  return {
    place: { file: name },
    severity: 'note',
    message:
      firstName === name ? `given twice: ${done}` : `the same file as ${firstName}, given again: ${done}`,
  };
}

/**
 * The HAR inputs, each file once, in the place it was first given: the same file named twice,
 * or matched by a pattern as well, would be linted twice, its findings doubled in the counts and
 * repeated as SARIF results with the same fingerprints. Standard input (`-`) is no file.
 */
export async function withoutRepeatedInputs(
  files: readonly string[],
  cwd: string,
): Promise<{ files: string[]; notes: Diagnostic[] }> {
  const first = new Map<string, string>();
  const notes: Diagnostic[] = [];
  for (const file of files) {
    const key = file === '-' ? file : await sameFileKey(resolve(cwd, file));
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, file);
    else notes.push(repeatNote(file, earlier, 'linted once'));
  }
  return { files: [...first.values()], notes };
}
