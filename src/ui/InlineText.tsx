import { Fragment } from 'react';

/**
 * Text written for people with `code` in backticks (catalogue entries, hints, rule messages and
 * descriptions): the backticked parts become <code>, everything else stays text. Never HTML:
 * the pieces are React strings, so a backtick in untrusted text can only make a code span.
 */
export function InlineText({ text }: { text: string }) {
  const parts = splitInlineCode(text);
  if (parts.length === 1 && !parts[0]!.code) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) => (p.code ? <code key={i}>{p.text}</code> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** `a `b` c` → text "a ", code "b", text " c". An unpaired backtick stays as written. */
export function splitInlineCode(text: string): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('`', at);
    const close = open < 0 ? -1 : text.indexOf('`', open + 1);
    if (open < 0 || close < 0) break;
    if (close === open + 1) {
      // An empty pair is not code: keep both backticks as text.
      out.push({ text: text.slice(at, close + 1), code: false });
      at = close + 1;
      continue;
    }
    if (open > at) out.push({ text: text.slice(at, open), code: false });
    out.push({ text: text.slice(open + 1, close), code: true });
    at = close + 1;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), code: false });
  return out;
}
