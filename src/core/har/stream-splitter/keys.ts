/** Keys longer than this cannot be "log" or "entries" (even \u-escaped), so their bytes are not kept. */
export const MAX_KEY_BYTES = 64;

/**
 * The key as JSON.parse would read it, or a string no HAR member is named when it cannot matter.
 * `long` says the key ran past MAX_KEY_BYTES, so `bytes` holds only its start.
 */
export function decodeKey(bytes: readonly number[], long: boolean): string {
  if (long) return '\u0000long';
  let raw = '';
  for (const b of bytes) {
    if (b >= 0x80 || b < 0x20) return '\u0000other';
    raw += String.fromCharCode(b);
  }
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return '\u0000invalid';
  }
}
