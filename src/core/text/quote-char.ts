/**
 * One character of the user's text, as error messages quote it: in plain double quotes, as the
 * CLI's messages quote whatever the user typed, so it can be copied and searched for (curly
 * quotes are not in the file, and a search for “}” finds nothing). A double quote itself is
 * put in single quotes ('"'), which reads better than """; a character that shows as nothing
 * (a control character, a no-break space, a byte order mark) is named by its code point.
 */
export function quoteChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0xad || cp === 0xfeff)
    return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return ch === '"' ? `'"'` : `"${ch}"`;
}
