/** RFC 6901 JSON Pointer from path segments: "~" → "~0", "/" → "~1". */
export function jsonPointer(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/** Splits an RFC 6901 pointer back into segments. '' points at the whole value. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
