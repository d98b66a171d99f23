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
