import { BUILTIN_PROFILE_IDS } from '../../core/profiles/builtins';

/** `ID=LEVEL`, as --rule takes it (`http/date=warning`). */
const RULE_SETTING = /^[\w.-]+\/[\w./-]+=[a-z]+$/i;

/**
 * Why an argument that names no file may have been meant for an option: `--profile problem hal`
 * and `--rule a=error b=off` leave the second value as an input, which then "cannot be read".
 * `profileIds` are the profiles --profile takes in this run: the built-ins, and the user's own
 * (the settings file's and each --profile-file's), in any case as --profile reads them.
 * `profilesGiven` are the --profile values as the user wrote them: the comma form repeats them,
 * so it is the command the user meant (`--profile hal x` → `--profile hal,x`), never another.
 * Empty when it looks like neither.
 */
export function strayArgumentHint(
  arg: string,
  profileIds: readonly string[] = BUILTIN_PROFILE_IDS,
  profilesGiven: readonly string[] = [],
): string {
  const words = arg.split(',');
  const shown = JSON.stringify(arg);
  if (words.every((w) => profileIds.includes(w.toLowerCase()))) {
    // Every --profile value counts (they add up), so one list of them all means the same.
    const given = profilesGiven.flatMap((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    if (given.length === 0) return `${shown} looks like a profile: --profile turns it on (--profile ${arg})`;
    return `${shown} looks like a profile: an option takes one value, so list profiles after one --profile with commas (--profile ${[...given, arg].join(',')}) or repeat --profile`;
  }
  if (words.every((w) => RULE_SETTING.test(w)))
    return `${shown} looks like a rule setting: an option takes one value, so repeat --rule for each or separate them with commas (--rule ID=LEVEL,${arg})`;
  return '';
}
