import { RE2JS } from 're2js';

/**
 * A regular expression the user typed, matched in linear time.
 *
 * The search box runs its regex over every row, and rows keep arriving from the inspected page,
 * so the page chooses the subjects: with a backtracking engine `/(a+)+$/` over URLs the page
 * picked froze DevTools for half a minute per keystroke. RE2 (here its pure-JS port, re2js)
 * never backtracks: time grows with the text, never exponentially, whatever the pattern. The
 * price is RE2's syntax: no backreferences and no lookaround, which we name plainly.
 */
export interface UserRegex {
  /** As typed, between the slashes. */
  source: string;
  /** As typed after the closing slash. */
  flags: string;
  test(subject: string): boolean;
}

/**
 * Flags a `/…/` term may end with. Only these make a term a regex, so a path such as
 * `/api/widgets` stays text (as in Chrome's Network panel): `i` ignores case, `s` lets `.`
 * match newlines, `m` makes `^`/`$` match at line ends; `g` and `u` change nothing for a
 * yes/no match and are accepted because people type them out of habit.
 */
export const REGEX_FLAGS = 'gimsu';

/** True when `flags` is a valid flag string: letters from REGEX_FLAGS, each at most once. */
export function validRegexFlags(flags: string): boolean {
  for (let i = 0; i < flags.length; i++) {
    const c = flags[i]!;
    if (!REGEX_FLAGS.includes(c) || flags.indexOf(c) !== i) return false;
  }
  return true;
}

/** Syntax a backtracking engine has and RE2 has not, found before RE2's terser message. */
function unsupported(source: string): string | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k'))
        return `backreferences (\\${next}…) are not supported`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!')) return 'lookahead ((?=…), (?!…)) is not supported';
      if (rest === '<=' || rest === '<!') return 'lookbehind ((?<=…), (?<!…)) is not supported';
      if (rest.startsWith('>')) return 'atomic groups ((?>…)) are not supported';
    }
  }
  return null;
}

/** Compiles a user's pattern, or says in words why it cannot be used. Never throws. */
export function compileUserRegex(source: string, flags: string): UserRegex | { error: string } {
  const why = unsupported(source);
  if (why) return { error: `${why}: patterns run on a linear-time engine (RE2 syntax)` };
  let mask = 0;
  if (flags.includes('i')) mask |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) mask |= RE2JS.DOTALL;
  if (flags.includes('m')) mask |= RE2JS.MULTILINE;
  try {
    const re = RE2JS.compile(source, mask);
    return { source, flags, test: (subject) => re.test(subject) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { error: message.replace(/^error parsing regexp: /, '') };
  }
}
