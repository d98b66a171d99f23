import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../io';

/**
 * File arguments with glob patterns (`recordings/*.har`, `**∕*.har`, `{a,b}.har`) expanded by
 * the CLI itself, so a quoted pattern works the same in every shell, including Windows' that
 * expand nothing. A pattern's matches come sorted, in its place among the other arguments; a
 * file whose name merely looks like a pattern (`traffic[1].har`) is taken as it is when it
 * exists. A pattern that matches no file is an error naming it (exit code 2), rather than a
 * run that lints nothing and passes. An absolute pattern gives absolute names, as the shell
 * would have expanded it (relative to the working directory, they climbed out of it with `../`).
 */
export async function expandFileArgs(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-' || !isDynamicPattern(toPattern(arg)) || (await exists(resolve(cwd, arg)))) {
      out.push(arg);
      continue;
    }
    const matches = await glob(toPattern(arg), {
      cwd,
      absolute: isAbsolute(arg),
      onlyFiles: true,
      expandDirectories: false,
      followSymbolicLinks: true,
    });
    if (matches.length === 0) {
      throw new InputError(`${arg}: no file matches this pattern (searched from ${cwd})`);
    }
    out.push(...matches.sort(byCodeUnits));
  }
  return out;
}

/** Patterns take forward slashes; a Windows user's `recordings\*.har` means the same. */
function toPattern(arg: string): string {
  return process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A stable order that does not depend on the machine's locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
