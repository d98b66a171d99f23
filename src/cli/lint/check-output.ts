import { realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, UsageError } from '../io';
import type { CliIo } from '../io';

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks --output before any linting, so a run over big recordings does not fail at the
 * end: its directory exists, it is not a directory itself, and it is none of the inputs
 * (writing the report over a HAR would destroy the recording). An empty name is options.ts's.
 */
export async function checkOutput(output: string, files: readonly string[], io: CliIo): Promise<void> {
  const abs = resolve(io.cwd, output);
  const dir = dirname(abs);
  const dirInfo = await statOrUndefined(dir);
  if (!dirInfo || !dirInfo.isDirectory()) {
    const shown = dirname(output);
    throw new InputError(
      `cannot write the report: ${dirInfo ? `${shown} is not a directory` : `the directory ${shown} does not exist`}`,
      output,
    );
  }
  const info = await statOrUndefined(abs);
  if (!info) return;
  if (info.isDirectory()) throw new InputError('cannot write the report: is a directory, not a file', output);
  const real = await realpath(abs).catch(() => abs);
  for (const file of files) {
    if (file === '-') continue;
    const inAbs = resolve(io.cwd, file);
    const inInfo = await statOrUndefined(inAbs);
    if (!inInfo) continue;
    // The same inode catches hard links too; the real path covers file systems without inodes.
    const same =
      (info.ino !== 0 && inInfo.dev === info.dev && inInfo.ino === info.ino) ||
      (await realpath(inAbs).catch(() => inAbs)) === real;
    if (same) {
      throw new UsageError(
        `--output ${output} is the input ${file}: writing the report there would overwrite the recording`,
        'lint',
      );
    }
  }
}
