/**
 * Where a character offset falls in a text, as a person looks for it: 1-based line and column
 * (UTF-16 units from the line's start). JSON parsers report offsets ("at position 812"); an
 * editor shows lines.
 */
export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: pos - start + 1 };
}

/**
 * A place in a text in words, "line 8, column 9" (or "line 8" when the column is unknown): the
 * one wording of a position every syntax message uses, so the line and the column are said
 * together, never one in a bracket and the other at the sentence's end.
 */
export function positionText(at: { line: number; column?: number | undefined }): string {
  return at.column === undefined ? `line ${at.line}` : `line ${at.line}, column ${at.column}`;
}

/** positionText read back: the CLI puts it in its `FILE:LINE:COL` place. */
export function readPosition(text: string): { line: number; column?: number } | undefined {
  const m = /^line (\d+)(?:, column (\d+))?$/.exec(text);
  if (!m) return undefined;
  return m[2] === undefined ? { line: Number(m[1]) } : { line: Number(m[1]), column: Number(m[2]) };
}
