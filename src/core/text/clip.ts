/**
 * The one way text is shortened for people and reports (catalogue hints, findings, reports, the
 * CLI, the options page, the panel): at most `max` UTF-16 units, the last of them "…" when
 * anything was cut, and never half of a surrogate pair (an emoji cut in two would show as �).
 */
/** What `clip` ends a shortened text with (redaction looks for values cut there: export/cut-values.ts). */
export const CLIPPED = '…';

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}${CLIPPED}`;
}

/**
 * `clip`, saying how much was left out: for long values shown in full elsewhere (a URL in the
 * Headers tab, a body preview). The note comes after the `max` units of text.
 */
export function clipNoting(text: string, max: number): string {
  if (text.length <= max) return text;
  const shown = clip(text, max + 1);
  return `${shown} (${(text.length - (shown.length - 1)).toLocaleString('en-US')} more characters)`;
}
