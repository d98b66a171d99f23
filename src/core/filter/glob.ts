/**
 * Whether `text` matches `pattern` whole, `*` standing for any run of characters (Chrome's
 * `domain:*.example.com`). Matched by hand, greedy with one backtrack point, so the time is
 * bounded by pattern × text length whatever the stars: no RegExp is built from what the user typed.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === text[t] && pattern[p] !== '*') {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
